package org.callisto.planet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One round of refreshing: every given feed once, on virtual threads, with at most {@code concurrency} in flight
 * (the fetcher adds its own per-host limit). Thread-safe; each call to {@link #run} is an independent round.
 */
public final class RefreshRound {
    private final FeedRefresher refresher;
    private final int concurrency;
    private final RefreshMetrics metrics;

    public RefreshRound(FeedRefresher refresher, int concurrency) {
        this(refresher, concurrency, RefreshMetrics.none());
    }

    /** A round runner that records its rounds and outcomes in {@code metrics}. */
    public RefreshRound(FeedRefresher refresher, int concurrency, RefreshMetrics metrics) {
        this.refresher = refresher;
        this.concurrency = concurrency;
        this.metrics = metrics;
    }

    /**
     * Refreshes the feeds and waits for all of them.
     *
     * @param progress called once per finished feed, from the worker threads
     */
    public Summary run(List<Feed> feeds, Consumer<RefreshOutcome> progress) {
        long start = System.nanoTime();
        Semaphore inFlight = new Semaphore(concurrency);
        Tally tally = new Tally();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Feed feed : feeds) {
                inFlight.acquireUninterruptibly();
                pool.submit(() -> refreshOne(feed, tally, progress, inFlight, null));
            }
            pool.shutdown();
            awaitQuietly(pool);
        }
        return finish(tally, start);
    }

    /**
     * Refreshes the feeds that are due, claiming each through {@code leases} just before it is fetched (as many as
     * there are free places among {@code concurrency}), until no due feed is left unclaimed; each lease is given back
     * once the feed's outcome is stored. Other nodes running the same loop on the same database take the feeds this
     * one has not claimed: no feed is fetched by two at once.
     */
    public Summary runClaimed(FeedLeases leases, Consumer<RefreshOutcome> progress) {
        long start = System.nanoTime();
        Semaphore inFlight = new Semaphore(concurrency);
        Tally tally = new Tally();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            while (!Thread.currentThread().isInterrupted()) {
                inFlight.acquireUninterruptibly();
                int room = 1 + inFlight.drainPermits();
                List<Feed> claimed;
                try {
                    claimed = leases.claim(room);
                } catch (RuntimeException e) {
                    inFlight.release(room);
                    throw e;
                }
                inFlight.release(room - claimed.size());
                if (claimed.isEmpty()) {
                    break;
                }
                for (Feed feed : claimed) {
                    pool.submit(() -> refreshOne(feed, tally, progress, inFlight, leases));
                }
            }
            pool.shutdown();
            awaitQuietly(pool);
        }
        return finish(tally, start);
    }

    private void refreshOne(
            Feed feed, Tally tally, Consumer<RefreshOutcome> progress, Semaphore inFlight, FeedLeases leases) {
        try {
            tally.feeds.incrementAndGet();
            RefreshOutcome o = refresher.refresh(feed);
            switch (o.kind()) {
                case OK -> tally.ok.incrementAndGet();
                case NOT_MODIFIED -> tally.notModified.incrementAndGet();
                default -> tally.failed.incrementAndGet();
            }
            tally.added.addAndGet(o.added());
            tally.updated.addAndGet(o.updated());
            metrics.outcome(o);
            progress.accept(o);
        } finally {
            try {
                if (leases != null) {
                    leases.release(feed.id());
                }
            } finally {
                inFlight.release();
            }
        }
    }

    private Summary finish(Tally tally, long start) {
        Summary summary = new Summary(
                tally.feeds.get(),
                tally.ok.get(),
                tally.notModified.get(),
                tally.failed.get(),
                tally.added.get(),
                tally.updated.get(),
                Duration.ofNanos(System.nanoTime() - start));
        metrics.round(summary);
        return summary;
    }

    /** A round's counts, added to from the worker threads. */
    private static final class Tally {
        final AtomicInteger feeds = new AtomicInteger();
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger notModified = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger added = new AtomicInteger();
        final AtomicInteger updated = new AtomicInteger();
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(1, TimeUnit.DAYS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a round did. Immutable. */
    public record Summary(int feeds, int ok, int notModified, int failed, int added, int updated, Duration elapsed) {
        @Override
        public String toString() {
            return String.format(
                    "%d feeds in %.1f s: %d fetched, %d not modified, %d failed; %d new entries, %d updated",
                    feeds, elapsed.toMillis() / 1000.0, ok, notModified, failed, added, updated);
        }
    }

    /** Convenience: the feeds due now. */
    public static List<Feed> due(SubscriptionStore subscriptions, Instant now) {
        return subscriptions.dueFeeds(now, 100_000);
    }
}
