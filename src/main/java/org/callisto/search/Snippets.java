package org.callisto.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Highlighted snippets, safe by construction: the database marks matched words with two private-use characters
 * that {@link SearchDocuments} removes from everything it indexes, and {@link #segments} splits its output into
 * plain text segments, marked or not. Pages escape every segment and wrap the marked ones in {@code <mark>}
 * themselves, so no markup from the database or from indexed text ever reaches a page unescaped. Stateless and
 * thread-safe.
 */
public final class Snippets {
    /** Starts a highlight in the database's output. */
    public static final char START = '\uE000';

    /** Ends a highlight in the database's output. */
    public static final char END = '\uE001';

    private Snippets() {}

    /** A piece of a snippet: text, highlighted when {@code marked}. */
    public record Segment(String text, boolean marked) {}

    /** Splits marked text into segments; stray or unbalanced markers are dropped. */
    public static List<Segment> segments(String marked) {
        List<Segment> out = new ArrayList<>();
        if (marked == null || marked.isEmpty()) {
            return out;
        }
        StringBuilder text = new StringBuilder();
        boolean inside = false;
        for (int i = 0; i < marked.length(); i++) {
            char ch = marked.charAt(i);
            if (ch == START || ch == END) {
                boolean opening = ch == START;
                if (opening != inside) {
                    flush(out, text, inside);
                    inside = opening;
                }
                continue;
            }
            text.append(ch);
        }
        flush(out, text, inside);
        return out;
    }

    /** The snippet as plain text with highlights written {@code [like this]}, for the command line. */
    public static String plain(List<Segment> segments) {
        StringBuilder b = new StringBuilder();
        for (Segment s : segments) {
            b.append(s.marked() ? "[" + s.text() + "]" : s.text());
        }
        return b.toString();
    }

    private static void flush(List<Segment> out, StringBuilder text, boolean marked) {
        if (!text.isEmpty()) {
            out.add(new Segment(text.toString(), marked));
            text.setLength(0);
        }
    }
}
