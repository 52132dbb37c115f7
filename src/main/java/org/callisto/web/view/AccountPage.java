package org.callisto.web.view;

import java.util.List;

/**
 * A member's own page: name, role, their mail address and mail settings, their invitations, and the stories they
 * submitted with where each stands. Immutable.
 *
 * @param meta        layout facts
 * @param username    the name
 * @param role        {@code member}, {@code editor} or {@code admin}
 * @param since       when the account was made, for reading
 * @param stories     their stories, newest first
 * @param notice      what the last change did, or null
 * @param message     why the last change was refused, or null
 * @param mail        the mail address and settings
 * @param invitations the member's invitations and the form to issue one
 */
public record AccountPage(
        PageMeta meta,
        String username,
        String role,
        String since,
        List<StoryView> stories,
        String notice,
        String message,
        AccountMailView mail,
        AccountInvitationsView invitations) {}
