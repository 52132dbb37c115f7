package org.callisto.account;

import java.time.Duration;

/**
 * A login, registration or password change was refused because every password check of this node is taken and
 * the short queue behind them is full: the site is busy, not the person wrong. The web answers it with 503 and
 * {@code Retry-After}. Immutable.
 */
public final class PasswordChecksBusy extends AccountRefusal {
    private static final long serialVersionUID = 1L;

    static final String MESSAGE =
            "the site is busy checking other passwords right now; nothing was done," + " try again in a few seconds";

    PasswordChecksBusy(Duration retryAfter) {
        super(MESSAGE, retryAfter);
    }
}
