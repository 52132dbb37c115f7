package org.callisto.account;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * All SQL of the accounts: users, invitations and sessions. It stores what it is given (digests, hashes, times)
 * and decides nothing; the rules live in {@link Accounts}. Thread-safe: every method borrows its own connection.
 */
public final class AccountStore {
    static final String USER_COLUMNS = "u.id, u.username, u.role, u.banned, u.created_at, u.invited_by";
    static final String INVITATION_COLUMNS =
            "id, created_by, created_at, expires_at, used_by, used_at, email, revoked_at";

    private final Database db;

    public AccountStore(Database db) {
        this.db = db;
    }

    /** What {@link #createUser} did. */
    sealed interface Creation {}

    /** The account was made. */
    record Created(User user) implements Creation {}

    /** Another account has the same name, in any case. */
    record NameTaken() implements Creation {}

    /** The invitation does not exist, was used, or has expired. */
    record InvitationUnusable() implements Creation {}

    /** A user with the secret they log in with, for checking a password. */
    record Credentials(User user, String passwordHash) {
        @Override
        public String toString() {
            return "Credentials[" + user + "]";
        }
    }

    /** A stored session, without its id (which is stored only as a digest). */
    record SessionRow(User user, String csrfSecret, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {
        @Override
        public String toString() {
            return "SessionRow[" + user + ", expiresAt=" + expiresAt + "]";
        }
    }

    // ---- the site's own secrets

    /**
     * The secret named {@code name}, stored as {@code fresh} at {@code now} if there is none yet; when two
     * processes start at once, both get the one stored first.
     */
    String serverSecret(String name, String fresh, Instant now) {
        return db.inTransaction(c -> {
            Sql.update(
                    c,
                    "INSERT INTO server_secrets (name, secret, created_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT (name) DO NOTHING",
                    name,
                    fresh,
                    now);
            return Sql.first(c, "SELECT secret FROM server_secrets WHERE name = ?", rs -> rs.getString(1), name)
                    .orElseThrow(() -> new IllegalStateException(
                            "accounts: the server secret '" + name + "' was neither stored nor found"));
        });
    }

    // ---- users

    /**
     * Makes an account, using up the invitation with digest {@code invitationHash} when it is not null, all in one
     * transaction: if the name is taken or the invitation cannot be used, nothing changes.
     */
    Creation createUser(String username, String passwordHash, Role role, Instant now, String invitationHash) {
        try {
            return db.inTransaction(c -> {
                record Usable(long id, long createdBy) {}
                Usable invitation = null;
                if (invitationHash != null) {
                    Optional<Usable> found = Sql.first(
                            c,
                            "SELECT id, created_by FROM invitations WHERE code_hash = ?"
                                    + " AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?",
                            rs -> new Usable(rs.getLong(1), rs.getLong(2)),
                            invitationHash,
                            now);
                    if (found.isEmpty()) {
                        return new InvitationUnusable();
                    }
                    invitation = found.get();
                }
                Optional<Long> id = Sql.first(
                        c,
                        "INSERT INTO users (username, username_key, password_hash, role,"
                                + " created_at, password_changed_at, invited_by) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (username_key) DO NOTHING RETURNING id",
                        rs -> rs.getLong(1),
                        username,
                        UsernameRules.key(username),
                        passwordHash,
                        role.key(),
                        now,
                        now,
                        invitation == null ? null : invitation.createdBy());
                if (id.isEmpty()) {
                    return new NameTaken();
                }
                if (invitation != null
                        && Sql.update(
                                        c,
                                        "UPDATE invitations SET used_by = ?, used_at = ?"
                                                + " WHERE id = ? AND used_at IS NULL",
                                        id.get(),
                                        now,
                                        invitation.id())
                                == 0) {
                    throw new InvitationRace();
                }
                return new Created(userById(c, id.get()).orElseThrow());
            });
        } catch (InvitationRace e) {
            return new InvitationUnusable();
        }
    }

    /** Rolls back an account whose invitation was used by a concurrent registration. */
    private static final class InvitationRace extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvitationRace() {
            super("invitation used concurrently", null, false, false);
        }
    }

