package org.callisto.show.media;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts downloads per media file, in memory, without keeping anything about who downloaded: no address, no
 * user agent, no time. {@link MediaDownloads} counts a download when a GET asks for the whole file or for a range
 * starting at byte 0, so a podcast app that fetches an episode in many ranges counts once, and a player seeking
 * does not count again. Persisting the counts is the show's store's job, later.
 *
 * <p>Thread-safe: counting is a {@link LongAdder} increment, cheap under contention.
 */
public final class DownloadCounter {

    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** Counts one download of {@code file}. */
    public void count(String file) {
        counts.computeIfAbsent(file, f -> new LongAdder()).increment();
    }

    /** The downloads of {@code file} so far. */
    public long downloads(String file) {
        LongAdder adder = counts.get(file);
        return adder == null ? 0 : adder.sum();
    }

    /** Every file's count at about this moment (each count is exact; the set may be changing), sorted by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((file, adder) -> snapshot.put(file, adder.sum()));
        return snapshot;
    }
}
