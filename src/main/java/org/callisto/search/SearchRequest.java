package org.callisto.search;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One search as asked: the text, the filters and the page. Immutable and thread-safe.
 *
 * @param query what was typed, read by {@link SearchTerms#parse}
 * @param parts the parts searched ({@code planet}, {@code journal}, {@code show}); empty means all
 * @param category a planet category's slug, or null; only planet entries have categories
 * @param feedId a planet feed's id, or null
 * @param from the earliest publication time, inclusive, or null
 * @param until the latest publication time, exclusive, or null
 * @param order newest or best first
 * @param page the page, from 1
 */
public record SearchRequest(
        String query,
        Set<String> parts,
        String category,
        Long feedId,
        Instant from,
        Instant until,
        SearchOrder order,
        int page) {
    /** The parts there are. */
    public static final Set<String> PARTS = Set.of("planet", "journal", "show");

    /** Results per page. */
    public static final int PAGE_SIZE = 20;

    /** The deepest page: deeper pages cost the database more than they serve anyone; filters narrow instead. */
    public static final int MAX_PAGE = 50;

    public SearchRequest {
        parts = Set.copyOf(parts == null ? Set.of() : parts);
        for (String p : parts) {
            if (!PARTS.contains(p)) {
                throw new SearchRefusal(
                        "There is no part \"" + SearchOrder.shorten(p) + "\" to search: use planet, journal or show.");
            }
        }
        if (category != null && category.isBlank()) {
            category = null;
        }
        order = order == null ? SearchOrder.NEWEST : order;
        if (page < 1) {
            throw new SearchRefusal("Page " + page + " does not exist: pages start at 1.");
        }
        if (page > MAX_PAGE) {
            throw new SearchRefusal("Only the first " + MAX_PAGE + " pages of results are shown; narrow the search"
                    + " with a part, a feed, a category or dates instead of going to page " + page + ".");
        }
        if (from != null && until != null && !from.isBefore(until)) {
            throw new SearchRefusal(
                    "The date range from " + from + " to " + until + " is empty: the start must come before the end.");
        }
    }

    /** A search of everything, newest first, first page. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, Set.of(), null, null, null, null, SearchOrder.NEWEST, 1);
    }

    /** Reads a comma- or space-separated list of part names (any case). */
    public static Set<String> parts(String names) {
        Set<String> out = new TreeSet<>();
        if (names != null) {
            for (String n : names.split("[,\\s]+")) {
                if (!n.isBlank()) {
                    out.add(n.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /** The same search on another page. */
    public SearchRequest onPage(int p) {
        return new SearchRequest(query, parts, category, feedId, from, until, order, p);
    }
}
