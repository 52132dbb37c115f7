package org.callisto.web.view;

/**
 * Where a paginated page stands. Immutable.
 *
 * @param page    this page, from 1
 * @param pages   how many pages there are, at least 1
 * @param prevUrl the newer page, or null on the first
 * @param nextUrl the older page, or null on the last
 */
public record Pager(int page, int pages, String prevUrl, String nextUrl) {

    /** The pager of page {@code page} of {@code pages} under {@code path}; page 1 has no query string. */
    public static Pager of(String path, int page, int pages) {
        String prev = page <= 1 ? null : page == 2 ? path : path + "?page=" + (page - 1);
        String next = page >= pages ? null : path + "?page=" + (page + 1);
        return new Pager(page, pages, prev, next);
    }

    public boolean needed() {
        return pages > 1;
    }
}