    /** The account of a name key (see {@link UsernameRules#key}) with its password hash. */
    Optional<Credentials> credentials(String usernameKey) {
        return db.withConnection(c -> Sql.first(
                c,
                "SELECT " + USER_COLUMNS + ", u.password_hash FROM users u" + " WHERE u.username_key = ?",
                rs -> new Credentials(user(rs), rs.getString(7)),
                usernameKey));
    }

    /** The account of an id with its password hash. */
    Optional<Credentials> credentials(long userId) {
        return db.withConnection(c -> Sql.first(
                c,
                "SELECT " + USER_COLUMNS + ", u.password_hash FROM users u" + " WHERE u.id = ?",
                rs -> new Credentials(user(rs), rs.getString(7)),
                userId));
    }

    public Optional<User> user(long id) {
        return db.withConnection(c -> userById(c, id));
    }

    /** The account of a name, in any case. */
    public Optional<User> userByName(String username) {
        return credentials(UsernameRules.key(username)).map(Credentials::user);
    }

    /** The accounts {@code userId} invited, oldest first. */
    public List<User> invitees(long userId) {
        return queryUsers("WHERE u.invited_by = ? ORDER BY u.id", userId);
    }

    /** Every account, oldest first. */
    public List<User> users() {
        return queryUsers("ORDER BY u.id");
    }

    /** How many accounts have {@code role}. */
    public int countWithRole(Role role) {
        return db.withConnection(
                c -> Sql.first(c, "SELECT COUNT(*) FROM users WHERE role = ?", rs -> rs.getInt(1), role.key())
                        .orElseThrow());
    }

    void setPasswordHash(long userId, String passwordHash, Instant now) {
        update("UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?", passwordHash, now, userId);
    }

    void setRole(long userId, Role role) {
        update("UPDATE users SET role = ? WHERE id = ?", role.key(), userId);
    }

    /**
     * Gives an account a role unless that takes the admin role from the last administrator that is not banned;
     * returns false, changing nothing, in that case. One statement, so two administrators giving up the role at
     * the same moment on SQLite cannot both succeed (PostgreSQL at READ COMMITTED could let both through; see
     * docs/accounts.md).
     */
    boolean setRoleKeepingAnAdmin(long userId, Role role) {
        return update(
                        "UPDATE users SET role = ? WHERE id = ? AND (? = 'admin' OR role <> 'admin'"
                                + " OR (SELECT COUNT(*) FROM users a WHERE a.role = 'admin' AND a.banned = 0 AND a.id <> ?) > 0)",
                        role.key(),
                        userId,
                        role.key(),
                        userId)
                == 1;
    }

    /** Marks an account as made by {@code callisto demo}. */
    void markDemo(long userId) {
        update("UPDATE users SET demo = 1 WHERE id = ?", userId);
    }

    /** Whether an account was made by {@code callisto demo}. */
    boolean demo(long userId) {
        return db.withConnection(c -> Sql.first(c, "SELECT demo FROM users WHERE id = ?", rs -> Sql.bool(rs, 1), userId)
                .orElse(false));
    }

    /**
     * Bans every demo account not banned yet and ends the sessions of all demo accounts; returns how many it
     * banned.
     */
    int banDemoAccounts(String reason) {
        return db.inTransaction(c -> {
            int banned = Sql.update(
                    c, "UPDATE users SET banned = 1, banned_reason = ? WHERE demo = 1 AND banned = 0", reason);
            Sql.update(c, "DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE demo = 1)");
            return banned;
        });
    }

    /** Bans or unbans an account; a ban also ends all its sessions. */
    void setBanned(long userId, boolean banned, String reason) {
        db.inTransaction(c -> {
            Sql.update(
                    c,
                    "UPDATE users SET banned = ?, banned_reason = ? WHERE id = ?",
                    banned,
                    banned ? reason : null,
                    userId);
            if (banned) {
                Sql.update(c, "DELETE FROM sessions WHERE user_id = ?", userId);
            }
            return null;
        });
    }

    // ---- invitations

    Invitation createInvitation(String codeHash, long createdBy, Instant now, Instant expiresAt) {
        return db.inTransaction(c -> Sql.first(
                        c,
                        "INSERT INTO invitations (code_hash, created_by, created_at,"
                                + " expires_at) VALUES (?, ?, ?, ?) RETURNING " + INVITATION_COLUMNS,
                        AccountStore::invitation,
                        codeHash,
                        createdBy,
                        now,
                        expiresAt)
                .orElseThrow());
    }

