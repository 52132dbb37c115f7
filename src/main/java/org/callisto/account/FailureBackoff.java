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
 * <p>Like {@link RateLimiter}, a site's backoff ({@link #shared}) keeps its counts in the database
 * ({@link RateLimitStore}), so that failures are counted across every node on one database; one made with
 * {@link #FailureBackoff(Clock)} keeps them in this process only, and once more than {@link #MAX_KEYS} keys are held,
 * the keys whose failures are all forgiven are dropped, so memory stays bounded.
 *
 * <p>Thread-safe: each key is updated atomically (in memory, or by one statement in the database).
 */
public final class FailureBackoff {
    /** Keys held before forgiven ones are swept out. */
    static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();
    /** Where the counts live when shared by the nodes on one database; null in memory. */
    private final RateLimitStore shared;

    /** A backoff whose counts live in this process only. */
    public FailureBackoff(Clock clock) {
        this(clock, null);
    }

    private FailureBackoff(Clock clock, RateLimitStore shared) {
        this.clock = clock;
        this.shared = shared;
    }

    /** A backoff whose counts live in {@code store}, shared by every node on its database. */
    public static FailureBackoff shared(Clock clock, RateLimitStore store) {
        return new FailureBackoff(clock, java.util.Objects.requireNonNull(store, "store"));
    }

    /** The failures of {@code key} as last changed, from memory or the database; null when none. */
    private Failures stored(String key, BackoffRule rule) {
        if (shared == null) {
            return failures.get(key);
        }
        return shared.failures(key)
                .map(f -> new Failures(f.count(), f.last(), rule))
                .orElse(null);
    }

    /** Whether an attempt for {@code key} may go ahead now, or how long it must wait. Takes nothing. */
    public RateDecision check(String key, BackoffRule rule) {
        Failures f = stored(key, rule);
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
        if (shared != null) {
            double after = shared.addFailure(key, rule, now);
            return Math.ceil(after - 1 - 1e-9) < rule.free() && Math.ceil(after - 1e-9) >= rule.free();
        }
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
        if (shared != null) {
            shared.resetFailures(key);
            return;
        }
        failures.remove(key);
    }

    /** How many failures of {@code key} are not forgiven yet; for tests and logs. */
    double failures(String key) {
        Failures f = failures.get(key);
        return f == null ? 0 : f.countAt(clock.millis());
    }

    /** How many failures of {@code key} under {@code rule} are not forgiven yet, in memory or the database. */
    double failures(String key, BackoffRule rule) {
        Failures f = stored(key, rule);
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
