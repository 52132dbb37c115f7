package org.callisto.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The limits one login attempt is held to, by the keys it counts under. A browser recognised by its device cookie
 * for this account counts under its own nonce only ({@code login:device:NONCE}); any other attempt counts under
 * its address over all accounts ({@code login:addr:ADDRESS}), its account and address
 * ({@code login:pair:NAME@ADDRESS}) and its account over every unrecognised browser ({@code login:account:NAME}).
 * Immutable; the limiters it is given are thread-safe.
 *
 * @param account the account name's key (lower case), known or not
 * @param address the address's key ({@link Accounts#addressKey})
 * @param device  the nonce of the recognised device cookie, if the browser showed one for this account
 */
record LoginKeys(String account, String address, Optional<String> device) {
    private static final Logger LOG = LoggerFactory.getLogger(LoginKeys.class);

    private String addressKey() {
        return "login:addr:" + address;
    }

    private String pairKey() {
        return "login:pair:" + account + "@" + address;
    }

    private String accountKey() {
        return "login:account:" + account;
    }

    private String deviceKey() {
        return "login:device:" + device.orElseThrow();
    }

    /**
     * Refuses the attempt before any password work when one of its limits says wait.
     *
     * @throws AccountRefusal with the wait, naming the limit (the address's first, then the account's)
     */
    void check(RateLimiter limiter, FailureBackoff backoff) {
        List<RateDecision> decisions = new ArrayList<>();
        if (device.isPresent()) {
            decisions.add(backoff.check(deviceKey(), BackoffRule.LOGIN_DEVICE));
        } else {
            decisions.add(limiter.check(addressKey(), RateRule.LOGIN_ADDRESS));
            decisions.add(backoff.check(pairKey(), BackoffRule.LOGIN_PAIR));
            decisions.add(backoff.check(accountKey(), BackoffRule.LOGIN_ACCOUNT));
        }
        for (RateDecision d : decisions) {
            if (d instanceof RateDecision.RateLimited limited) {
                throw limited.refusal();
            }
        }
    }

    /** Counts a wrong password (or an unknown name) under every key of the attempt. */
    void fail(RateLimiter limiter, FailureBackoff backoff) {
        if (device.isPresent()) {
            backoff.record(deviceKey(), BackoffRule.LOGIN_DEVICE);
        } else {
            limiter.record(addressKey(), RateRule.LOGIN_ADDRESS);
            backoff.record(pairKey(), BackoffRule.LOGIN_PAIR);
            if (backoff.record(accountKey(), BackoffRule.LOGIN_ACCOUNT)) {
                LOG.warn(
                        "login throttle: account name '{}' had {} failed logins from browsers it does not recognise"
                                + " (the last from {}); further attempts from such browsers wait, growing to"
                                + " {} between guesses",
                        printable(account),
                        BackoffRule.LOGIN_ACCOUNT.free(),
                        printable(address),
                        RateLimiter.humanize(BackoffRule.LOGIN_ACCOUNT.maxDelay()));
            }
        }
    }

    /**
     * Forgets this browser's own failures after the right password: those of its device cookie, or of its account
     * and address. The account's count over strangers stays, so that the owner logging in does not give guessers
     * a fresh allowance.
     */
    void succeed(FailureBackoff backoff) {
        if (device.isPresent()) {
            backoff.reset(deviceKey());
        } else {
            backoff.reset(pairKey());
        }
    }

    /** Text from outside as a log may show it: at most 64 characters, control characters as '?'. */
    private static String printable(String s) {
        String cut = s.length() > 64 ? s.substring(0, 64) + "…" : s;
        StringBuilder b = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}
