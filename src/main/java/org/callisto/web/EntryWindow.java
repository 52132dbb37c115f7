package org.callisto.web;

import io.javalin.http.Context;
import java.util.List;
import org.callisto.planet.Entry;
import org.callisto.planet.EntryCursor;
import org.callisto.planet.EntryList;
import org.callisto.planet.EntryStore;
import org.callisto.web.view.Pager;

/**
 * The entries one page of a newest-first list shows, and its pager. Pages are asked for by place: the "older" link
 * carries the last entry's time and id ({@code ?before=2026-01-02T03:04:05Z~1234}), the "newer" link the first's
 * ({@code ?after=...}), so every page is one index seek however deep it is. Old {@code ?page=N} links still show the
 * same entries as before (by offset), with links by place onwards. Immutable.
 *
 * @param entries the entries shown, newest first
 * @param pager   the links to the newer and older pages
 * @param label   how the page's title names it ("page 3", "older entries"), or null on the first page
 */
record EntryWindow(List<Entry> entries, Pager pager, String label) {

    /**
     * The page of {@code list} under {@code path} that the request's {@code before}, {@code after} or {@code page}
     * parameter asks for (in that order), or the first.
     *
     * @param what what is paginated, for messages ("the river of news")
     */
    static EntryWindow of(Context ctx, EntryStore store, EntryList list, String path, String what) {
        int size = Paging.PAGE_SIZE;
        String before = ctx.queryParam("before");
        String after = ctx.queryParam("after");
        String page = ctx.queryParam("page");
        if (before != null) {
            List<Entry> rows = store.older(list, Paging.cursor("before", before), size + 1);
            List<Entry> shown = rows.subList(0, Math.min(size, rows.size()));
            String newer = shown.isEmpty() ? path : newer(path, shown);
            return new EntryWindow(
                    shown, new Pager(0, 0, newer, rows.size() > size ? older(path, shown) : null), OLDER);
        }
        if (after != null) {
            List<Entry> rows = store.newer(list, Paging.cursor("after", after), size + 1);
            if (rows.size() > size) { // there are newer entries still: this is not the first page
                List<Entry> shown = rows.subList(1, rows.size());
                return new EntryWindow(shown, new Pager(0, 0, newer(path, shown), older(path, shown)), OLDER);
            }
        } else if (page != null) {
            int pages = Paging.pages(store.count(list));
            int n = Paging.page(page, pages, what);
            List<Entry> shown = store.page(list, Paging.offset(n), size);
            String newer = n == 1 ? null : n == 2 || shown.isEmpty() ? path : newer(path, shown);
            String older = n >= pages || shown.isEmpty() ? null : older(path, shown);
            return new EntryWindow(shown, new Pager(n, pages, newer, older), n == 1 ? null : "page " + n);
        }
        List<Entry> rows = store.older(list, null, size + 1);
        List<Entry> shown = rows.subList(0, Math.min(size, rows.size()));
        return new EntryWindow(shown, new Pager(0, 0, null, rows.size() > size ? older(path, shown) : null), null);
    }

    private static final String OLDER = "older entries";

    private static String older(String path, List<Entry> shown) {
        return path + "?before=" + Paging.cursor(EntryCursor.of(shown.getLast()));
    }

    private static String newer(String path, List<Entry> shown) {
        return path + "?after=" + Paging.cursor(EntryCursor.of(shown.getFirst()));
    }
}
