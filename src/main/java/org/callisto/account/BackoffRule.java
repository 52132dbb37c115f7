package org.callisto.account;

import java.time.Duration;

/**
 * How failures of one kind slow down further attempts for one key ({@link FailureBackoff}): the first {@code free}
 * failures cost nothing; each failure beyond them makes the next attempt wait twice as long as the one before,
 * starting at {@code firstDelay} and never more than {@code maxDelay}; and one failure is forgiven for every
 * {@code forgiveEvery} that passes. {@code what} names the attempts for the refusal message, as in "too many
 * {@code login attempts for this account}; try again in 4 minutes". Immutable.
 *
 * <p>The login rules are named numbers here, as the token-bucket rules of {@link RateRule} are. Together they
 * follow OWASP's authentication guidance: a tight limit per account and address, a slower one per account that
 * one address alone cannot reach, and a browser that logged in before is judged by its own failures only.
 */
public record BackoffRule(String what, int free, Duration firstDelay, Duration maxDelay, Duration forgiveEvery) {
    /**
     * Failed logins for one account from one address: 5 free, then 1, 2, 4 ... minutes up to an hour; one
     * forgiven per hour. One address guessing alone gets about 35 guesses a day.
     */
    public static final BackoffRule LOGIN_PAIR = new BackoffRule(
            "login attempts for this account", 5, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(1));

    /**
     * Failed logins for one account from every browser it does not recognise, whatever the address: 10 free, then
     * 5 s, 10 s, 20 s ... up to 15 minutes; one forgiven per 15 minutes. One address alone cannot reach it (its
     * own limit lets fewer failures through than are forgiven); guessing from many addresses does, and then waits.
     */
    public static final BackoffRule LOGIN_ACCOUNT = new BackoffRule(
            "login attempts for this account",
            10,
            Duration.ofSeconds(5),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15));

    /**
     * Failed logins from one recognised browser (a device cookie) for its account: the same as an address's, so a
     * stolen device cookie guesses no faster than anyone else, and its failures are kept apart from strangers'.
     */
    public static final BackoffRule LOGIN_DEVICE = new BackoffRule(
            "login attempts from this browser", 5, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(1));

    public BackoffRule {
        if (what == null
                || what.isBlank()
                || free < 0
                || firstDelay == null
                || maxDelay == null
                || forgiveEvery == null
                || !firstDelay.isPositive()
                || maxDelay.compareTo(firstDelay) < 0
                || !forgiveEvery.isPositive()) {
            throw new IllegalArgumentException("backoff rule '" + what + "' with " + free + " free failures, delays "
                    + firstDelay + " to " + maxDelay + " and one forgiven every " + forgiveEvery + " is invalid;"
                    + " name the attempts, allow 0 or more free failures and give positive durations with the"
                    + " first delay no longer than the longest");
        }
    }
}
