package org.callisto.html;

/**
 * One problem found in a member's HTML, placed where an editor shows it.
 *
 * @param line    the line of the problem in the source, from 1
 * @param column  the column, from 1, counted in characters (code points) from the start of the line
 * @param excerpt the offending source text (a tag, an entity, a single {@code <}), shortened when very long
 * @param message what is wrong and how to fix it, in words a member understands
 */
public record ValidationError(int line, int column, String excerpt, String message) {

    public ValidationError {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column start at 1, got " + line + ":" + column);
        }
        if (excerpt == null || message == null) {
            throw new IllegalArgumentException("excerpt and message must not be null");
        }
    }

    /** The place as {@code line:column}, as used in messages. */
    public String place() {
        return line + ":" + column;
    }
}
