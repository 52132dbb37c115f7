package org.callisto.show;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.callisto.show.media.DownloadCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the downloads a {@link DownloadCounter} has seen reach the minute every {@code interval} (10 s in the
 * server), on one virtual thread, and once more when closed; so a download never waits for the database, and at
 * most one interval of downloads is lost if the process is killed. Each flush also makes sure the day keys of
 * today and tomorrow exist, and deletes listener hashes older than 24 hours and keys older than yesterday. When
 * the database cannot be written, the downloads are put back into the counter and tried again at the next flush.
 *
 * <p>Thread-safe: flushes never overlap (one scheduler thread, and {@link #flush()} is synchronized).
 */
public final class DownloadFlusher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DownloadFlusher.class);

    private final DownloadCounter counter;
    private final DownloadStore store;
    private final DownloadKeyStore keys;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    private DownloadFlusher(
            DownloadCounter counter, DownloadStore store, DownloadKeyStore keys, Clock clock, Duration interval) {
        this.counter = counter;
        this.store = store;
        this.keys = keys;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("callisto-download-flusher").factory());
        long millis = Math.max(1, interval.toMillis());
        scheduler.scheduleWithFixedDelay(this::flushQuietly, 0, millis, TimeUnit.MILLISECONDS);
    }

    /** Starts flushing {@code counter} into {@code show}'s stores every {@code interval}. */
    public static DownloadFlusher start(DownloadCounter counter, ShowStores show, Clock clock, Duration interval) {
        return new DownloadFlusher(counter, show.downloads(), show.downloadKeys(), clock, interval);
    }

    /**
     * Stores the downloads taken so far now (returning how many counted after de-duplication); on failure they go
     * back into the counter and the error is thrown.
     */
    public synchronized int flush() {
        keys.prepare();
        List<DownloadCounter.Counted> downloads = counter.drain();
        int added;
        try {
            added = store.addDownloads(downloads);
        } catch (RuntimeException e) {
            counter.restore(downloads);
            throw e;
        }
        store.purgeListeners(clock.millis());
        keys.purge();
        return added;
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("show: cannot store downloads, keeping them in memory for the next try: {}", e.getMessage());
        }
    }

    /** Stops the schedule and stores what is left; call before closing the database. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("show: a download flush took over 30 s at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushQuietly();
    }
}
