package org.callisto.account;

import java.time.Duration;

/**
 * How often one kind of action may happen per key: at most {@code limit} in a burst, refilled evenly over
 * {@code window} (a token bucket). {@code what} names the action for the refusal message, as in
 * "too many {@code login attempts for this account}; try again in 4 minutes". Immutable.
 *
 * <p>The journal's rules are the constants here; like Lobsters, they are named numbers rather than settings.
 */
public record RateRule(String what, int limit, Duration window) {
    /** Failed logins for one account name: 5 per 15 minutes, whatever the address. */
    public static final RateRule LOGIN_ACCOUNT =
            new RateRule("login attempts for this account", 5, Duration.ofMinutes(15));
    /** Failed logins from one address: 20 per 15 minutes, whatever the account. */
    public static final RateRule LOGIN_ADDRESS =
            new RateRule("login attempts from your address", 20, Duration.ofMinutes(15));
    /** New accounts from one address: 5 per hour. */
    public static final RateRule REGISTRATION_ADDRESS =
            new RateRule("new accounts from your address", 5, Duration.ofHours(1));
    /** Story submissions by one account: 5 per hour. */
    public static final RateRule SUBMISSION = new RateRule("submissions", 5, Duration.ofHours(1));
    /** Comments by one account: 10 per 10 minutes. */
    public static final RateRule COMMENT = new RateRule("comments", 10, Duration.ofMinutes(10));
    /** Invitations issued by one account: 10 per day. */
    public static final RateRule INVITATION = new RateRule("invitations", 10, Duration.ofDays(1));

    /** Password reset mails to one address: 3 per hour, whether or not an account has it. */
    public static final RateRule RESET_MAILBOX =
            new RateRule("password reset requests for this mail address", 3, Duration.ofHours(1));
    /** Password reset requests from one client address: 10 per hour. */
    public static final RateRule RESET_CLIENT =
            new RateRule("password reset requests from your address", 10, Duration.ofHours(1));
    /** Verification mails for one account: 5 per hour. */
    public static final RateRule VERIFICATION_MAIL =
            new RateRule("verification mails for this account", 5, Duration.ofHours(1));

    public RateRule {
        if (what == null || what.isBlank() || limit < 1 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rate rule '" + what + "' with limit " + limit + " per " + window
                    + " is invalid; name the action and give a limit >= 1 and a positive window");
        }
    }

    /** The key for a user's actions under this rule, e.g. {@code "comment:user:7"}. */
    public static String userKey(String action, long userId) {
        return action + ":user:" + userId;
    }
}
