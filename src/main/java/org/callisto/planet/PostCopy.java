package org.callisto.planet;

/**
 * Another feed's copy of a post shown once: what "also posted by" links to. Immutable.
 *
 * @param entryId  the copy's entry id
 * @param feedId   the feed it came through
 * @param feedName that feed's display name
 * @param link     the copy's own link, or null
 */
public record PostCopy(long entryId, long feedId, String feedName, String link) {
    /** The copy's link if it is a web address, else null. */
    public String webLink() {
        return EntryLimits.webUrl(link);
    }
}
