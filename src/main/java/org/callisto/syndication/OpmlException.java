package org.callisto.syndication;

/**
 * A document is not readable OPML. The message starts with {@code line:column} of the problem and says what to do.
 */
public final class OpmlException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public OpmlException(int line, int column, String message) {
        super(line + ":" + column + ": " + message);
        this.line = line;
        this.column = column;
    }

    /** A document that could not be read to the end: {@code cause} is what the stream failed with. */
    public OpmlException(int line, int column, String message, Throwable cause) {
        super(line + ":" + column + ": " + message, cause);
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
