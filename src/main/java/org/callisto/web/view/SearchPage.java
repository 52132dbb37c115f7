package org.callisto.web.view;

import java.util.List;
import org.callisto.search.Snippets;

/**
 * The search page: the form as filled in, and the results or the reason there are none. Immutable.
 *
 * @param error why the search could not run, for the reader, or null
 * @param note a remark on how the query was read (words left out), or null
 * @param searched whether a search ran (false for the empty form)
 */
public record SearchPage(
        PageMeta meta,
        String query,
        List<String> parts,
        String category,
        String feed,
        String from,
        String to,
        String order,
        List<Option> feeds,
        List<Hit> hits,
        String error,
        String note,
        boolean searched,
        String atomUrl,
        int pageNumber,
        String prevUrl,
        String nextUrl) {

    /** A choice of a select box. */
    public record Option(String value, String label) {}

    /** One result as shown. */
    public record Hit(
            String kind,
            String path,
            String title,
            String byline,
            String date,
            String isoDate,
            List<Snippets.Segment> snippet) {}

    /** Whether the part is ticked. */
    public boolean hasPart(String part) {
        return parts.contains(part);
    }
}
