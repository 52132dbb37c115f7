package org.callisto.show.media;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts downloads per media file, in memory, without keeping anything about who downloaded: no address, no
 * client name, no time finer than the UTC day. The web's media responses ({@code org.callisto.web.MediaResponses})
 * count a download when a GET asks for the whole file ({@code full}) or for ranges of which the first starts at
 * byte 0 ({@code range start}), so a podcast app that fetches an episode in many ranges counts once, and a player
 * seeking or resuming does not count again. HEAD requests are never counted.
 *
 * <p>The counts since the last {@link #drain()} are kept apart per file, day and kind, for a flusher that adds them
 * to the database every few seconds (see {@code org.callisto.show.DownloadFlusher}); the download path itself never
 * waits for the database. {@link #downloads(String)} and {@link #snapshot()} give the totals counted by this
 * process since it started.
 *
 * <p>Thread-safe: counting is two {@link LongAdder} increments, cheap under contention; draining resets each
 * pending count atomically, so a download counted during a drain lands in this drain or the next, never in none.
 */
public final class DownloadCounter {

    /**
     * Downloads of one file on one day, counted but not yet stored.
     *
     * @param file       the file as the caller named it (the show names files by their path in the media directory)
     * @param day        the UTC day
     * @param rangeStart true for GETs whose first range started at byte 0, false for GETs of the whole file
     * @param downloads  how many
     */
    public record Pending(String file, LocalDate day, boolean rangeStart, long downloads) {}

    private record Key(String file, LocalDate day, boolean rangeStart) {}

    private final ConcurrentHashMap<String, LongAdder> totals = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, LongAdder> pending = new ConcurrentHashMap<>();
    private final Clock clock;

    /** A counter whose days are UTC days of {@code clock}. */
    public DownloadCounter(Clock clock) {
        this.clock = clock;
    }

    /** Counts one download of the whole of {@code file}. */
    public void count(String file) {
        count(file, false);
    }

    /** Counts one download of {@code file}: of the whole file, or of ranges starting at byte 0. */
    public void count(String file, boolean rangeStart) {
        totals.computeIfAbsent(file, f -> new LongAdder()).increment();
        pending.computeIfAbsent(
                        new Key(file, LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC), rangeStart),
                        k -> new LongAdder())
                .increment();
    }

    /** The downloads of {@code file} counted by this process so far. */
    public long downloads(String file) {
        LongAdder adder = totals.get(file);
        return adder == null ? 0 : adder.sum();
    }

    /** Every file's count at about this moment (each count is exact; the set may be changing), sorted by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        totals.forEach((file, adder) -> snapshot.put(file, adder.sum()));
        return snapshot;
    }

    /** Takes the counts not yet stored, leaving zero behind; keys of days before yesterday are then forgotten. */
    public List<Pending> drain() {
        List<Pending> drained = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        for (Map.Entry<Key, LongAdder> e : pending.entrySet()) {
            long n = e.getValue().sumThenReset();
            Key k = e.getKey();
            if (k.day().isBefore(today.minusDays(1))) {
                // no request still counts on a day before yesterday: forget its key (drained above)
                pending.remove(k, e.getValue());
                n += e.getValue().sumThenReset();
            }
            if (n > 0) {
                drained.add(new Pending(k.file(), k.day(), k.rangeStart(), n));
            }
        }
        return drained;
    }

    /** Puts back counts that {@link #drain()} took but could not be stored, to be tried again. */
    public void restore(List<Pending> counts) {
        for (Pending p : counts) {
            pending.computeIfAbsent(new Key(p.file(), p.day(), p.rangeStart()), k -> new LongAdder())
                    .add(p.downloads());
        }
    }
}
