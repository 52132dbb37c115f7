package org.callisto.web.view;

import java.util.List;

/**
 * The moderators' view of who invited whom. Immutable.
 *
 * @param meta     layout facts
 * @param branches every account, depth first, each followed by those it invited
 * @param open     invitations not used, revoked or expired
 */
public record InvitationTreePage(PageMeta meta, List<Branch> branches, int open) {

    /**
     * One account in the tree.
     *
     * @param username its name
     * @param role     its role
     * @param joined   when it was made, for reading
     * @param depth    0 for accounts nobody invited
     * @param invitedBy the account that invited it, or ""
     * @param invited  how many accounts it invited
     * @param pending  its invitations still open
     * @param banned   whether it is banned
     */
    public record Branch(
            String username,
            String role,
            String joined,
            int depth,
            String invitedBy,
            int invited,
            int pending,
            boolean banned) {}
}
