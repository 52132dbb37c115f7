package org.callisto.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * The SQL of invitations beyond issuing and using them ({@link AccountStore} does those, the latter in the same
 * transaction as the new account): issuing with a mail address, counting a member's open ones, revoking one's own,
 * and the invitation a code names. Decides nothing; the rules live in {@link Invitations}. Thread-safe: every
 * method borrows its own connection.
 */
public final class InvitationStore {
    private final Database db;

    public InvitationStore(Database db) {
        this.db = db;
    }

    Invitation create(String codeHash, long createdBy, Instant now, Instant expiresAt, String email) {
        return db.inTransaction(c -> Sql.first(
                        c,
                        "INSERT INTO invitations (code_hash, created_by, created_at, expires_at, email)"
                                + " VALUES (?, ?, ?, ?, ?) RETURNING " + AccountStore.INVITATION_COLUMNS,
                        AccountStore::invitation,
                        codeHash,
                        createdBy,
                        now,
                        expiresAt,
                        email)
                .orElseThrow());
    }

    /** How many of {@code userId}'s invitations are open at {@code now}: not used, revoked or expired. */
    int countOpen(long userId, Instant now) {
        return db.withConnection(c -> Sql.first(
                        c,
                        "SELECT COUNT(*) FROM invitations WHERE created_by = ? AND used_at IS NULL"
                                + " AND revoked_at IS NULL AND expires_at > ?",
                        rs -> rs.getInt(1),
                        userId,
                        now)
                .orElseThrow());
    }

    /**
     * Revokes invitation {@code id} if {@code userId} issued it and it is neither used nor revoked; returns
     * whether it did. One statement, so another member's invitation is never touched.
     */
    boolean revoke(long id, long userId, Instant now) {
        return db.inTransaction(c -> Sql.update(
                        c,
                        "UPDATE invitations SET revoked_at = ? WHERE id = ? AND created_by = ? AND used_at IS NULL"
                                + " AND revoked_at IS NULL",
                        now,
                        id,
                        userId))
                == 1;
    }

    /** The invitation whose code has digest {@code codeHash}, whatever its state. */
    Optional<Invitation> byCode(String codeHash) {
        return db.withConnection(c -> Sql.first(
                c,
                "SELECT " + AccountStore.INVITATION_COLUMNS + " FROM invitations WHERE code_hash = ?",
                AccountStore::invitation,
                codeHash));
    }

    /** Every invitation, oldest first; for the moderators' tree. */
    List<Invitation> all() {
        return db.withConnection(c -> Sql.list(
                c,
                "SELECT " + AccountStore.INVITATION_COLUMNS + " FROM invitations ORDER BY created_at, id",
                AccountStore::invitation));
    }
}
