package org.callisto.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.callisto.account.AccountRefusal;
import org.callisto.account.Accounts;
import org.callisto.account.Invitation;
import org.callisto.account.Invitations;
import org.callisto.account.Membership;
import org.callisto.account.Role;
import org.callisto.account.Session;
import org.callisto.account.User;
import org.callisto.web.view.AccountInvitationsView;
import org.callisto.web.view.InvitationTreePage;

/**
 * Invitations on the web: {@code POST /account/invitations} (issue one, mailed when an address is given and mail
 * is on; the link is shown once on the account page), {@code POST /account/invitations/{id}/revoke} (revoke one's
 * own), and {@code GET /admin/invitations}, the tree of who invited whom for moderators (editors and
 * administrators). A member sees and revokes only their own invitations; revoking another's is refused as an
 * unknown one. Thread-safe.
 */
final class InvitationPages {
    private final Site site;
    private final WebSessions sessions;
    private final Membership membership;
    private final AccountPages accountPages;

    InvitationPages(Site site, WebSessions sessions, Membership membership, AccountPages accountPages) {
        this.site = site;
        this.sessions = sessions;
        this.membership = membership;
        this.accountPages = accountPages;
    }

    /** The invitations part of the account page; {@code newLink} is the link just issued, or null. */
    static AccountInvitationsView view(
            Membership membership, Accounts accounts, Session session, String csrf, String newLink, Instant now) {
        Invitations invitations = membership.invitations();
        boolean open = accounts.registration() != org.callisto.config.Config.Registration.CLOSED;
        OptionalInt left = invitations.quotaLeft(session.user());
        Map<Long, String> names = new HashMap<>();
        List<AccountInvitationsView.InvitationView> items = invitations.mine(session).stream()
                .map(i -> new AccountInvitationsView.InvitationView(
                        i.id(),
                        Format.human(i.createdAt()),
                        Format.human(i.expiresAt()),
                        i.state(now),
                        i.email().orElse(""),
                        i.usedBy()
                                .map(id -> names.computeIfAbsent(
                                        id,
                                        k -> accounts.store()
                                                .user(k)
                                                .map(User::username)
                                                .orElse("a removed account")))
                                .orElse("")))
                .toList();
        return new AccountInvitationsView(
                open,
                membership.mailEnabled(),
                left.isPresent()
                        ? left.getAsInt() + " (an open invitation counts until it is used, revoked or expires)"
                        : "no limit (administrator)",
                open && (left.isEmpty() || left.getAsInt() > 0),
                items,
                newLink,
                csrf);
    }

    void issue(Context ctx) {
        Session session = AccountPages.requireLogin(ctx, "/account");
        if (session == null) {
            return;
        }
        sessions.check(ctx, MemberMailPages.FORM);
        String email = ctx.formParam("email");
        try {
            Invitations.Issued issued = membership.invitations().issue(session, email);
            String notice = issued.mailed()
                    ? "An invitation was mailed to "
                            + issued.invitation().invitation().email().orElse("") + ". Its link is below too."
                    : "Your invitation is ready. Pass its link on: it works once.";
            accountPages.accountPage(ctx, session, notice, null, issued.link().toString());
        } catch (AccountRefusal refusal) {
            AccountPages.refused(ctx, refusal);
            accountPages.accountPage(ctx, session, null, MemberMailPages.capitalized(refusal.getMessage()), null);
        }
    }

    void revoke(Context ctx) {
        Session session = AccountPages.requireLogin(ctx, "/account");
        if (session == null) {
            return;
        }
        sessions.check(ctx, MemberMailPages.FORM);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            id = -1;
        }
        try {
            membership.invitations().revoke(session, id);
            ctx.redirect("/account?done=revoked#invitations", HttpStatus.SEE_OTHER);
        } catch (AccountRefusal refusal) {
            AccountPages.refused(ctx, refusal);
            accountPages.accountPage(ctx, session, null, MemberMailPages.capitalized(refusal.getMessage()), null);
        }
    }

    void tree(Context ctx) {
        Session session = AccountPages.requireLogin(ctx, "/admin/invitations");
        if (session == null) {
            return;
        }
        if (!session.user().role().atLeast(Role.EDITOR)) {
            throw PageException.forbidden("Only editors and administrators can see who invited whom.");
        }
        Invitations invitations = membership.invitations();
        List<Invitations.Branch> branches = invitations.tree(session);
        List<Invitation> all = invitations.all(session);
        Instant now = site.clock().instant();
        Map<Long, Integer> invited = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (Invitations.Branch b : branches) {
            names.put(b.user().id(), b.user().username());
            b.user().invitedBy().ifPresent(by -> invited.merge(by, 1, Integer::sum));
        }
        Map<Long, Integer> pending = new HashMap<>();
        int open = 0;
        for (Invitation i : all) {
            if (i.usable(now)) {
                pending.merge(i.createdBy(), 1, Integer::sum);
                open++;
            }
        }
        List<InvitationTreePage.Branch> rows = branches.stream()
                .map(b -> new InvitationTreePage.Branch(
                        b.user().username(),
                        b.user().role().key(),
                        Format.human(b.user().createdAt()),
                        b.depth(),
                        b.user()
                                .invitedBy()
                                .map(id -> names.getOrDefault(id, ""))
                                .orElse(""),
                        invited.getOrDefault(b.user().id(), 0),
                        pending.getOrDefault(b.user().id(), 0),
                        b.user().banned()))
                .toList();
        Responses.personal(
                ctx,
                site.render(
                        "invitation-tree.jte", new InvitationTreePage(site.meta(ctx, "Who invited whom"), rows, open)));
    }
}
