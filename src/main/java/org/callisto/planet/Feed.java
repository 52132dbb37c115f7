package org.callisto.planet;

import java.time.Instant;
import java.util.List;

/**
 * A subscription and its fetch status, as stored. Immutable.
 *
 * @param id              database id
 * @param url             the feed URL fetched
 * @param name            the name the planet gives it (an author's name, as in Planet Venus), or null
 * @param title           the title the feed gives itself, or null
 * @param siteUrl         the site the feed belongs to, or null
 * @param description     the feed's description as sanitized HTML, or null
 * @param imageUrl        the feed's image, or null
 * @param format          the detected format, e.g. {@code rss2.0}, or null before the first fetch
 * @param disabled        true when fetching is switched off
 * @param disabledReason  why, in words, or null
 * @param createdAt       when it was added
 * @param lastFetchAt     the last attempt, or null
 * @param lastSuccessAt   the last attempt that got a 200 or 304, or null
 * @param nextFetchAt     when it is due next
 * @param lastStatus      HTTP status of the last attempt, or 0
 * @param lastErrorKind   why the last attempt failed, or null when it worked (or there was none)
 * @param lastError       the last error in words, or null
 * @param errorCount      consecutive failed attempts
 * @param illFormed       whether the last parsed document was ill-formed
 * @param problems        the parse problems of the last document, one per line, or null
 * @param categories      the categories it belongs to
 */
public record Feed(
        long id,
        String url,
        String name,
        String title,
        String siteUrl,
        String description,
        String imageUrl,
        String format,
        boolean disabled,
        String disabledReason,
        Instant createdAt,
        Instant lastFetchAt,
        Instant lastSuccessAt,
        Instant nextFetchAt,
        int lastStatus,
        RefreshFailure lastErrorKind,
        String lastError,
        int errorCount,
        boolean illFormed,
        String problems,
        List<Category> categories) {

    /** The name shown for this feed: the planet's name for it, else its own title, else its URL. */
    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        if (title != null && !title.isBlank()) {
            return title;
        }
        return url;
    }
}
