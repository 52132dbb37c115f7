package org.callisto.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses human-written durations ({@code 20s}, {@code 15m}) and sizes ({@code 15MiB}). Thread-safe. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib)?");

    private Durations() {}

    /** Parses {@code 500ms}, {@code 20s}, {@code 15m}, {@code 24h} or {@code 7d}. */
    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** Parses a byte count such as {@code 15MiB}, {@code 512KiB} or {@code 1048576}. */
    public static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: " + text);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit) {
            case "kb" -> n * 1000;
            case "kib" -> n * 1024;
            case "mb" -> n * 1000_000;
            case "mib" -> n * 1024 * 1024;
            case "gb" -> n * 1000_000_000;
            case "gib" -> n * 1024L * 1024 * 1024;
            default -> n;
        };
    }

    /** A byte count in words, the way {@link #parseSize} reads it back: "15 MiB", "512 KiB", "100 bytes". */
    public static String sizeInWords(long n) {
        if (n >= 1L << 30 && n % (1L << 30) == 0) {
            return (n >> 30) + " GiB";
        }
        if (n >= 1 << 20 && n % (1 << 20) == 0) {
            return (n >> 20) + " MiB";
        }
        if (n >= 1 << 10 && n % (1 << 10) == 0) {
            return (n >> 10) + " KiB";
        }
        return String.format("%,d bytes", n);
    }
}
