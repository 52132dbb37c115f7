package org.callisto.show;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.callisto.show.media.DownloadCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the in-memory download counts of a {@link DownloadCounter} to the database every {@code interval} (10 s in
 * the server), on one virtual thread, and once more when closed; so a download never waits for the database, and
 * at most one interval of counts is lost if the process is killed. When the database cannot be written, the
 * counts are put back into the counter and tried again at the next flush.
 *
 * <p>Thread-safe: flushes never overlap (one scheduler thread, and {@link #flush()} is synchronized).
 */
public final class DownloadFlusher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DownloadFlusher.class);

    private final DownloadCounter counter;
    private final DownloadStore store;
    private final ScheduledExecutorService scheduler;

    private DownloadFlusher(DownloadCounter counter, DownloadStore store, Duration interval) {
        this.counter = counter;
        this.store = store;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("callisto-download-flusher").factory());
        long millis = Math.max(1, interval.toMillis());
        scheduler.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Starts flushing {@code counter} into {@code store} every {@code interval}. */
    public static DownloadFlusher start(DownloadCounter counter, DownloadStore store, Duration interval) {
        return new DownloadFlusher(counter, store, interval);
    }

    /** Stores the counts taken so far now; on failure they go back into the counter and the error is thrown. */
    public synchronized void flush() {
        List<DownloadCounter.Pending> counts = counter.drain();
        try {
            store.addDownloads(counts);
        } catch (RuntimeException e) {
            counter.restore(counts);
            throw e;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("show: cannot store download counts, keeping them in memory for the next try: {}", e.getMessage());
        }
    }

    /** Stops the schedule and stores what is left; call before closing the database. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("show: a download-count flush took over 30 s at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushQuietly();
    }
}
