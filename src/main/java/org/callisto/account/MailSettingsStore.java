package org.callisto.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.callisto.db.Database;
import org.callisto.db.Sql;
import org.callisto.mail.MailAddress;

/**
 * The SQL of members' mail addresses and mail settings (columns of {@code users}). Stores what it is given;
 * addresses are looked up by {@link MailAddress#key}. Thread-safe: every method borrows its own connection.
 */
public final class MailSettingsStore {
    private final Database db;

    public MailSettingsStore(Database db) {
        this.db = db;
    }

    /** The settings of an account; empty for an unknown id. */
    public Optional<MailSettings> settings(long userId) {
        return db.withConnection(c -> Sql.first(
                c,
                "SELECT email, email_verified_at, notify_by_mail FROM users WHERE id = ?",
                rs -> new MailSettings(
                        Optional.ofNullable(rs.getString(1)), Optional.ofNullable(Sql.instant(rs, 2)), Sql.bool(rs, 3)),
                userId));
    }

    /** Sets an account's address (null: none), unverified; {@code verifiedAt} non-null marks it verified now. */
    void setEmail(long userId, String email, Instant verifiedAt) {
        db.inTransaction(c -> Sql.update(
                c,
                "UPDATE users SET email = ?, email_key = ?, email_verified_at = ? WHERE id = ?",
                email,
                email == null ? null : MailAddress.key(email),
                verifiedAt,
                userId));
    }

    /** Marks the address verified if it is still {@code email}; returns whether it was. */
    boolean verify(long userId, String email, Instant now) {
        return db.inTransaction(c -> Sql.update(
                        c,
                        "UPDATE users SET email_verified_at = ? WHERE id = ? AND email_key = ?",
                        now,
                        userId,
                        MailAddress.key(email)))
                == 1;
    }

    /** Turns notification mail on or off for an account. */
    void setNotifyByMail(long userId, boolean on) {
        db.inTransaction(c -> Sql.update(c, "UPDATE users SET notify_by_mail = ? WHERE id = ?", on, userId));
    }

    /** The accounts, not banned, whose address is {@code email} in any case, oldest first. */
    List<User> usersWithEmail(String email) {
        return db.withConnection(c -> Sql.list(
                c,
                "SELECT " + AccountStore.USER_COLUMNS + " FROM users u WHERE u.email_key = ? AND u.banned = 0"
                        + " ORDER BY u.id",
                AccountStore::user,
                MailAddress.key(email)));
    }
}