    /** The invitations {@code userId} issued, newest first. */
    public List<Invitation> invitationsBy(long userId) {
        return db.withConnection(c -> Sql.list(
                c,
                "SELECT " + INVITATION_COLUMNS + " FROM invitations"
                        + " WHERE created_by = ? ORDER BY created_at DESC, id DESC",
                AccountStore::invitation,
                userId));
    }

    // ---- sessions

    void createSession(
            String idHash, long userId, String csrfSecret, Instant now, Instant expiresAt, String userAgent) {
        update(
                "INSERT INTO sessions (id_hash, user_id, csrf_secret, created_at, last_seen_at, expires_at,"
                        + " user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)",
                idHash,
                userId,
                csrfSecret,
                now,
                now,
                expiresAt,
                userAgent);
    }

    /** The live session with id digest {@code idHash} at {@code now}; none when expired or the account banned. */
    Optional<SessionRow> session(String idHash, Instant now) {
        return db.withConnection(c -> Sql.first(
                c,
                "SELECT " + USER_COLUMNS + ", s.csrf_secret, s.created_at,"
                        + " s.last_seen_at, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id"
                        + " WHERE s.id_hash = ? AND s.expires_at > ? AND u.banned = 0",
                rs -> new SessionRow(
                        user(rs),
                        rs.getString(7),
                        Instant.ofEpochMilli(rs.getLong(8)),
                        Instant.ofEpochMilli(rs.getLong(9)),
                        Instant.ofEpochMilli(rs.getLong(10))),
                idHash,
                now));
    }

    void touchSession(String idHash, Instant now, Instant expiresAt) {
        update("UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?", now, expiresAt, idHash);
    }

    void deleteSession(String idHash) {
        update("DELETE FROM sessions WHERE id_hash = ?", idHash);
    }

    /** Ends every session of an account except the one with digest {@code keepHash} (null: all). */
    void deleteSessionsOf(long userId, String keepHash) {
        update("DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?", userId, keepHash == null ? "" : keepHash);
    }

    /** Removes sessions that expired before {@code now}; returns how many. */
    public int deleteExpiredSessions(Instant now) {
        return update("DELETE FROM sessions WHERE expires_at <= ?", now);
    }

    /** How many live sessions an account has at {@code now}. */
    public int countSessions(long userId, Instant now) {
        return db.withConnection(c -> Sql.first(
                        c,
                        "SELECT COUNT(*) FROM sessions WHERE user_id = ? AND expires_at > ?",
                        rs -> rs.getInt(1),
                        userId,
                        now)
                .orElseThrow());
    }

    // ---- helpers

    private List<User> queryUsers(String where, Object... params) {
        return db.withConnection(
                c -> Sql.list(c, "SELECT " + USER_COLUMNS + " FROM users u " + where, AccountStore::user, params));
    }

    private static Optional<User> userById(Connection c, long id) throws SQLException {
        return Sql.first(c, "SELECT " + USER_COLUMNS + " FROM users u WHERE u.id = ?", AccountStore::user, id);
    }

    private int update(String sql, Object... params) {
        return db.inTransaction(c -> Sql.update(c, sql, params));
    }

    /** Reads the six {@link #USER_COLUMNS}. */
    static User user(ResultSet rs) throws SQLException {
        return new User(
                rs.getLong(1),
                rs.getString(2),
                Role.of(rs.getString(3)),
                Sql.bool(rs, 4),
                Instant.ofEpochMilli(rs.getLong(5)),
                Optional.ofNullable(Sql.longOrNull(rs, 6)));
    }

    /** Reads the eight {@link #INVITATION_COLUMNS}. */
    static Invitation invitation(ResultSet rs) throws SQLException {
        return new Invitation(
                rs.getLong(1),
                rs.getLong(2),
                Instant.ofEpochMilli(rs.getLong(3)),
                Instant.ofEpochMilli(rs.getLong(4)),
                Optional.ofNullable(Sql.longOrNull(rs, 5)),
                Optional.ofNullable(Sql.instant(rs, 6)),
                Optional.ofNullable(rs.getString(7)),
                Optional.ofNullable(Sql.instant(rs, 8)));
    }
}
