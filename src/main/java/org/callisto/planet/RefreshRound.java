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
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger notModified = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger added = new AtomicInteger();
        AtomicInteger updated = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Feed feed : feeds) {
                inFlight.acquireUninterruptibly();
                pool.submit(() -> {
                    try {
                        RefreshOutcome o = refresher.refresh(feed);
                        switch (o.kind()) {
                            case OK -> ok.incrementAndGet();
                            case NOT_MODIFIED -> notModified.incrementAndGet();
                            default -> failed.incrementAndGet();
                        }
                        added.addAndGet(o.added());
                        updated.addAndGet(o.updated());
                        metrics.outcome(o);
                        progress.accept(o);
                    } finally {
                        inFlight.release();
                    }
                });
            }
            pool.shutdown();
            awaitQuietly(pool);
        }
        Summary summary = new Summary(
                feeds.size(),
                ok.get(),
                notModified.get(),
                failed.get(),
                added.get(),
                updated.get(),
                Duration.ofNanos(System.nanoTime() - start));
        metrics.round(summary);
        return summary;
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
