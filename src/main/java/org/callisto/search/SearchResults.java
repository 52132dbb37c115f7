package org.callisto.search;

import java.util.List;

/**
 * A page of results. Immutable and thread-safe.
 *
 * @param request the search as asked
 * @param terms the search as read
 * @param hits the results of this page
 * @param hasNext whether there is a next page
 */
public record SearchResults(SearchRequest request, SearchTerms terms, List<SearchHit> hits, boolean hasNext) {
    public SearchResults {
        hits = List.copyOf(hits);
    }

    /** A note for the reader when words were left out of a very long query, else null. */
    public String note() {
        return terms.dropped() == 0
                ? null
                : "Only the first " + SearchTerms.MAX_WORDS + " words were searched; " + terms.dropped()
                        + " more were left out.";
    }
}
