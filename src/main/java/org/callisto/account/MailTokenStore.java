package org.callisto.account;

import java.time.Instant;
import java.util.Optional;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * The SQL of the single-use links mailed to members ({@code mail_tokens}): password resets and address
 * verification. Only a SHA-256 of each token is stored. Using a token marks it used in the same transaction as
 * what it does, so it works once. Thread-safe: every method borrows its own connection.
 */
public final class MailTokenStore {
    /** What a mailed link is for. */
    enum Purpose {
        RESET("reset"),
        VERIFY("verify");

        final String key;

        Purpose(String key) {
            this.key = key;
        }
    }

    /** A stored token: whose, for which address, and where it stands. */
    record Token(long userId, String email, Instant expiresAt, Optional<Instant> usedAt) {
        @Override
        public String toString() {
            return "Token[user=" + userId + ", expiresAt=" + expiresAt + ", used=" + usedAt.isPresent() + "]";
        }
    }

    private final Database db;

    public MailTokenStore(Database db) {
        this.db = db;
    }

    void create(String tokenHash, long userId, Purpose purpose, String email, Instant now, Instant expiresAt) {
        db.inTransaction(c -> Sql.update(
                c,
                "INSERT INTO mail_tokens (token_hash, user_id, purpose, email, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                tokenHash,
                userId,
                purpose.key,
                email,
                now,
                expiresAt));
    }

    /** The token with digest {@code tokenHash} made for {@code purpose}, whatever its state. */
    Optional<Token> find(String tokenHash, Purpose purpose) {
        return db.withConnection(c -> Sql.first(
                c,
                "SELECT user_id, email, expires_at, used_at FROM mail_tokens WHERE token_hash = ? AND purpose = ?",
                rs -> new Token(
                        rs.getLong(1),
                        rs.getString(2),
                        Instant.ofEpochMilli(rs.getLong(3)),
                        Optional.ofNullable(Sql.instant(rs, 4))),
                tokenHash,
                purpose.key));
    }

    /**
     * Uses a reset token: in one transaction marks it and every other unused reset token of its account used, sets
     * the new password hash, ends every session of the account and marks the address the link went to verified
     * (following the link proved it). Returns false, changing nothing, when the token is unknown, used or expired.
     */
    boolean resetPassword(String tokenHash, String passwordHash, Instant now) {
        return db.inTransaction(c -> {
            Optional<Token> token = Sql.first(
                    c,
                    "SELECT user_id, email, expires_at, used_at FROM mail_tokens WHERE token_hash = ?"
                            + " AND purpose = 'reset' AND used_at IS NULL AND expires_at > ?",
                    rs -> new Token(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), null),
                    tokenHash,
                    now);
            if (token.isEmpty()
                    || Sql.update(
                                    c,
                                    "UPDATE mail_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
                                    now,
                                    tokenHash)
                            != 1) {
                return false;
            }
            long userId = token.get().userId();
            Sql.update(
                    c,
                    "UPDATE mail_tokens SET used_at = ? WHERE user_id = ? AND purpose = 'reset' AND used_at IS NULL",
                    now,
                    userId);
            Sql.update(
                    c,
                    "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?",
                    passwordHash,
                    now,
                    userId);
            Sql.update(c, "DELETE FROM sessions WHERE user_id = ?", userId);
            Sql.update(
                    c,
                    "UPDATE users SET email_verified_at = ? WHERE id = ? AND email_key = ? AND email_verified_at IS NULL",
                    now,
                    userId,
                    org.callisto.mail.MailAddress.key(token.get().email()));
            return true;
        });
    }

    /**
     * Uses a verification token: marks it used and the account's address verified if it is still the address the
     * link was mailed to. Returns the token as it was before, or empty when it was unknown, used or expired.
     */
    Optional<Token> verify(String tokenHash, Instant now) {
        return db.inTransaction(c -> {
            Optional<Token> token = Sql.first(
                    c,
                    "SELECT user_id, email, expires_at, used_at FROM mail_tokens WHERE token_hash = ?"
                            + " AND purpose = 'verify' AND used_at IS NULL AND expires_at > ?",
                    rs -> new Token(
                            rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), Optional.empty()),
                    tokenHash,
                    now);
            if (token.isEmpty()
                    || Sql.update(
                                    c,
                                    "UPDATE mail_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
                                    now,
                                    tokenHash)
                            != 1) {
                return Optional.empty();
            }
            Sql.update(
                    c,
                    "UPDATE users SET email_verified_at = ? WHERE id = ? AND email_key = ?",
                    now,
                    token.get().userId(),
                    org.callisto.mail.MailAddress.key(token.get().email()));
            return token;
        });
    }
}
