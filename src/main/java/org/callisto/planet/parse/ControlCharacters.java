package org.callisto.planet.parse;

import java.util.List;

/**
 * Drops the characters that XML 1.0 and JSON text may not hold (C0 controls other than tab, line feed and carriage
 * return, and U+FFFE and U+FFFF) from decoded feed text, noting each with its line and column, so that a feed with a
 * stray NUL is read as the ill-formed feed it is instead of refused or cut off there. Stateless and thread-safe.
 */
final class ControlCharacters {
    /** Dropped characters listed one by one at most; the rest are counted in one more problem. */
    static final int MAX_LISTED = 20;

    private ControlCharacters() {}

    /**
     * Removes the forbidden characters from {@code text[0, length)} in place and adds a problem per character (up
     * to {@link #MAX_LISTED}) to {@code problems}.
     *
     * @return the new length: {@code length} when nothing was removed
     */
    static int strip(char[] text, int length, List<ParseProblem> problems) {
        int first = 0;
        while (first < length && !forbidden(text[first])) {
            first++;
        }
        if (first == length) {
            return length; // the common case: one scan, no copy
        }
        int line = 1;
        int column = 1;
        int out = first;
        int dropped = 0;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            if (i >= first && forbidden(c)) {
                if (++dropped <= MAX_LISTED) {
                    problems.add(new ParseProblem(
                            line, column, "invalid XML character U+" + String.format("%04X", (int) c) + " skipped"));
                }
                column++;
                continue;
            }
            // lines and columns as the XML parser counts them: CR LF, CR and LF each end a line
            if (c == '\n' || c == '\r' && !(i + 1 < length && text[i + 1] == '\n')) {
                line++;
                column = 1;
            } else if (c != '\r') {
                column++;
            }
            if (i >= first) {
                text[out++] = c;
            }
        }
        if (dropped > MAX_LISTED) {
            problems.add(new ParseProblem(
                    0, 0, (dropped - MAX_LISTED) + " more control characters dropped, not listed one by one"));
        }
        return out;
    }

    private static boolean forbidden(char c) {
        return c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c == '\uFFFE' || c == '\uFFFF';
    }
}
