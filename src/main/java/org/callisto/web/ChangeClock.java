package org.callisto.web;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The planet's last change time, read from the database at most once per interval so that serving a cached page
 * costs no query. When the time moves, a listener runs (the page cache empties itself). Thread-safe.
 */
final class ChangeClock {
    private final LongSupplier source;
    private final long intervalNanos;
    private final Runnable onChange;
    private final Object lock = new Object();
    /** Intervals a failed read of the last change waits before the next try. */
    private static final long AWAY_BACKOFF = 4;

    private volatile long version = Long.MIN_VALUE;
    private volatile long checkedAt;

    /**
     * @param source   reads the last change, in epoch millis
     * @param interval the longest a change may go unnoticed
     * @param onChange runs when the value moves
     */
    ChangeClock(LongSupplier source, Duration interval, Runnable onChange) {
        this.source = source;
        this.intervalNanos = interval.toNanos();
        this.onChange = onChange;
    }

    /** The last change, in epoch millis, at most one interval old. */
    long version() {
        long v = version;
        if (v != Long.MIN_VALUE && System.nanoTime() - checkedAt < intervalNanos) {
            return v;
        }
        synchronized (lock) {
            if (version != Long.MIN_VALUE && System.nanoTime() - checkedAt < intervalNanos) {
                return version;
            }
            long fresh;
            try {
                fresh = source.getAsLong();
            } catch (RuntimeException e) {
                if (version == Long.MIN_VALUE) {
                    throw e;
                }
                // the database is away: the cached pages stay as they were (stale is better than nothing), and it
                // is asked again only after a few intervals, so that readers do not each wait for it
                checkedAt = System.nanoTime() + AWAY_BACKOFF * intervalNanos;
                return version;
            }
            checkedAt = System.nanoTime();
            boolean moved = version != Long.MIN_VALUE && fresh != version;
            version = fresh;
            if (moved) {
                onChange.run();
            }
            return fresh;
        }
    }
}
