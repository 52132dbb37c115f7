package org.callisto.web.view;

import java.util.List;

/**
 * A comment as the story page shows it to one viewer, with its replies. Immutable.
 *
 * @param id           the comment's number
 * @param authorName   who wrote it
 * @param createdIso   when it was posted, ISO 8601
 * @param createdHuman the same, for reading
 * @param editedHuman  when its author last changed it, for reading, or null
 * @param html         its sanitized HTML when this viewer sees the text, else null
 * @param placeholder  "[deleted]" or "[hidden by a moderator]" when it is not shown as a comment, else null
 * @param hidden       whether a moderator hid it (editors see the text, marked)
 * @param canReply     whether the viewer may reply here
 * @param canEdit      whether the viewer may change it now (its author, within the edit window)
 * @param canDelete    whether the viewer may delete it (its author)
 * @param canModerate  whether the viewer may hide it
 * @param canBan       whether the viewer may ban its author (a moderator, not on their own comments)
 * @param format       the format it is written in, for the edit form
 * @param source       the text as written, for the edit form (only when {@code canEdit})
 * @param points       its upvotes
 * @param vote         the viewer's upvote and flag forms, or null (anonymous, their own, or not shown)
 * @param canUnhide    whether the viewer may show it again (a moderator, when it is hidden)
 * @param replies      the answers to it, best first (see {@link org.callisto.journal.Ranking})
 */
public record CommentView(
        long id,
        String authorName,
        String createdIso,
        String createdHuman,
        String editedHuman,
        String html,
        String placeholder,
        boolean hidden,
        boolean canReply,
        boolean canEdit,
        boolean canDelete,
        boolean canModerate,
        boolean canBan,
        String format,
        String source,
        int points,
        VoteForm vote,
        boolean canUnhide,
        List<CommentView> replies) {

    public CommentView {
        replies = List.copyOf(replies);
    }

    /** The fragment identifier of the comment, {@code comment-{id}}. */
    public String anchor() {
        return "comment-" + id;
    }
}
