package org.callisto.account;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Growing delays after failures, in memory, keyed by strings such as {@code "login:pair:alice@192.0.2.7"} or
 * {@code "login:account:alice"}, each with a {@link BackoffRule}. Unlike a token bucket, which lets a patient
 * guesser go on at a steady rate, each failure beyond the free ones doubles the wait before the next attempt, up
 * to the rule's ceiling; failures are forgiven slowly as time passes. An attempt refused for waiting is not a
 * failure and does not lengthen the wait, so a flood of refused attempts changes nothing.
 *
 * <p>Like {@link RateLimiter}, the state lives in this process only and starts afresh at restart; once more than
 * {@link #MAX_KEYS} keys are held, the keys whose failures are all forgiven are dropped, so memory stays bounded.
 *
 * <p>Thread-safe: each key is updated atomically.
 */
public final class FailureBackoff {
    /** Keys held before forgiven ones are swept out. */
    static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();

    public FailureBackoff(Clock clock) {
        this.clock = clock;
    }

    /** Whether an attempt for {@code key} may go ahead now, or how long it must wait. Takes nothing. */
    public RateDecision check(String key, BackoffRule rule) {
        Failures f = failures.get(key);
        if (f == null) {
            return RateDecision.Allowed.INSTANCE;
        }
        long now = clock.millis();
        long wait = f.readyAt(now) - now;
        if (wait <= 0) {
            return RateDecision.Allowed.INSTANCE;
        }
        Duration d = Duration.ofMillis(wait);
        return new RateDecision.RateLimited(d, "too many " + rule.what() + "; try again in " + RateLimiter.humanize(d));
    }

    /**
     * Counts one failure for {@code key}.
     *
     * @return whether this failure used up the last free one, so that the next attempt waits
     */
    public boolean record(String key, BackoffRule rule) {
        long now = clock.millis();
        double[] before = new double[1];
        Failures updated = failures.compute(key, (k, old) -> {
            before[0] = old == null ? 0 : old.countAt(now);
            return new Failures(before[0] + 1, now, rule);
        });
        if (failures.size() > MAX_KEYS) {
            sweep(now);
        }
        return Math.ceil(before[0] - 1e-9) < rule.free() && Math.ceil(updated.count() - 1e-9) >= rule.free();
    }

    /** Forgets every failure of {@code key}. */
    public void reset(String key) {
        failures.remove(key);
    }

    /** How many failures of {@code key} are not forgiven yet; for tests and logs. */
    double failures(String key) {
        Failures f = failures.get(key);
        return f == null ? 0 : f.countAt(clock.millis());
    }

    private void sweep(long now) {
        failures.entrySet().removeIf(e -> e.getValue().countAt(now) <= 0);
    }

    /** {@code count} failures not yet forgiven at {@code last}, the time of the last one, under {@code rule}. */
    private record Failures(double count, long last, BackoffRule rule) {
        double countAt(long now) {
            double forgiven =
                    (double) Math.max(0, now - last) / rule.forgiveEvery().toMillis();
            return Math.max(0, count - forgiven);
        }

        long readyAt(long now) {
            // a failure partly forgiven still counts whole, so that forgiving starts no sooner than the delay ends
            long beyond = (long) Math.ceil(countAt(now) - 1e-9) - rule.free();
            if (beyond < 0) {
                return last;
            }
            long first = rule.firstDelay().toMillis();
            long max = rule.maxDelay().toMillis();
            long delay = beyond >= 62 || first << beyond >>> beyond != first ? max : Math.min(max, first << beyond);
            return last + delay;
        }
    }
}
