package org.callisto.journal;

import java.util.List;
import org.callisto.account.User;

/**
 * A member's public profile, and the moderators' notes when the viewer is one. Immutable.
 *
 * @param user        the account
 * @param karma       votes received by their stories and comments
 * @param invitedBy   the name of the member who invited them, or null (open registration, or an administrator)
 * @param stories     their latest published stories
 * @param comments    their latest comments readers can see
 * @param notes       moderators' notes, or null when the viewer is not a moderator
 */
public record Profile(
        User user,
        int karma,
        String invitedBy,
        List<Story> stories,
        List<Comment> comments,
        List<MemberNoteStore.Note> notes) {}
