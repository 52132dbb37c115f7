package org.callisto.journal;

import java.util.List;

/**
 * A story or comment that enough distinct members flagged to bring it to the moderators. Immutable.
 *
 * @param target   story or comment
 * @param id       its number
 * @param storyId  the story it is (or is under)
 * @param flaggers how many distinct members flagged it
 * @param reasons  the reasons given, most often given first
 */
public record Flagged(Target target, long id, long storyId, int flaggers, List<FlagReason> reasons) {
    public Flagged {
        reasons = List.copyOf(reasons);
    }

    /** Where to see it. */
    public String path() {
        return "/stories/" + storyId + (target == Target.COMMENT ? "#comment-" + id : "");
    }
}
