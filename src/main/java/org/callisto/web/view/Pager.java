package org.callisto.web.view;

/**
 * Where a paginated page stands. Immutable.
 *
 * @param page    this page, from 1; 0 when not known (a page asked for by its place, {@code ?before=})
 * @param pages   how many pages there are, at least 1; 0 when not known
 * @param prevUrl the newer page, or null on the first
 * @param nextUrl the older page, or null on the last
 */
public record Pager(int page, int pages, String prevUrl, String nextUrl) {

    /** Whether the page number is known and shown. */
    public boolean numbered() {
        return page > 0 && pages > 0;
    }

    public boolean needed() {
        return prevUrl != null || nextUrl != null;
    }
}
