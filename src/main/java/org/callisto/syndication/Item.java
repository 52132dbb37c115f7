package org.callisto.syndication;

import java.time.Instant;
import java.util.List;

/**
 * One entry of an output feed, independent of where it came from (planet, journal or show). Immutable.
 *
 * @param id           a stable, globally unique id: a {@code tag:} URI or the original's permalink
 * @param idIsLink     whether {@code id} is also the permalink (RSS {@code isPermaLink})
 * @param title        plain-text title, or null
 * @param link         the permalink, or null
 * @param author       the author's name, or null
 * @param summaryHtml  sanitized summary HTML, or null
 * @param contentHtml  sanitized full HTML, or null
 * @param categories   category names
 * @param published    when it was published
 * @param updated      when it last changed, or null
 * @param sourceTitle  the title of the feed it was aggregated from, or null
 * @param sourceUrl    that feed's site, or null
 * @param enclosureUrl an enclosure, or null
 * @param enclosureType its MIME type, or null
 * @param enclosureLength its length in bytes, or -1
 * @param sourceFeedUrl the URL of the feed it came from (Atom {@code source/link rel="self"}, RSS {@code source url}),
 *                      or null
 * @param sourceId     that feed's id (Atom {@code source/id}), or null
 * @param authorUri    the author's page, or null
 * @param commentsUrl  the page of its comments (RSS {@code comments}, Atom {@code link rel="replies"}), or null
 * @param commentsFeedUrl a feed of its comments ({@code wfw:commentRss}, a second replies link), or null
 * @param commentCount how many comments there are ({@code slash:comments}, {@code thr:count}), or null
 */
public record Item(
        String id,
        boolean idIsLink,
        String title,
        String link,
        String author,
        String summaryHtml,
        String contentHtml,
        List<String> categories,
        Instant published,
        Instant updated,
        String sourceTitle,
        String sourceUrl,
        String enclosureUrl,
        String enclosureType,
        long enclosureLength,
        String sourceFeedUrl,
        String sourceId,
        String authorUri,
        String commentsUrl,
        String commentsFeedUrl,
        Integer commentCount) {

    public Item {
        categories = List.copyOf(categories);
    }

    /** An item without a source feed URL or id, author page or comments. */
    public Item(
            String id,
            boolean idIsLink,
            String title,
            String link,
            String author,
            String summaryHtml,
            String contentHtml,
            List<String> categories,
            Instant published,
            Instant updated,
            String sourceTitle,
            String sourceUrl,
            String enclosureUrl,
            String enclosureType,
            long enclosureLength) {
        this(
                id,
                idIsLink,
                title,
                link,
                author,
                summaryHtml,
                contentHtml,
                categories,
                published,
                updated,
                sourceTitle,
                sourceUrl,
                enclosureUrl,
                enclosureType,
                enclosureLength,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
