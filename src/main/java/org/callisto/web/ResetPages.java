package org.callisto.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.callisto.account.AccountRefusal;
import org.callisto.account.MailLinks;
import org.callisto.account.PasswordResets;
import org.callisto.account.User;
import org.callisto.web.view.NoticePage;
import org.callisto.web.view.ResetPage;
import org.callisto.web.view.ResetRequestPage;

/**
 * Password reset by mail: {@code /account/reset} asks for a link (the answer is the same whether or not an account
 * has the address), and {@code /account/reset/{token}}, the mailed link, sets a new password, after which every
 * session of the account has ended and the browser is sent to the login page. Both forms carry the signed
 * double-submit tokens of forms sent before login ({@code reset} and {@code reset-password}). A link that is
 * unknown, used or expired gets a page saying which, with 400. Thread-safe.
 */
final class ResetPages {
    static final String REQUEST_FORM = "reset";
    static final String RESET_FORM = "reset-password";

    private final Site site;
    private final WebSessions sessions;
    private final PasswordResets resets;

    ResetPages(Site site, WebSessions sessions, PasswordResets resets) {
        this.site = site;
        this.sessions = sessions;
        this.resets = resets;
    }

    void requestForm(Context ctx) {
        requestPage(ctx, null, null, "");
    }

    void request(Context ctx) {
        sessions.check(ctx, REQUEST_FORM);
        String email = ctx.formParam("email");
        try {
            resets.request(email, ctx.ip());
            requestPage(
                    ctx,
                    null,
                    "If an account has the address " + email.strip() + ", a link to choose a new password was mailed"
                            + " to it. It works once, for " + PasswordResets.LINK_LIFETIME.toMinutes() + " minutes."
                            + " Nothing came? Look in the spam folder, or check the address on your account page.",
                    "");
        } catch (AccountRefusal refusal) {
            AccountPages.refused(ctx, refusal);
            requestPage(ctx, MemberMailPages.capitalized(refusal.getMessage()), null, email == null ? "" : email);
        }
    }

    private void requestPage(Context ctx, String message, String notice, String email) {
        String csrf = sessions.token(ctx, REQUEST_FORM);
        Responses.personal(
                ctx,
                site.render(
                        "reset-request.jte",
                        new ResetRequestPage(
                                site.meta(ctx, "Reset your password"),
                                csrf,
                                resets.enabled(),
                                message,
                                notice,
                                email)));
    }

    void resetForm(Context ctx) {
        String token = ctx.pathParam("token");
        try {
            User user = resets.check(token);
            resetPage(ctx, token, user, null);
        } catch (AccountRefusal refusal) {
            unusable(ctx, refusal);
        }
    }

    void reset(Context ctx) {
        sessions.check(ctx, RESET_FORM);
        String token = ctx.pathParam("token");
        User user;
        try {
            user = resets.check(token);
        } catch (AccountRefusal refusal) {
            unusable(ctx, refusal);
            return;
        }
        try {
            resets.reset(token, ctx.formParam("password"), ctx.formParam("password2"));
            sessions.end(ctx); // this browser's session, if it had one, has ended with the others
            ctx.redirect(
                    "/login?reset="
                            + java.net.URLEncoder.encode(user.username(), java.nio.charset.StandardCharsets.UTF_8),
                    HttpStatus.SEE_OTHER);
        } catch (AccountRefusal refusal) {
            AccountPages.refused(ctx, refusal);
            resetPage(ctx, token, user, MemberMailPages.capitalized(refusal.getMessage()));
        }
    }

    private void resetPage(Context ctx, String token, User user, String message) {
        String csrf = sessions.token(ctx, RESET_FORM);
        Responses.personal(
                ctx,
                site.render(
                        "reset.jte",
                        new ResetPage(
                                site.meta(ctx, "Choose a new password"),
                                csrf,
                                MailLinks.RESET + token,
                                user.username(),
                                message)));
    }

    private void unusable(Context ctx, AccountRefusal refusal) {
        ctx.status(400);
        Responses.personal(
                ctx,
                site.render(
                        "notice.jte",
                        new NoticePage(
                                site.meta(ctx, "Reset link not usable"),
                                "Reset link not usable",
                                MemberMailPages.capitalized(refusal.getMessage()),
                                "/account/reset",
                                "Ask for a new link")));
    }
}
