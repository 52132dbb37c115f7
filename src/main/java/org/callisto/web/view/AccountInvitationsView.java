package org.callisto.web.view;

import java.util.List;

/**
 * The invitations part of a member's page. Immutable.
 *
 * @param open      whether invitations can be used on this site (registration is not closed)
 * @param mailOn    whether invitations can be mailed
 * @param quota     how many more the member may open, in words ("3 of 5 left", "no limit")
 * @param canIssue  whether the member may issue one now
 * @param items     the member's invitations, newest first
 * @param newLink   the link of the invitation just issued, shown this once, or null
 * @param csrf      the token of the invitation forms
 */
public record AccountInvitationsView(
        boolean open,
        boolean mailOn,
        String quota,
        boolean canIssue,
        List<InvitationView> items,
        String newLink,
        String csrf) {

    /**
     * One invitation as its issuer sees it.
     *
     * @param id      its number
     * @param created when it was issued, for reading
     * @param expires until when it can be used, for reading
     * @param state   {@code open}, {@code used}, {@code expired} or {@code revoked}
     * @param email   where it was mailed, or ""
     * @param usedBy  who registered with it, or ""
     */
    public record InvitationView(long id, String created, String expires, String state, String email, String usedBy) {
        public boolean open() {
            return state.equals("open");
        }
    }
}
