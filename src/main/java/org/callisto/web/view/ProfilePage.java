package org.callisto.web.view;

import java.util.List;

/**
 * A member's public profile. Immutable.
 *
 * @param username   their name
 * @param role       member, editor or admin
 * @param joinedIso  when they joined, ISO 8601
 * @param joined     the same, for reading
 * @param karma      votes received
 * @param invitedBy  who invited them, or null
 * @param stories    their latest published stories
 * @param comments   their latest comments readers see
 * @param notes      moderators' notes, or null when the viewer is not a moderator
 * @param noteCsrf   the token of the note form, or null when the viewer is not a moderator
 * @param banned     whether the account is banned
 */
public record ProfilePage(
        PageMeta meta,
        String username,
        String role,
        String joinedIso,
        String joined,
        int karma,
        String invitedBy,
        List<StoryView> stories,
        List<CommentRow> comments,
        List<NoteRow> notes,
        String noteCsrf,
        boolean banned) {

    /** A comment as listed on a profile: its permalink and sanitized HTML. */
    public record CommentRow(String url, String html, String iso, String human) {}

    /** A moderator's note: who, what (plain text) and when. */
    public record NoteRow(String author, String text, String iso, String human) {}
}
