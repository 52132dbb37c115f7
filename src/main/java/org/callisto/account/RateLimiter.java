package org.callisto.account;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Token-bucket rate limits in memory, keyed by strings such as {@code "login:user:alice"},
 * {@code "login:addr:127.0.0.1"}, {@code "submit:user:7"} or {@code "comment:user:7"}, each with a {@link RateRule}.
 *
 * <p>A site's limiter ({@link #shared}) keeps its buckets in the database ({@link RateLimitStore}), so that every
 * node on one database counts against the same figures as one node, and limits survive a restart. A limiter made
 * with {@link #RateLimiter(Clock)} keeps them in this process only (tests, tools); its full buckets are dropped once
 * more than {@link #MAX_KEYS} keys are held, so memory stays bounded.
 *
 * <p>Thread-safe: each key is updated atomically (in memory, or by one statement in the database).
 */
public final class RateLimiter {
    /** Keys held before full buckets are swept out. */
    static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** Where the buckets live when shared by the nodes on one database; null in memory. */
    private final RateLimitStore shared;

    /** A limiter whose buckets live in this process only. */
    public RateLimiter(Clock clock) {
        this(clock, null);
    }

    private RateLimiter(Clock clock, RateLimitStore shared) {
        this.clock = clock;
        this.shared = shared;
    }

    /** A limiter whose buckets live in {@code store}, shared by every node on its database. */
    public static RateLimiter shared(Clock clock, RateLimitStore store) {
        return new RateLimiter(clock, java.util.Objects.requireNonNull(store, "store"));
    }

    /** Takes one unit for {@code key} if there is one; otherwise says how long to wait. */
    public RateDecision acquire(String key, RateRule rule) {
        if (shared != null) {
            long now = clock.millis();
            return shared.take(key, rule, now)
                    ? RateDecision.Allowed.INSTANCE
                    : limited(rule, shared.tokens(key, rule, now));
        }
        return update(key, rule, true, false);
    }

    /** Says whether one unit is available for {@code key}, without taking it. */
    public RateDecision check(String key, RateRule rule) {
        if (shared != null) {
            double tokens = shared.tokens(key, rule, clock.millis());
            return tokens >= 1 ? RateDecision.Allowed.INSTANCE : limited(rule, tokens);
        }
        return update(key, rule, false, false);
    }

    /** Takes one unit for {@code key} even when none is left (counts a failed attempt already made). */
    public void record(String key, RateRule rule) {
        if (shared != null) {
            shared.force(key, rule, clock.millis());
            return;
        }
        update(key, rule, true, true);
    }

    /** Forgets {@code key}, giving it a full bucket again. */
    public void reset(String key) {
        if (shared != null) {
            shared.resetBucket(key);
            return;
        }
        buckets.remove(key);
    }

    private RateDecision update(String key, RateRule rule, boolean take, boolean force) {
        long now = clock.millis();
        RateDecision[] result = new RateDecision[1];
        buckets.compute(key, (k, old) -> {
            double tokens = old == null ? rule.limit() : old.tokensAt(now);
            if (tokens >= 1) {
                result[0] = RateDecision.Allowed.INSTANCE;
                return new Bucket(take ? tokens - 1 : tokens, now, rule);
            }
            result[0] = limited(rule, tokens);
            return new Bucket(force ? Math.max(tokens - 1, -rule.limit()) : tokens, now, rule);
        });
        if (buckets.size() > MAX_KEYS) {
            sweep(now);
        }
        return result[0];
    }

    private void sweep(long now) {
        buckets.entrySet()
                .removeIf(e -> e.getValue().tokensAt(now) >= e.getValue().rule().limit());
    }

    private static RateDecision.RateLimited limited(RateRule rule, double tokens) {
        double millisPerToken = (double) rule.window().toMillis() / rule.limit();
        // less a hair, so that floating-point residue does not turn an exact minute into 60001 ms
        long waitMillis = (long) Math.ceil((1 - tokens) * millisPerToken - 1e-6);
        Duration wait = Duration.ofMillis(Math.max(waitMillis, 1));
        return new RateDecision.RateLimited(wait, "too many " + rule.what() + "; try again in " + humanize(wait));
    }

    /** A wait in words, rounded up: "1 second", "40 seconds", "4 minutes", "2 hours". */
    static String humanize(Duration d) {
        long seconds = Math.max(1, (d.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return plural(seconds, "second");
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 120) {
            return plural(minutes, "minute");
        }
        return plural((minutes + 59) / 60, "hour");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** The tokens of a bucket that held {@code tokens} at {@code updatedAt}, refilled up to {@code now}. */
    static double tokensAt(double tokens, long updatedAt, long now, RateRule rule) {
        double refill = (double) Math.max(0, now - updatedAt)
                * rule.limit()
                / rule.window().toMillis();
        return Math.min(rule.limit(), tokens + refill);
    }

    /** Tokens left at {@code updatedAt}; may go below zero when failures are forced in. */
    private record Bucket(double tokens, long updatedAt, RateRule rule) {
        double tokensAt(long now) {
            return RateLimiter.tokensAt(tokens, updatedAt, now, rule);
        }
    }
}
