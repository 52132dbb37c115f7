package org.callisto.search;

/**
 * A search that cannot be run as asked (no word to look for, a date range that ends before it starts), with a
 * message for the person who typed it: what is wrong and what to type instead. Immutable and thread-safe.
 */
public final class SearchRefusal extends RuntimeException {
    public SearchRefusal(String message) {
        super(message);
    }
}
