package org.callisto.search;

import java.time.Instant;
import java.util.List;

/**
 * One result. Immutable and thread-safe.
 *
 * @param kind {@code entry}, {@code story}, {@code comment} or {@code episode}
 * @param part {@code planet}, {@code journal} or {@code show}
 * @param path the site-relative address of the result, e.g. {@code /entries/12}
 * @param title the title (for a comment, its story's), plain text
 * @param author the author's name, or null
 * @param source where it comes from: the feed's name for an entry, else null
 * @param published when it was published
 * @param snippet the matching text, with the matched words marked
 */
public record SearchHit(
        String kind,
        String part,
        String path,
        String title,
        String author,
        String source,
        Instant published,
        List<Snippets.Segment> snippet) {
    public SearchHit {
        snippet = List.copyOf(snippet);
    }
}
