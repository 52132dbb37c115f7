package org.callisto.planet;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs refresh rounds inside {@code serve}: wakes every {@code tick}, refreshes the feeds that are due, sleeps again.
 * Each feed's own schedule (set by the refresher) decides when it is due, and each is claimed through
 * {@link FeedLeases} before it is fetched, so several nodes on one database share the due feeds and never fetch one
 * twice at once. Thread-safe; start once, close once.
 */
public final class RefreshScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RefreshScheduler.class);
    private final FeedLeases leases;
    private final RefreshRound round;
    private final Duration tick;
    private volatile boolean running = true;
    private final Thread thread;
    private final java.util.function.Consumer<RefreshRound.Summary> afterRound;

    public RefreshScheduler(FeedLeases leases, RefreshRound round, Duration tick) {
        this(leases, round, tick, s -> {});
    }

    /** @param afterRound told of each round's summary, on the scheduler's thread; must return quickly */
    public RefreshScheduler(
            FeedLeases leases,
            RefreshRound round,
            Duration tick,
            java.util.function.Consumer<RefreshRound.Summary> afterRound) {
        this.leases = leases;
        this.round = round;
        this.tick = tick;
        this.afterRound = afterRound;
        this.thread = Thread.ofVirtual().name("refresh-scheduler").unstarted(this::loop);
    }

    /** Starts the loop in the background. */
    public RefreshScheduler start() {
        thread.start();
        return this;
    }

    private void loop() {
        while (running) {
            try {
                RefreshRound.Summary s = round.runClaimed(leases, o -> {});
                if (s.feeds() > 0) {
                    LOG.info("refresh: {}", s);
                }
                afterRound.accept(s);
            } catch (RuntimeException e) {
                LOG.error("refresh round failed; trying again in {}", tick, e);
            }
            try {
                Thread.sleep(tick);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
