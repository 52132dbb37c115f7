package org.callisto.account;

import java.time.Duration;
import java.util.Optional;

/**
 * A request about an account was refused for a reason the person can act on: an empty or malformed field, a wrong
 * password, a closed registration, a rate limit. The message is written to be shown to them as it is; it never
 * says whether an account other than their own exists.
 *
 * <p>Immutable.
 */
public sealed class AccountRefusal extends RuntimeException permits PasswordChecksBusy {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public AccountRefusal(String message) {
        this(message, null);
    }

    /** A refusal that lifts by itself after {@code retryAfter}, such as a rate limit. */
    public AccountRefusal(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** How long to wait before trying again, when waiting is what helps (for a {@code Retry-After} header). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
