package org.callisto.web;

/**
 * One satisfiable byte range of a file, both ends inclusive as in {@code Content-Range}. Immutable.
 *
 * @param first the first byte
 * @param last  the last byte, at least {@code first}
 */
public record ByteRange(long first, long last) {

    public ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("byte range " + first + "-" + last + " is empty or negative");
        }
    }

    /** The number of bytes. */
    public long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} value for a file of {@code total} bytes: {@code bytes first-last/total}. */
    public String contentRange(long total) {
        return "bytes " + first + "-" + last + "/" + total;
    }
}
