package org.callisto.planet;

import java.time.Instant;
import java.util.Locale;

/**
 * An aggregated entry as stored and shown: its HTML has been sanitized before it was stored. Immutable.
 *
 * @param id          database id
 * @param feedId      the feed it came from
 * @param feedName    that feed's display name
 * @param feedSiteUrl that feed's site, or null
 * @param link        the original's permalink, or null
 * @param title       plain-text title, or null
 * @param author      author name, or null
 * @param summaryHtml sanitized summary, or null
 * @param contentHtml sanitized full content, or null
 * @param terms       the entry's own category terms, comma-separated, or null
 * @param enclosureUrl    an enclosure's URL, or null
 * @param enclosureType   its MIME type, or null
 * @param enclosureLength its length in bytes, or -1
 * @param publishedAt the time it is sorted by
 * @param updatedAt   its last update, or null
 * @param feedUrl     the URL of the feed it came from
 * @param details     title markup, author link, comment links and count, "via" source ({@link EntryDetails#NONE})
 */
public record Entry(
        long id,
        long feedId,
        String feedName,
        String feedSiteUrl,
        String link,
        String title,
        String author,
        String summaryHtml,
        String contentHtml,
        String terms,
        String enclosureUrl,
        String enclosureType,
        long enclosureLength,
        Instant publishedAt,
        Instant updatedAt,
        String feedUrl,
        EntryDetails details) {

    public Entry {
        details = details == null ? EntryDetails.NONE : details;
    }

    /** Whether its enclosure is audio or video that a page can play in a player. */
    public boolean playable() {
        return enclosureUrl != null && mediaKind() != null;
    }

    /** {@code audio} or {@code video} by the enclosure's MIME type, else null. */
    public String mediaKind() {
        if (enclosureType == null) {
            return null;
        }
        String t = enclosureType.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("audio/") ? "audio" : t.startsWith("video/") ? "video" : null;
    }

    /** The fullest HTML available: content, else summary, else empty. */
    public String bodyHtml() {
        if (contentHtml != null && !contentHtml.isBlank()) {
            return contentHtml;
        }
        return summaryHtml == null ? "" : summaryHtml;
    }
}
