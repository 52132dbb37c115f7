package org.callisto.account;

import java.time.Duration;

/** The answer of {@link RateLimiter}: go ahead, or wait. Immutable. */
public sealed interface RateDecision {
    /** Whether the action may go ahead. */
    boolean allowed();

    /** The action may go ahead. */
    record Allowed() implements RateDecision {
        static final Allowed INSTANCE = new Allowed();

        @Override
        public boolean allowed() {
            return true;
        }
    }

    /**
     * The action must wait.
     *
     * @param retryAfter how long until one more is allowed
     * @param message    what to show, e.g. "too many comments; try again in 4 minutes"
     */
    record RateLimited(Duration retryAfter, String message) implements RateDecision {
        @Override
        public boolean allowed() {
            return false;
        }

        /** This decision as a refusal to throw. */
        public AccountRefusal refusal() {
            return new AccountRefusal(message, retryAfter);
        }
    }
}
