package org.callisto.html;

import java.util.Arrays;

/**
 * Turns offsets in a source text into 1-based {@code line:column} places and back. A line ends at LF, at CR, or
 * at CRLF (counted once), as editors count them; columns count code points, so a character outside the Basic
 * Multilingual Plane is one column. The line starts are found once, in one pass; a lookup is a binary search
 * plus a walk along one line from the last place looked up on it, so that places asked for in source order cost
 * linear time in total even on one very long line. Not thread-safe (it remembers the last lookup); one instance
 * serves one text.
 */
final class SourceLines {
    private final String source;
    private final int[] starts;
    private int lastOffset = -1;
    private int lastColumn;
    private int lastLineStart = -1;

    SourceLines(String source) {
        this.source = source;
        int[] found = new int[16];
        int count = 1;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= source.length() || source.charAt(i + 1) != '\n'))) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = i + 1;
            }
        }
        this.starts = Arrays.copyOf(found, count);
    }

    /** The 1-based line of {@code offset}. */
    int line(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The 1-based column of {@code offset} on its line, in code points. */
    int column(int offset) {
        int start = starts[line(offset) - 1];
        int end = Math.min(offset, source.length());
        int column;
        if (start == lastLineStart && end >= lastOffset) {
            column = lastColumn + source.codePointCount(lastOffset, end);
        } else {
            column = source.codePointCount(start, end) + 1;
        }
        lastLineStart = start;
        lastOffset = end;
        lastColumn = column;
        return column;
    }

    /** {@code line:column} of {@code offset}. */
    String place(int offset) {
        return line(offset) + ":" + column(offset);
    }

    /** The offset of a 1-based line and column, clamped to the source; the inverse of {@link #line}/{@link #column}. */
    int offset(int line, int column) {
        if (line < 1) {
            return 0;
        }
        if (line > starts.length) {
            return source.length();
        }
        int start = starts[line - 1];
        int end = line < starts.length ? starts[line] : source.length();
        int offset = start;
        for (int col = 1; col < column && offset < end; col++) {
            offset = source.offsetByCodePoints(offset, 1);
        }
        return Math.min(offset, end);
    }

    /** The number of lines (at least one, even for empty text). */
    int lineCount() {
        return starts.length;
    }
}
