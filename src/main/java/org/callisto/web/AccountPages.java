package org.callisto.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.callisto.account.AccountRefusal;
import org.callisto.account.Accounts;
import org.callisto.account.CsrfTokens;
import org.callisto.account.Membership;
import org.callisto.account.PasswordChecksBusy;
import org.callisto.account.Session;
import org.callisto.journal.Submissions;
import org.callisto.web.view.AccountPage;
import org.callisto.web.view.LoginPage;
import org.callisto.web.view.LogoutPage;
import org.callisto.web.view.RegisterPage;

/**
 * Login, logout, registration and the member's own page: {@code /login}, {@code /logout}, {@code /register},
 * {@code /account}. Registration ends logged in, as a login does (a new session cookie and a device cookie);
 * {@code /register?invitation=CODE}, the link of an invitation, fills the code in. Refusals ({@link AccountRefusal})
 * show on the form again, with 429 and {@code Retry-After} for rate limits. Thread-safe.
 */
final class AccountPages {
    private final Site site;
    private final WebSessions sessions;
    private final Accounts accounts;
    private final Submissions submissions;
    private final JournalPages journal;
    private final Membership membership;

    AccountPages(
            Site site, WebSessions sessions, Submissions submissions, JournalPages journal, Membership membership) {
        this.site = site;
        this.membership = membership;
        this.sessions = sessions;
        this.accounts = sessions.accounts();
        this.submissions = submissions;
        this.journal = journal;
    }

    void loginForm(Context ctx) {
        String registered = ctx.queryParam("registered");
        String reset = ctx.queryParam("reset");
        String name = registered != null ? registered : reset;
        String notice = registered != null
                ? "Your account was made. Log in with its name and password."
                : reset != null
                        ? "Your password is set, and every browser that was logged in to the account is logged out."
                                + " Log in with the new password."
                        : null;
        loginPage(ctx, null, notice, name == null || name.length() > 64 ? "" : name, localPath(ctx.queryParam("next")));
    }

    void login(Context ctx) {
        if (accounts.passwordChecks().full()) {
            // refused before the form is read: a flood costs neither the body's bytes nor a form parse
            PasswordChecksBusy busy = accounts.passwordChecks().refuse();
            refused(ctx, busy);
            loginPage(ctx, busy.getMessage(), null, "", localPath(ctx.queryParam("next")));
            return;
        }
        sessions.check(ctx, "login");
        String username = ctx.formParam("username");
        String next = localPath(ctx.formParam("next"));
        try {
            Session session = accounts.login(
                    username,
                    ctx.formParam("password"),
                    ctx.ip(),
                    WebSessions.cookieSessionId(ctx),
                    ctx.header("User-Agent"),
                    WebSessions.deviceCookie(ctx));
            sessions.begin(ctx, session);
            sessions.trustDevice(ctx, session);
            ctx.redirect(next, HttpStatus.SEE_OTHER);
        } catch (AccountRefusal refusal) {
            refused(ctx, refusal);
            loginPage(ctx, refusal.getMessage(), null, username == null ? "" : username, next);
        }
    }

    private void loginPage(Context ctx, String message, String notice, String username, String next) {
        String csrf = sessions.token(ctx, "login");
        Responses.personal(
                ctx,
                site.render(
                        "login.jte", new LoginPage(site.meta(ctx, "Log in"), csrf, message, notice, username, next)));
    }

    void logoutForm(Context ctx) {
        Session session = WebSessions.session(ctx);
        String csrf = session == null ? null : CsrfTokens.tokenFor(session, "logout");
        ctx.header("Cache-Control", "private, no-store");
        Responses.personal(ctx, site.render("logout.jte", new LogoutPage(site.meta(ctx, "Log out"), csrf)));
    }

