package org.callisto.web.view;

import java.util.List;

/**
 * The discussion under a published story. Immutable.
 *
 * @param storyId     the story
 * @param csrf        the token of the forms of members (post, reply, edit, delete)
 * @param moderation  the token of the moderators' forms, or null for other viewers
 * @param threads     the top-level comments with their replies, best first (see
 *                    {@link org.callisto.journal.Ranking#wilsonLowerBound}), then oldest first
 * @param count       how many comments readers see
 * @param locked      whether the discussion is closed to new comments
 * @param canComment  whether the viewer may start a thread
 * @param loggedIn    whether anyone is logged in
 * @param message     why the last comment was refused, or null
 * @param problems    the report of the refused comment's HTML problems (escaped source, marked), or null
 * @param draft       the refused comment's text, to send again
 * @param draftFormat its format
 * @param draftParent the comment it answered, or 0 for a new thread
 * @param draftEditing the comment it was to replace, or 0
 * @param feedUrl     the Atom feed of the story's comments
 */
public record CommentSection(
        long storyId,
        String csrf,
        String moderation,
        List<CommentView> threads,
        int count,
        boolean locked,
        boolean canComment,
        boolean loggedIn,
        String message,
        String problems,
        String draft,
        String draftFormat,
        long draftParent,
        long draftEditing,
        String feedUrl) {

    public CommentSection {
        threads = List.copyOf(threads);
    }
}
