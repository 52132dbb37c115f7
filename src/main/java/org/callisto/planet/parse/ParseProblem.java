package org.callisto.planet.parse;

/**
 * One thing wrong with a parsed document, at a 1-based line and column of the decoded text. Immutable.
 *
 * @param line    1-based line, or 0 when the problem has no position (e.g. a lying encoding declaration)
 * @param column  1-based column, or 0
 * @param message what is wrong, in words, e.g. {@code undefined entity &nbsp;}
 */
public record ParseProblem(int line, int column, String message) {
    @Override
    public String toString() {
        return line > 0 ? line + ":" + column + ": " + message : message;
    }
}
