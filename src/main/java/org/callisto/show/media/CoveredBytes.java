package org.callisto.show.media;

import java.util.Map;
import java.util.TreeMap;

/**
 * The union of the byte ranges one listener has been sent of one file, so that a range sent twice (a player that
 * re-reads the start, a retry) counts once, and ranges sent in any order add up. Hand-written: a sorted map of
 * disjoint intervals is a few lines, and no library in the build offers a long range set without pulling in much
 * more. Not thread-safe: the caller synchronizes.
 */
final class CoveredBytes {
    /** Disjoint, non-adjacent intervals: first byte to last byte, inclusive. */
    private final TreeMap<Long, Long> ranges = new TreeMap<>();

    private long total;

    /** Adds bytes {@code first} to {@code last} (inclusive), clipped to {@code [from, to)}; returns the new total. */
    long add(long first, long last, long from, long to) {
        long a = Math.max(first, from);
        long b = Math.min(last, to - 1);
        if (a > b) {
            return total;
        }
        Map.Entry<Long, Long> before = ranges.floorEntry(a);
        if (before != null && before.getValue() >= a - 1) {
            a = before.getKey();
            b = Math.max(b, before.getValue());
            total -= before.getValue() - before.getKey() + 1;
            ranges.remove(before.getKey());
        }
        Map.Entry<Long, Long> next = ranges.ceilingEntry(a);
        while (next != null && next.getKey() <= b + 1) {
            b = Math.max(b, next.getValue());
            total -= next.getValue() - next.getKey() + 1;
            ranges.remove(next.getKey());
            next = ranges.ceilingEntry(a);
        }
        ranges.put(a, b);
        total += b - a + 1;
        return total;
    }

    /** The bytes covered. */
    long total() {
        return total;
    }

    /** How many separate intervals are kept (bounded by the caller). */
    int intervals() {
        return ranges.size();
    }
}
