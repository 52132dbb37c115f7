package org.callisto.planet.fetch;

import java.time.Duration;

/**
 * The time limits of one fetch. Before its first request may go out, a fetch waits for its own slots
 * ({@code fetch.concurrency}, {@code fetch.per_host}) for at most {@link #queueWait()}; from then on, every hop
 * runs within the total timeout ({@code fetch.total_timeout}).
 *
 * <p>The total timeout measures the server, so it starts when the first request may go out: time spent waiting for
 * our own slots behind other feeds does not count.
 *
 * <p>Not thread-safe: one instance per fetch, used by the thread running it.
 */
final class FetchDeadlines {

    private final Duration queueWait;
    private final Duration totalTimeout;
    private final long queueDeadline;
    private boolean started;
    private long deadline;

    /**
     * @param start        when the fetch began, in {@link System#nanoTime()} terms
     * @param totalTimeout the total timeout of the fetch ({@code fetch.total_timeout})
     */
    FetchDeadlines(long start, Duration totalTimeout) {
        this.totalTimeout = totalTimeout;
        this.queueWait = totalTimeout.multipliedBy(10);
        this.queueDeadline = start + queueWait.toNanos();
    }

    /** How long a fetch may wait for a free slot before it gives up: ten total timeouts. */
    Duration queueWait() {
        return queueWait;
    }

    /** Nanoseconds left to wait for a free slot before the first request. */
    long queueRemaining() {
        return remaining(queueDeadline);
    }

    /**
     * Nanoseconds left to wait for a per-host permit: what remains of the queue wait before the first request, of
     * the total timeout after it.
     */
    long permitRemaining() {
        return remaining(started ? deadline : queueDeadline);
    }

    /** The whole wait {@link #permitRemaining()} counts down from, for messages. */
    Duration permitWait() {
        return started ? totalTimeout : queueWait;
    }

    /** Starts the total timeout when the first request goes out; later calls leave it as it is. */
    void startTotal() {
        if (!started) {
            started = true;
            deadline = System.nanoTime() + totalTimeout.toNanos();
        }
    }

    /** Nanoseconds left before the total timeout; call after {@link #startTotal()}. */
    long totalRemaining() {
        return remaining(deadline);
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }
}
