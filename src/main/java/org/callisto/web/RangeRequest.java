package org.callisto.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A {@code Range} header read against a file's length (RFC 9110, section 14): the whole file, some satisfiable
 * ranges, or nothing satisfiable (416). Immutable.
 *
 * <p>The rules, chosen so that no header can cause an error or an amplified response:
 * <ul>
 * <li>No header, a unit other than {@code bytes}, or any malformed range ({@code bytes=abc}, {@code bytes=5-1},
 *     {@code bytes=}, {@code bytes=1-2-3}) means the header is ignored and the whole file is sent (RFC 9110 allows
 *     a server to ignore {@code Range}).</li>
 * <li>More than {@value #MAX_RANGES} ranges are ignored the same way, as Apache's {@code MaxRanges} does: a client
 *     asking for thousands of pieces gets one ordinary response.</li>
 * <li>Ranges starting at or past the end are dropped; if none remains, the answer is 416.</li>
 * <li>Ranges that overlap are sorted and merged, so no byte is sent twice.</li>
 * </ul>
 *
 * @param kind   what to send
 * @param ranges for {@link Kind#RANGES}, one or more ranges; otherwise empty
 */
public record RangeRequest(Kind kind, List<ByteRange> ranges) {

    /** The most ranges honoured in one request. */
    public static final int MAX_RANGES = 16;

    private static final RangeRequest WHOLE = new RangeRequest(Kind.WHOLE, List.of());
    private static final RangeRequest UNSATISFIABLE = new RangeRequest(Kind.UNSATISFIABLE, List.of());

    /** What the request asks for. */
    public enum Kind {
        WHOLE,
        RANGES,
        UNSATISFIABLE
    }

    public RangeRequest {
        ranges = List.copyOf(ranges);
    }

    /** Reads {@code header} (may be null) against a file of {@code length} bytes. */
    public static RangeRequest parse(String header, long length) {
        if (header == null) {
            return WHOLE;
        }
        int equals = header.indexOf('=');
        if (equals < 0
                || !header.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("bytes")) {
            return WHOLE;
        }
        String[] specs = header.substring(equals + 1).split(",", MAX_RANGES + 2);
        if (specs.length > MAX_RANGES) {
            return WHOLE;
        }
        List<ByteRange> ranges = new ArrayList<>();
        for (String raw : specs) {
            String spec = raw.strip();
            int dash = spec.indexOf('-');
            if (dash < 0) {
                return WHOLE;
            }
            String firstText = spec.substring(0, dash);
            String lastText = spec.substring(dash + 1);
            if (firstText.isEmpty()) {
                long suffix = number(lastText);
                if (suffix < 0) {
                    return WHOLE;
                }
                if (suffix > 0 && length > 0) {
                    ranges.add(new ByteRange(Math.max(0, length - suffix), length - 1));
                }
                continue;
            }
            long first = number(firstText);
            long last = lastText.isEmpty() ? Long.MAX_VALUE : number(lastText);
            if (first < 0 || last < 0 || last < first) {
                return WHOLE;
            }
            if (first < length) {
                ranges.add(new ByteRange(first, Math.min(last, length - 1)));
            }
        }
        if (ranges.isEmpty()) {
            return UNSATISFIABLE;
        }
        return new RangeRequest(Kind.RANGES, coalesceIfOverlapping(ranges));
    }

    /** The whole file as one range, for a file of {@code length} bytes (at least 1). */
    public static ByteRange whole(long length) {
        return new ByteRange(0, length - 1);
    }

    /** A non-negative decimal number; -1 when {@code text} is not digits only. Huge numbers saturate. */
    private static long number(String text) {
        if (text.isEmpty() || text.length() > 40) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : n * 10 + (c - '0');
        }
        return n;
    }

    private static List<ByteRange> coalesceIfOverlapping(List<ByteRange> ranges) {
        List<ByteRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(ByteRange::first));
        boolean overlap = false;
        for (int i = 1; i < sorted.size(); i++) {
            overlap |= sorted.get(i).first() <= sorted.get(i - 1).last();
        }
        if (!overlap) {
            return ranges;
        }
        List<ByteRange> merged = new ArrayList<>();
        ByteRange current = sorted.getFirst();
        for (ByteRange next : sorted.subList(1, sorted.size())) {
            if (next.first() <= current.last() + 1) {
                current = new ByteRange(current.first(), Math.max(current.last(), next.last()));
            } else {
                merged.add(current);
                current = next;
            }
        }
        merged.add(current);
        return merged;
    }
}
