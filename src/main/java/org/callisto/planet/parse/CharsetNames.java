package org.callisto.planet.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Encoding names as feeds, servers and Python's feedparser write them, and the Java charsets they mean. A name is
 * reported as feedparser reports it: trimmed and lower-cased ({@code UTF-8} becomes {@code utf-8}), {@code gb2312}
 * widened to {@code gb18030}. Lookup tolerates the spellings Python's codec registry accepts ({@code latin1},
 * {@code iso8859_1}, {@code utf8}, {@code cp1252}, {@code win-1252}) as well as Java's. Stateless and thread-safe.
 */
final class CharsetNames {
    /** Names that, next to a UTF-16 or UTF-32 byte-order mark, mean "the one the mark says" (as in feedparser). */
    static final Set<String> UNICODE_ALIASES = Set.of(
            "u16",
            "utf-16",
            "utf16",
            "utf_16",
            "u32",
            "utf-32",
            "utf32",
            "utf_32",
            "iso-10646-ucs-2",
            "iso-10646-ucs-4",
            "csucs4",
            "csunicode",
            "ucs-2",
            "ucs-4");

    private CharsetNames() {}

    /** The reported form of a declared name: trimmed, lower-cased, {@code gb2312} as {@code gb18030}; null for blank. */
    static String normalise(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.isEmpty()) {
            return null;
        }
        return n.equals("gb2312") ? "gb18030" : n;
    }

    /** The Java charset for a (normalised) name, or null when neither Java nor Python would know it. */
    static Charset lookup(String name) {
        if (name == null || name.isEmpty() || name.length() > 64) {
            return null;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        // Python reads a BOM-less "utf-16"/"utf-32" in the machine's order, little-endian on every server we run on
        switch (n) {
            case "utf-16", "utf16", "utf_16", "u16", "ucs-2", "iso-10646-ucs-2", "csunicode" -> {
                return StandardCharsets.UTF_16LE;
            }
            case "utf-32", "utf32", "utf_32", "u32", "ucs-4", "iso-10646-ucs-4", "csucs4" -> {
                return Charset.forName("UTF-32LE");
            }
            case "utf8", "u8", "utf", "utf_8", "utf8-ucs2", "utf8-ucs4", "cp65001" -> {
                return StandardCharsets.UTF_8;
            }
            case "latin1", "latin-1", "latin_1", "l1", "iso8859-1", "iso8859_1", "iso_8859_1", "8859" -> {
                return StandardCharsets.ISO_8859_1;
            }
            case "ascii", "us-ascii", "us_ascii", "646" -> {
                return StandardCharsets.US_ASCII;
            }
            default -> {}
        }
        if (n.matches("iso[-_ ]?8859[-_ ]?\\d{1,2}")) {
            n = "iso-8859-" + n.replaceAll("iso[-_ ]?8859[-_ ]?", "");
        } else if (n.matches("(windows|win|cp)[-_ ]?125\\d")) {
            n = "windows-" + n.substring(n.length() - 4);
        }
        for (String candidate : new String[] {n, n.replace('_', '-'), n.replace('-', '_')}) {
            try {
                return Charset.forName(candidate);
            } catch (IllegalArgumentException unknown) {
                // try the next spelling
            }
        }
        return null;
    }

    /** True for UTF-8, UTF-16 and UTF-32 in any byte order. */
    static boolean isUnicode(Charset cs) {
        String n = cs.name();
        return n.startsWith("UTF-");
    }
}
