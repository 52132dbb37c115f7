package org.callisto.db;

import java.util.Locale;

/**
 * {@code LIKE} patterns for the stores' searches, written so that SQLite and PostgreSQL read them alike: the text
 * lower-cased, its wildcards escaped, for {@code LOWER(column) LIKE ? ESCAPE '\'}. Stateless and thread-safe.
 */
public final class LikePatterns {
    private LikePatterns() {}

    /**
     * A pattern matching {@code text} anywhere, lower-cased, with the wildcards {@code %} and {@code _} and the
     * escape {@code \} escaped, so that they match themselves.
     */
    public static String containing(String text) {
        StringBuilder b = new StringBuilder("%");
        for (char ch : text.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch == '%' || ch == '_' || ch == '\\') {
                b.append('\\');
            }
            b.append(ch);
        }
        return b.append('%').toString();
    }
}
