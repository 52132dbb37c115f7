package org.callisto.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.callisto.account.AccountStore;
import org.callisto.account.RateLimitStore;
import org.callisto.db.WorkLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's periodic clean-up, done by one node of several per period: deletes expired sessions and rate-limit rows
 * that are worth no more than none. Every node asks each {@link #PERIOD}; the one that takes the {@code clean-up}
 * lease ({@link WorkLeases}) does the work, the others skip it until the next period. On a virtual thread; a failure
 * (the database away) is logged and tried again the next period.
 *
 * <p>Thread-safe: runs never overlap (one scheduler thread, and {@link #runOnce()} is synchronized).
 */
final class CleanUps implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CleanUps.class);
    /** How often the clean-up runs somewhere in the cluster. */
    static final Duration PERIOD = Duration.ofMinutes(5);
    /** The name of the clean-up's lease. */
    static final String WORK = "clean-up";

    private final WorkLeases leases;
    private final AccountStore accounts;
    private final RateLimitStore limits;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    private CleanUps(WorkLeases leases, AccountStore accounts, RateLimitStore limits, Clock clock, boolean schedule) {
        this.leases = leases;
        this.accounts = accounts;
        this.limits = limits;
        this.clock = clock;
        if (schedule) {
            scheduler = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofVirtual().name("callisto-clean-up").factory());
            scheduler.scheduleWithFixedDelay(this::runQuietly, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            scheduler = null;
        }
    }

    /** Starts the clean-up's schedule; stopped by {@link #close()}. */
    static CleanUps start(WorkLeases leases, AccountStore accounts, RateLimitStore limits, Clock clock) {
        return new CleanUps(leases, accounts, limits, clock, true);
    }

    /** The clean-up without a schedule, for tests that run it by hand. */
    static CleanUps unscheduled(WorkLeases leases, AccountStore accounts, RateLimitStore limits, Clock clock) {
        return new CleanUps(leases, accounts, limits, clock, false);
    }

    /**
     * Cleans up now if this node takes the period's lease.
     *
     * @return whether this node did the work (false: another node did it this period)
     */
    synchronized boolean runOnce() {
        if (!leases.tryTake(WORK, PERIOD)) {
            return false;
        }
        Instant now = clock.instant();
        int sessions = accounts.deleteExpiredSessions(now);
        int rows = limits.deleteExpired(now.toEpochMilli());
        LOG.debug("clean-up on {}: {} expired sessions, {} expired rate-limit rows", leases.node(), sessions, rows);
        return true;
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn(
                    "clean-up: cannot delete expired sessions and rate limits, trying again in {} min: {}",
                    PERIOD.toMinutes(),
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
