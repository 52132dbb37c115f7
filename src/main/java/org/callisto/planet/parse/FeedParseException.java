package org.callisto.planet.parse;

/**
 * The bytes are not a feed at all (an HTML page, an image, empty, JSON that is not a JSON Feed), so nothing could be
 * recovered. The message says what the input looked like and where parsing stopped.
 */
public final class FeedParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    public FeedParseException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
