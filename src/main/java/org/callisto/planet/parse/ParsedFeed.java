package org.callisto.planet.parse;

import java.time.Instant;
import java.util.List;

/**
 * One feed as parsed from RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed 1.0/1.1, in one format-neutral model.
 * Text fields ({@code title}) are plain text; {@code description} is HTML (text content escaped), not yet
 * sanitized. URLs are absolute where a base was known. Immutable.
 *
 * @param format      the detected format, e.g. {@code rss2.0}, {@code rss1.0}, {@code atom1.0}, {@code json1.1}
 * @param encoding    the character encoding the bytes were decoded with, e.g. {@code UTF-8}
 * @param illFormed   true when the document was not well-formed and was recovered
 * @param problems    what was wrong, with positions, in document order
 * @param title       feed title, plain text, or null
 * @param link        the site's home page, or null
 * @param feedUrl     the feed's own URL as it declares it (atom:link rel=self, JSON feed_url), or null
 * @param description subtitle/description as HTML, or null
 * @param language    language tag, or null
 * @param imageUrl    logo/image/icon URL, or null
 * @param authors     feed-level authors, possibly empty
 * @param categories  feed-level category terms, possibly empty
 * @param updated     when the feed says it was last updated, or null
 * @param ttlMinutes  RSS ttl in minutes, or null
 * @param generator   generator name, or null
 * @param copyright   rights/copyright text, or null
 * @param entries     the entries in document order
 * @param fields      everything the document says, in feedparser's names and shapes, when asked for
 *                    ({@link FeedParser#parseWithFields}); null otherwise, so the planet's path stays as fast as it was
 * @param hubs        the WebSub hubs the document names (atom:link rel=hub, JSON Feed hubs), absolute, possibly empty
 */
public record ParsedFeed(
        String format,
        String encoding,
        boolean illFormed,
        List<ParseProblem> problems,
        String title,
        String link,
        String feedUrl,
        String description,
        String language,
        String imageUrl,
        List<Person> authors,
        List<String> categories,
        Instant updated,
        Integer ttlMinutes,
        String generator,
        String copyright,
        List<ParsedEntry> entries,
        FeedFields fields,
        List<String> hubs) {

    public ParsedFeed {
        hubs = hubs == null ? List.of() : List.copyOf(hubs);
    }

    /** This feed with its feedparser-shaped fields attached. */
    public ParsedFeed withFields(FeedFields f) {
        return new ParsedFeed(
                format,
                encoding,
                illFormed,
                problems,
                title,
                link,
                feedUrl,
                description,
                language,
                imageUrl,
                authors,
                categories,
                updated,
                ttlMinutes,
                generator,
                copyright,
                entries,
                f,
                hubs);
    }
}