    void logout(Context ctx) {
        Session session = WebSessions.session(ctx);
        if (session != null) {
            sessions.check(ctx, "logout");
            accounts.logout(session.id());
        }
        sessions.end(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    void registerForm(Context ctx) {
        String code = ctx.queryParam("invitation");
        String invitation = code == null || code.length() > 128 ? "" : code.strip();
        String email = invitation.isEmpty()
                ? ""
                : membership.invitations().emailFor(invitation).orElse("");
        registerPage(ctx, null, "", invitation, email);
    }

    void register(Context ctx) {
        sessions.check(ctx, "register");
        String username = ctx.formParam("username");
        String invitation = ctx.formParam("invitation");
        String email = ctx.formParam("email");
        try {
            String password = ctx.formParam("password");
            String again = ctx.formParam("password2");
            if (password != null && !password.isEmpty() && again != null && !password.equals(again)) {
                throw new AccountRefusal("the two passwords differ; type the same password twice");
            }
            Session session = membership
                    .joining()
                    .register(
                            username,
                            password,
                            invitation,
                            email,
                            ctx.ip(),
                            WebSessions.cookieSessionId(ctx),
                            ctx.header("User-Agent"));
            sessions.begin(ctx, session);
            sessions.trustDevice(ctx, session);
            ctx.redirect("/account?welcome=1", HttpStatus.SEE_OTHER);
        } catch (AccountRefusal refusal) {
            refused(ctx, refusal);
            registerPage(
                    ctx,
                    refusal.getMessage(),
                    username == null ? "" : username,
                    invitation == null ? "" : invitation,
                    email == null ? "" : email);
        }
    }

    private void registerPage(Context ctx, String message, String username, String invitation, String email) {
        String csrf = sessions.token(ctx, "register");
        String policy = accounts.registration().name().toLowerCase(java.util.Locale.ROOT);
        Responses.personal(
                ctx,
                site.render(
                        "register.jte",
                        new RegisterPage(
                                site.meta(ctx, "Register"),
                                csrf,
                                message,
                                username,
                                invitation,
                                policy,
                                email,
                                membership.mailEnabled())));
    }

    void account(Context ctx) {
        Session session = requireLogin(ctx, "/account");
        if (session == null) {
            return;
        }
        String notice = ctx.queryParam("welcome") != null
                ? "Welcome! Your account is made and you are logged in."
                : MemberMailPages.notice(ctx.queryParam("done"));
        accountPage(ctx, session, notice, null, null);
    }

    /** The member's page with a notice or a refusal, and the link of an invitation just issued (or null). */
    void accountPage(Context ctx, Session session, String notice, String message, String newLink) {
        List<org.callisto.web.view.StoryView> stories =
                journal.views(ctx, submissions.store().byAuthor(session.user().id()), false);
        String csrf = CsrfTokens.tokenFor(session, MemberMailPages.FORM);
        Responses.personal(
                ctx,
                site.render(
                        "account.jte",
                        new AccountPage(
                                site.meta(ctx, "Your account"),
                                session.user().username(),
                                session.user().role().key(),
                                Format.human(session.user().createdAt()),
                                stories,
                                notice,
                                message,
                                MemberMailPages.view(membership, session, csrf),
                                InvitationPages.view(
                                        membership,
                                        accounts,
                                        session,
                                        csrf,
                                        newLink,
                                        site.clock().instant()))));
    }

    /** The session, or null after redirecting to the login page (which comes back to {@code here}). */
    static Session requireLogin(Context ctx, String here) {
        Session session = WebSessions.session(ctx);
        if (session == null) {
            ctx.redirect("/login?next=" + here, HttpStatus.SEE_OTHER);
        }
        return session;
    }

    /**
     * Sets the status of a refused form: 503 with Retry-After when the password checks are all taken (the site is
     * busy), 429 with Retry-After for limits, 400 otherwise.
     */
    static void refused(Context ctx, AccountRefusal refusal) {
        if (refusal.retryAfter().isPresent()) {
            ctx.status(refusal instanceof PasswordChecksBusy ? 503 : 429);
            ctx.header(
                    "Retry-After",
                    Long.toString(Math.max(1, refusal.retryAfter().get().toSeconds())));
        } else {
            ctx.status(400);
        }
    }

    /** A local path to go to after login: only {@code /...} paths on this site, else the journal. */
    static String localPath(String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || next.length() > 200
                || !next.chars().allMatch(c -> c > 32 && c < 127)) {
            return "/journal";
        }
        return next;
    }
}
