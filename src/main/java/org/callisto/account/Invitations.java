package org.callisto.account;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.callisto.config.Config;
import org.callisto.mail.Mailer;

/**
 * Invitations, as a member, an administrator or the operator issues them: each is a random code (only its SHA-256
 * is stored) that works once, until {@code journal.invitation_lifetime} has passed or its issuer revokes it. A
 * member may have {@code journal.invitations_per_member} open at once (administrators have no quota), besides the
 * daily limit {@link RateRule#INVITATION}. Given a mail address, the link is mailed when mail is configured;
 * whether an account already has that address is never looked at, so issuing says nothing about other members.
 *
 * <p>A member sees and revokes only their own invitations: every query and change is by the session's account.
 * Moderators (editors and administrators) see the tree of who invited whom, as on Lobsters.
 *
 * <p>Thread-safe.
 */
public final class Invitations {
    /** A new invitation with its link, and whether the link was mailed. */
    public record Issued(IssuedInvitation invitation, URI link, boolean mailed) {
        @Override
        public String toString() {
            return "Issued[" + invitation + ", mailed=" + mailed + "]";
        }
    }

    /** One account in the tree of invitations, at its depth (0 for accounts nobody invited). */
    public record Branch(User user, int depth) {}

    private final Accounts accounts;
    private final InvitationStore store;
    private final Mailer mailer;
    private final MailLinks links;
    private final Config.JournalConfig journal;
    private final String siteTitle;
    private final Clock clock;

    public Invitations(
            Accounts accounts,
            InvitationStore store,
            Mailer mailer,
            MailLinks links,
            Config.JournalConfig journal,
            String siteTitle,
            Clock clock) {
        this.accounts = accounts;
        this.store = store;
        this.mailer = mailer;
        this.links = links;
        this.journal = journal;
        this.siteTitle = siteTitle;
        this.clock = clock;
    }

    /** Whether invitations can be mailed: only with mail configured. */
    public boolean mailEnabled() {
        return mailer.enabled();
    }

    /**
     * Issues an invitation from the session's account; mails its link to {@code email} when one is given and
     * mail is configured.
     *
     * @param email where to mail the link; null or blank for none
     * @throws AccountRefusal when registration is closed, the address is malformed, the member's quota of open
     *                        invitations is used up, or they issued too many today
     */
    public Issued issue(Session session, String email) {
        if (session == null) {
            throw new AccountRefusal("log in first");
        }
        User inviter = session.user();
        String address = email == null || email.isBlank() ? null : MemberMail.checkAddress(email, "Their mail address");
        OptionalInt left = quotaLeft(inviter);
        if (left.isPresent() && left.getAsInt() <= 0) {
            throw new AccountRefusal("you have " + journal.invitationsPerMember() + " open invitations, as many as a"
                    + " member may have (journal.invitations_per_member); revoke one, or wait until one is used or"
                    + " expires");
        }
        if (accounts.limiter().acquire(RateRule.userKey("invite", inviter.id()), RateRule.INVITATION)
                instanceof RateDecision.RateLimited limited) {
            throw limited.refusal();
        }
        return issueBy(inviter, address);
    }

    /**
     * Issues an invitation for {@code callisto admin invite}, from the administrator named {@code adminName}, or
     * the first administrator when it is null; no quota or limit applies to the operator.
     *
     * @throws AccountRefusal when registration is closed, the address is malformed, or there is no such
     *                        administrator
     */
    public Issued issueAsOperator(String adminName, String email) {
        String address = email == null || email.isBlank() ? null : MemberMail.checkAddress(email, "--email");
        User admin;
        if (adminName == null) {
            admin = accounts.store().users().stream()
                    .filter(u -> u.role() == Role.ADMIN && !u.banned())
                    .findFirst()
                    .orElseThrow(() -> new AccountRefusal("there is no administrator yet to issue the invitation"
                            + " from; make one first with callisto admin create --username NAME"));
        } else {
            admin = accounts.store()
                    .userByName(adminName)
                    .filter(u -> u.role() == Role.ADMIN)
                    .orElseThrow(() -> new AccountRefusal("there is no administrator named '" + adminName
                            + "'; give the name of an administrator to --by, or leave --by out"));
        }
        return issueBy(admin, address);
    }

