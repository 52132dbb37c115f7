package org.callisto.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.callisto.account.AccountRefusal;
import org.callisto.account.Accounts;
import org.callisto.account.Session;
import org.callisto.web.view.PasswordPage;

/**
 * {@code /account/password}: a logged-in member changes their password with the current one and the new one
 * twice. On success every session of the account ends, this browser gets a new session id, and the page says so;
 * a refusal (a missing or mismatched field, a wrong current password, the password rules) shows the form again
 * with 400, a rate limit with 429 and {@code Retry-After}. Anonymous requests are sent to the login page.
 * Thread-safe.
 */
final class PasswordPages {
    static final String FORM = "password";

    private final Site site;
    private final WebSessions sessions;
    private final Accounts accounts;

    PasswordPages(Site site, WebSessions sessions) {
        this.site = site;
        this.sessions = sessions;
        this.accounts = sessions.accounts();
    }

    void form(Context ctx) {
        if (AccountPages.requireLogin(ctx, "/account/password") == null) {
            return;
        }
        String notice = ctx.queryParam("changed") == null
                ? null
                : "Your password was changed. Every other browser that was logged in to this account is logged out.";
        page(ctx, null, notice);
    }

    void change(Context ctx) {
        Session session = AccountPages.requireLogin(ctx, "/account/password");
        if (session == null) {
            return;
        }
        sessions.check(ctx, FORM);
        try {
            String current = ctx.formParam("current");
            String password = ctx.formParam("password");
            String again = ctx.formParam("password2");
            if (current == null || current.isEmpty()) {
                throw new AccountRefusal("enter your current password");
            }
            if (password == null || password.isEmpty()) {
                throw new AccountRefusal("enter the new password");
            }
            if (again == null || again.isEmpty()) {
                throw new AccountRefusal("type the new password a second time, in the field “New password again”");
            }
            if (!password.equals(again)) {
                throw new AccountRefusal("the two new passwords differ; type the same password twice");
            }
            Session renewed =
                    accounts.changePasswordAndRenewSession(session, current, password, ctx.header("User-Agent"));
            sessions.begin(ctx, renewed);
            ctx.redirect("/account/password?changed=1", HttpStatus.SEE_OTHER);
        } catch (AccountRefusal refusal) {
            AccountPages.refused(ctx, refusal);
            page(ctx, capitalized(refusal.getMessage()), null);
        }
    }

    private void page(Context ctx, String message, String notice) {
        String csrf = sessions.token(ctx, FORM);
        Responses.personal(
                ctx,
                site.render(
                        "password.jte",
                        new PasswordPage(site.meta(ctx, "Change your password"), csrf, message, notice)));
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }
}
