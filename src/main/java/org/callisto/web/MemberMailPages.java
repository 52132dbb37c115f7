package org.callisto.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.callisto.account.AccountRefusal;
import org.callisto.account.MailLinks;
import org.callisto.account.MailSettings;
import org.callisto.account.Membership;
import org.callisto.account.Session;
import org.callisto.account.User;
import org.callisto.web.view.AccountMailView;
import org.callisto.web.view.NoticePage;
import org.callisto.web.view.UnsubscribePage;

/**
 * A member's mail address and mail settings: {@code POST /account/email} (set or remove the address, which mails a
 * confirmation link), {@code POST /account/notifications} (notification mail on or off), {@code GET
 * /account/verify/{token}} (the mailed confirmation link) and {@code /unsubscribe/{token}} (the link of
 * notification mail: GET shows a button, POST turns notification mail off, which is also what mail programs send
 * for RFC 8058 one-click unsubscribing).
 *
 * <p>The account forms carry the session's CSRF token (form {@value #FORM}). The unsubscribe POST carries none:
 * mail programs send it without a page, and the signed token in its path is what authorises it; all it can do is
 * turn mail off. Thread-safe.
 */
final class MemberMailPages {
    /** The form id of every form on the account page. */
    static final String FORM = "account";

    private final Site site;
    private final WebSessions sessions;
    private final Membership membership;
    private final AccountPages accountPages;

    MemberMailPages(Site site, WebSessions sessions, Membership membership, AccountPages accountPages) {
        this.site = site;
        this.sessions = sessions;
        this.membership = membership;
        this.accountPages = accountPages;
    }

    /** The mail part of the account page. */
    static AccountMailView view(Membership membership, Session session, String csrf) {
        MailSettings s = membership.mail().settings(session.user().id());
        return new AccountMailView(
                membership.mailEnabled(), s.email().orElse(""), s.verified(), s.notifyByMail(), csrf);
    }

    /** The notice of {@code /account?done=...}, or null. */
    static String notice(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "email-sent" -> "Your address is saved. A link to confirm it was mailed to it; open it within a week.";
            case "email-saved" -> "Your address is saved. This site sends no mail, so it cannot be confirmed yet.";
            case "email-removed" -> "Your mail address is removed.";
            case "email-unchanged" -> "That is your confirmed address already; nothing changed.";
            case "notify-on" -> "Notification mail is on.";
            case "notify-off" -> "Notification mail is off.";
            case "revoked" -> "The invitation is revoked; its link no longer works.";
            default -> null;
        };
    }

    void changeEmail(Context ctx) {
        Session session = AccountPages.requireLogin(ctx, "/account");
        if (session == null) {
            return;
        }
        sessions.check(ctx, FORM);
        String email = ctx.formParam("email");
        try {
            boolean mailed = membership.mail().changeAddress(session, email);
            String done = email == null || email.isBlank()
                    ? "email-removed"
                    : mailed ? "email-sent" : membership.mailEnabled() ? "email-unchanged" : "email-saved";
            ctx.redirect("/account?done=" + done + "#mail", HttpStatus.SEE_OTHER);
        } catch (AccountRefusal refusal) {
            AccountPages.refused(ctx, refusal);
            accountPages.accountPage(ctx, session, null, capitalized(refusal.getMessage()), null);
        }
    }

    void changeNotifications(Context ctx) {
        Session session = AccountPages.requireLogin(ctx, "/account");
        if (session == null) {
            return;
        }
        sessions.check(ctx, FORM);
        boolean on = "on".equals(ctx.formParam("notify"));
        membership.mail().setNotifyByMail(session, on);
        ctx.redirect("/account?done=" + (on ? "notify-on" : "notify-off") + "#mail", HttpStatus.SEE_OTHER);
    }

    void verify(Context ctx) {
        if (ctx.method() == io.javalin.http.HandlerType.HEAD) {
            return; // a mail scanner's look at the link does not use it up
        }
        try {
            membership.mail().verify(ctx.pathParam("token"));
            notice(
                    ctx,
                    200,
                    "Address confirmed",
                    "Your mail address is confirmed. Thank you.",
                    "/account#mail",
                    "Your account page");
        } catch (AccountRefusal refusal) {
            notice(
                    ctx,
                    400,
                    "Address not confirmed",
                    capitalized(refusal.getMessage()),
                    "/account#mail",
                    "Your account page");
        }
    }

    void unsubscribeForm(Context ctx) {
        String token = ctx.pathParam("token");
        try {
            User user = membership.mail().unsubscribeTarget(token);
            boolean off = !membership.mail().settings(user.id()).notifyByMail();
            unsubscribePage(ctx, token, user, off);
        } catch (AccountRefusal refusal) {
            notice(
                    ctx,
                    400,
                    "Unsubscribe link not valid",
                    capitalized(refusal.getMessage()),
                    "/account#mail",
                    "Your account page");
        }
    }

    void unsubscribe(Context ctx) {
        String token = ctx.pathParam("token");
        try {
            User user = membership.mail().unsubscribe(token);
            unsubscribePage(ctx, token, user, true);
        } catch (AccountRefusal refusal) {
            notice(
                    ctx,
                    400,
                    "Unsubscribe link not valid",
                    capitalized(refusal.getMessage()),
                    "/account#mail",
                    "Your account page");
        }
    }

    private void unsubscribePage(Context ctx, String token, User user, boolean done) {
        Responses.personal(
                ctx,
                site.render(
                        "unsubscribe.jte",
                        new UnsubscribePage(
                                site.meta(ctx, "Notification mail"),
                                MailLinks.UNSUBSCRIBE + token,
                                user.username(),
                                done)));
    }

    private void notice(Context ctx, int status, String heading, String message, String href, String text) {
        ctx.status(status);
        Responses.personal(
                ctx, site.render("notice.jte", new NoticePage(site.meta(ctx, heading), heading, message, href, text)));
    }

    static String capitalized(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }
}
