package org.callisto.planet;

/**
 * What refreshing one feed did, for progress reports and summaries. Immutable.
 *
 * @param feedId   the feed
 * @param url      its URL at the time of the fetch
 * @param kind     OK, NOT_MODIFIED, ERROR, RETRY_LATER or GONE
 * @param added    entries added
 * @param updated  entries updated
 * @param message  the error in words, or null
 */
public record RefreshOutcome(long feedId, String url, Kind kind, int added, int updated, String message) {

    /** The short result of one refresh. */
    public enum Kind {
        OK,
        NOT_MODIFIED,
        ERROR,
        RETRY_LATER,
        GONE
    }
}
