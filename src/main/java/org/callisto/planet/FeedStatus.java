package org.callisto.planet;

import java.time.Instant;

/**
 * What one fetch attempt did to a feed, to be written back to its row. Immutable.
 *
 * @param attemptedAt   when the attempt started
 * @param nextFetchAt   when to try next
 * @param status        the HTTP status, or 0
 * @param success       true for a 200 that parsed, or a 304
 * @param errorKind     why the attempt failed, or null on success
 * @param error         the failure in words, or null on success
 * @param disable       true to switch the feed off (410 Gone)
 * @param movedTo       a new URL after a permanent redirect, or null
 * @param etag          validator to send next time, or null to keep the stored one
 * @param lastModified  validator to send next time, or null to keep the stored one
 * @param meta          feed metadata from a parsed 200, or null
 */
public record FeedStatus(
        Instant attemptedAt,
        Instant nextFetchAt,
        int status,
        boolean success,
        RefreshFailure errorKind,
        String error,
        boolean disable,
        String movedTo,
        String etag,
        String lastModified,
        FeedMeta meta) {

    /**
     * The feed-level facts of a parsed document.
     *
     * @param problems parse problems, one per line, or null
     */
    public record FeedMeta(
            String title,
            String siteUrl,
            String description,
            String imageUrl,
            String format,
            String encoding,
            boolean illFormed,
            String problems,
            Integer ttlMinutes) {}
}