    private Issued issueBy(User inviter, String address) {
        if (accounts.registration() == Config.Registration.CLOSED) {
            throw new AccountRefusal("registration is closed on this site (journal.registration = closed), so"
                    + " invitations cannot be used");
        }
        String code = Secrets.newToken();
        Instant now = clock.instant();
        Invitation invitation =
                store.create(Secrets.digest(code), inviter.id(), now, now.plus(journal.invitationLifetime()), address);
        URI link = links.invitation(code);
        boolean mailed = address != null
                && mailer.send(
                        address,
                        inviter.username() + " invites you to " + siteTitle,
                        "Hello,\n\n"
                                + inviter.username() + " invites you to join " + siteTitle + ", " + links.site()
                                + "\n\nTo make your account, open this link. It works once, until "
                                + invitation
                                        .expiresAt()
                                        .toString()
                                        .replace('T', ' ')
                                        .replaceFirst("\\..*|Z", "")
                                + " UTC:\n\n" + link + "\n\n"
                                + "If you do not know " + inviter.username() + ", ignore this mail.\n\n"
                                + "-- \n" + siteTitle + " " + links.site() + "\n");
        return new Issued(new IssuedInvitation(code, invitation), link, mailed);
    }

    /** How many more invitations the account may open now; empty for administrators, who have no quota. */
    public OptionalInt quotaLeft(User user) {
        if (user.role() == Role.ADMIN) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(
                Math.max(0, journal.invitationsPerMember() - store.countOpen(user.id(), clock.instant())));
    }

    /** The session's own invitations, newest first. */
    public List<Invitation> mine(Session session) {
        if (session == null) {
            throw new AccountRefusal("log in first");
        }
        return accounts.store().invitationsBy(session.user().id());
    }

    /**
     * Revokes one of the session's own open invitations. Another member's invitation, an unknown one and one
     * already used or revoked are refused alike.
     *
     * @throws AccountRefusal when it is not the member's own open invitation
     */
    public void revoke(Session session, long invitationId) {
        if (session == null) {
            throw new AccountRefusal("log in first");
        }
        if (!store.revoke(invitationId, session.user().id(), clock.instant())) {
            throw new AccountRefusal("invitation " + invitationId + " is not one of your open invitations, so it"
                    + " was not revoked; your account page lists yours");
        }
    }

    /** The mail address an invitation was sent to, if its code is usable now; for the registration form. */
    public Optional<String> emailFor(String code) {
        if (!Secrets.plausible(code)) {
            return Optional.empty();
        }
        return store.byCode(Secrets.digest(code.strip()))
                .filter(i -> i.usable(clock.instant()))
                .flatMap(Invitation::email);
    }

    /**
     * Every account in the tree of who invited whom, depth first: each account is followed by those it invited,
     * oldest first. For moderators only.
     *
     * @throws AccountRefusal when the session is not an editor's or an administrator's
     */
    public List<Branch> tree(Session session) {
        if (session == null || !session.user().role().atLeast(Role.EDITOR)) {
            throw new AccountRefusal("only editors and administrators can see who invited whom");
        }
        List<User> users = accounts.store().users();
        Map<Long, List<User>> children = new HashMap<>();
        List<User> roots = new ArrayList<>();
        java.util.Set<Long> ids = new java.util.HashSet<>();
        users.forEach(u -> ids.add(u.id()));
        for (User u : users) {
            if (u.invitedBy().isPresent() && ids.contains(u.invitedBy().get())) {
                children.computeIfAbsent(u.invitedBy().get(), k -> new ArrayList<>())
                        .add(u);
            } else {
                roots.add(u);
            }
        }
        List<Branch> out = new ArrayList<>();
        java.util.ArrayDeque<Branch> stack = new java.util.ArrayDeque<>();
        for (User root : roots.reversed()) {
            stack.push(new Branch(root, 0));
        }
        while (!stack.isEmpty()) {
            Branch b = stack.pop();
            out.add(b);
            for (User child : children.getOrDefault(b.user().id(), List.of()).reversed()) {
                stack.push(new Branch(child, b.depth() + 1));
            }
        }
        return out;
    }

    /** Every invitation, oldest first, for moderators: who issued which, and its state. */
    public List<Invitation> all(Session session) {
        tree(session); // the same check
        return store.all();
    }
}
