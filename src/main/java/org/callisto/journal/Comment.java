package org.callisto.journal;

import java.time.Instant;

/**
 * A stored comment on a story. Immutable.
 *
 * @param id         the comment's number, as in the anchor {@code #comment-{id}}
 * @param storyId    the story it is under
 * @param parentId   the comment it answers, or null at the top of a thread
 * @param threadId   the top-level comment of its thread (its own id at the top)
 * @param depth      1 at the top, one more for each reply level, at most {@link Comments#MAX_DEPTH}
 * @param authorId   the account that wrote it
 * @param authorName that account's name
 * @param format     how the source is written
 * @param source     the text as the member wrote it (kept when deleted or hidden; pages never show it then)
 * @param html       the source validated and sanitized under the comment policy
 * @param createdAt  when it was posted
 * @param editedAt   when its author last changed it, or null
 * @param deleted    whether its author deleted it: readers see "[deleted]"
 * @param hidden     whether a moderator hid it: readers see "[hidden by a moderator]"
 */
public record Comment(
        long id,
        long storyId,
        Long parentId,
        long threadId,
        int depth,
        long authorId,
        String authorName,
        StoryFormat format,
        String source,
        String html,
        Instant createdAt,
        Instant editedAt,
        boolean deleted,
        boolean hidden) {

    /** What readers see instead of a deleted comment. */
    public static final String DELETED = "[deleted]";
    /** What readers see instead of a hidden comment. */
    public static final String HIDDEN = "[hidden by a moderator]";

    /** Whether readers see the text: neither deleted nor hidden. */
    public boolean shown() {
        return !deleted && !hidden;
    }
}
