package org.callisto.planet;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs refresh rounds inside {@code serve}: wakes every {@code tick}, refreshes the feeds that are due, sleeps again.
 * Each feed's own schedule (set by the refresher) decides when it is due. Thread-safe; start once, close once.
 */
public final class RefreshScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RefreshScheduler.class);
    private final SubscriptionStore subscriptions;
    private final RefreshRound round;
    private final Clock clock;
    private final Duration tick;
    private volatile boolean running = true;
    private final Thread thread;

    public RefreshScheduler(SubscriptionStore subscriptions, RefreshRound round, Clock clock, Duration tick) {
        this.subscriptions = subscriptions;
        this.round = round;
        this.clock = clock;
        this.tick = tick;
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
                List<Feed> due = RefreshRound.due(subscriptions, clock.instant());
                if (!due.isEmpty()) {
                    RefreshRound.Summary s = round.run(due, o -> {});
                    LOG.info("refresh: {}", s);
                }
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
