package org.callisto.planet;

import java.net.URI;

/**
 * What the planet keeps of an entry beyond its text, from what the parsing model carries: the title's inline markup,
 * the author's link, the links to its comments and their count, and the feed it was copied from (credited "via ...").
 * URLs are absolute http(s) URLs or null; {@code titleHtml} has passed the inline-only title policy. Immutable.
 *
 * @param titleHtml       the title as sanitized inline HTML when the feed marked it up, else null (the text is
 *                        {@link Entry#title()})
 * @param authorUri       the author's page (Atom {@code uri}), or null; email addresses are never kept
 * @param commentsUrl     the page of its comments (RSS {@code comments}, Atom {@code link rel="replies"}), or null
 * @param commentsFeedUrl a feed of its comments ({@code wfw:commentRss}, a replies link to a feed), or null
 * @param commentCount    how many comments the feed says there are, or null
 * @param viaTitle        the title of the feed it was copied from, or null
 * @param viaLink         that feed's site, or null
 * @param viaFeedUrl      that feed's own URL, or null
 * @param viaId           that feed's id (Atom {@code id}), or null
 */
public record EntryDetails(
        String titleHtml,
        String authorUri,
        String commentsUrl,
        String commentsFeedUrl,
        Integer commentCount,
        String viaTitle,
        String viaLink,
        String viaFeedUrl,
        String viaId) {

    /** An entry with none of these. */
    public static final EntryDetails NONE = new EntryDetails(null, null, null, null, null, null, null, null, null);

    /** Whether the entry credits a source feed it was copied from. */
    public boolean hasVia() {
        return viaTitle != null || viaLink != null || viaFeedUrl != null;
    }

    /** Where the "via" credit links: the source's site, else its feed, else null. */
    public String viaUrl() {
        return viaLink != null ? viaLink : viaFeedUrl;
    }

    /** What the "via" credit says: the source's title, else the host of its URL. */
    public String viaName() {
        if (viaTitle != null && !viaTitle.isBlank()) {
            return viaTitle;
        }
        String url = viaUrl();
        if (url == null) {
            return viaId;
        }
        try {
            String host = URI.create(url).getHost();
            return host != null ? host : url;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** The values a reader sees, for the entry's content hash; empty when there are none, so old hashes hold. */
    String[] hashParts() {
        if (equals(NONE)) {
            return new String[0];
        }
        return new String[] {titleHtml, authorUri, commentsUrl, commentsFeedUrl, viaTitle, viaLink, viaFeedUrl, viaId};
    }
}
