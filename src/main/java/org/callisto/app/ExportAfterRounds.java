package org.callisto.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.callisto.config.Config;
import org.callisto.planet.RefreshRound;
import org.callisto.web.StaticExport;
import org.callisto.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve --export DIR}: exports the site after each refresh round that stored or changed entries, and at least
 * every {@link #AT_LEAST_EVERY} otherwise (for journal stories and episodes, which change outside rounds). The export
 * runs on a thread of its own, one at a time; a round that ends while one runs asks for one more afterwards.
 * Thread-safe.
 */
final class ExportAfterRounds {
    static final Duration AT_LEAST_EVERY = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(ExportAfterRounds.class);

    private final WebServer web;
    private final Config config;
    private final Path dir;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile Instant last = Instant.EPOCH;

    ExportAfterRounds(WebServer web, Config config, Path dir, Clock clock) {
        this.web = web;
        this.config = config;
        this.dir = dir;
        this.clock = clock;
    }

    /** Called after each round, on the scheduler's thread: starts an export when one is due, and returns at once. */
    void afterRound(RefreshRound.Summary s) {
        boolean changed = s.added() + s.updated() > 0;
        if (!changed && last.plus(AT_LEAST_EVERY).isAfter(clock.instant())) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            Thread.ofVirtual().name("export").start(this::run);
        }
    }

    private void run() {
        try {
            while (again.getAndSet(false)) {
                last = clock.instant();
                StaticExport.Report r = ExportCommand.export(web, config, dir, StaticExport.DEFAULT_MAX_FILES);
                LOG.info("export into {}: {}", dir, r);
                r.problems().stream().limit(10).forEach(p -> LOG.warn("export: {}", p));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("export into {} failed; trying again after the next round: {}", dir, e.getMessage());
        } finally {
            running.set(false);
        }
    }
}
