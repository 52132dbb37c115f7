package org.callisto.account;

import java.time.Instant;

/**
 * A logged-in browser: the random session id its cookie carries, the account, and the secret its CSRF tokens are
 * derived from. The database holds only a SHA-256 of {@link #id}. Immutable; {@link #toString} hides both secrets.
 *
 * @param id         the session id as sent in the cookie
 * @param user       the account, as it was when the session was looked up
 * @param csrfSecret the per-session key of {@link CsrfTokens}
 * @param createdAt  when the person logged in
 * @param lastSeenAt when the session was last used (updated at most once a minute)
 * @param expiresAt  when it ends unless used again (sliding, capped at {@link Accounts#SESSION_MAX_AGE})
 */
public record Session(
        String id, User user, String csrfSecret, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {

    @Override
    public String toString() {
        return "Session[user=" + user.id() + " " + user.username() + ", createdAt=" + createdAt + ", expiresAt="
                + expiresAt + "]";
    }
}
