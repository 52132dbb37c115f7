package org.callisto.planet;

import java.util.List;

/**
 * A post that reached the planet through more than one feed, as administrators review it: its copies, the shown one
 * first. Immutable.
 *
 * @param postId the id of the shown copy
 * @param copies every copy, earliest published first (the first is the shown one)
 */
public record PostGroup(long postId, List<Copy> copies) {
    public PostGroup {
        copies = List.copyOf(copies);
    }

    /**
     * One copy of the post.
     *
     * @param entryId  its entry id
     * @param feedId   the feed it came through
     * @param feedName that feed's display name
     * @param title    its title, or null
     * @param link     its link if it is a web address, else null
     */
    public record Copy(long entryId, long feedId, String feedName, String title, String link) {}
}
