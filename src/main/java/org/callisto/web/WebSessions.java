package org.callisto.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;
import org.callisto.account.Accounts;
import org.callisto.account.CsrfTokens;
import org.callisto.account.DeviceCookies;
import org.callisto.account.FormTokens;
import org.callisto.account.Role;
import org.callisto.account.Session;
import org.callisto.account.SessionCookie;
import org.callisto.web.view.Viewer;

/**
 * The web side of accounts: finds the session of each request from its {@code callisto_session} cookie, gives
 * forms their CSRF tokens and checks them on every POST.
 *
 * <p>Logged-in forms carry {@link CsrfTokens} of the session. Forms sent before login (log in, register,
 * feedback) have no session to derive a token from, so they use a signed double submit ({@link FormTokens}): a
 * random value in the {@code callisto_form} cookie ({@code HttpOnly}, {@code SameSite=Lax}), and in the form the
 * HMAC of that value and the form's id under the site's key. Another site that manages to plant the cookie still
 * cannot make the matching field.
 *
 * <p>After a login, the browser also gets a device cookie ({@link DeviceCookies}, {@code Path=/login}) by which the
 * next login to the same account is recognised. Thread-safe.
 */
final class WebSessions {
    static final String FORM_COOKIE = FormTokens.COOKIE;
    private static final String SESSION = "callisto.session";
    private static final String UNREAD = "callisto.unread";

    private final Accounts accounts;
    private final SessionCookie cookies;
    private final boolean secure;
    private final Clock clock;
    private final java.util.function.ToIntFunction<Long> unread;

    WebSessions(Accounts accounts, SessionCookie cookies, boolean secure, Clock clock) {
        this(accounts, cookies, secure, clock, userId -> 0);
    }

    /** @param unread how many unread notifications an account has, for the header (asked only for pages) */
    WebSessions(
            Accounts accounts,
            SessionCookie cookies,
            boolean secure,
            Clock clock,
            java.util.function.ToIntFunction<Long> unread) {
        this.unread = unread;
        this.accounts = accounts;
        this.cookies = cookies;
        this.secure = secure;
        this.clock = clock;
    }

    Accounts accounts() {
        return accounts;
    }

    /**
     * Before every request: looks up the session of the cookie, if any. Responses to logged-in requests are
     * personal and never stored by caches.
     */
    void load(Context ctx) {
        if (ctx.path().startsWith("/static/")) {
            return;
        }
        Optional<String> id = SessionCookie.read(cookies(ctx));
        if (id.isEmpty()) {
            return;
        }
        Optional<Session> session = accounts.session(id.get());
        if (session.isPresent()) {
            ctx.attribute(SESSION, session.get());
            long userId = session.get().user().id();
            // counted when a page's header asks, so POSTs, feeds and media do not pay for it
            ctx.attribute(UNREAD, (java.util.function.IntSupplier) () -> unread.applyAsInt(userId));
            ctx.header("Cache-Control", "private, no-store");
        }
    }

    /** The session of the request, or null when nobody is logged in. */
    static Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    /** The viewer for the site header, or null for anonymous requests. */
    static Viewer viewer(Context ctx) {
        Session s = session(ctx);
        return s == null
                ? null
                : new Viewer(
                        s.user().username(),
                        s.user().role().atLeast(Role.EDITOR),
                        CsrfTokens.tokenFor(s, "logout"),
                        s.user().role() == Role.ADMIN,
                        unread(ctx));
    }

    private static int unread(Context ctx) {
        java.util.function.IntSupplier count = ctx.attribute(UNREAD);
        return count == null ? 0 : count.getAsInt();
    }

    /** Starts a session in the browser after login. */
    void begin(Context ctx, Session session) {
        String cookie = cookies.set(session, clock.instant());
        ctx.header("Set-Cookie", secure || !ctx.req().isSecure() ? cookie : cookie + "; Secure");
    }

    /**
     * Whether cookies must be {@code Secure}: the site's URL is https, or this request came over HTTPS (as a trusted
     * proxy says, see {@link ForwardedHeaders}).
     */
    private boolean secure(Context ctx) {
        return secure || ctx.req().isSecure();
    }

    /**
     * Marks the browser as one that logged in to the session's account, so that failures from elsewhere do not
     * block its next login.
     */
    void trustDevice(Context ctx, Session session) {
        String value = accounts.devices().newValue(session.user().id());
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        DeviceCookies.NAME + "=" + value + "; Path=/login; Max-Age="
                                + DeviceCookies.LIFETIME.toSeconds() + "; HttpOnly; SameSite=Strict"
                                + (secure(ctx) ? "; Secure" : ""));
    }

    /** The value of the request's device cookie, or null. */
    static String deviceCookie(Context ctx) {
        return DeviceCookies.read(cookies(ctx)).orElse(null);
    }

    /** Ends the browser's session cookie at logout. */
    void end(Context ctx) {
        ctx.header("Set-Cookie", cookies.clear());
    }

    /** The id in the request's session cookie, or null. */
    static String cookieSessionId(Context ctx) {
        return SessionCookie.read(cookies(ctx)).orElse(null);
    }

    /**
     * The token for the hidden {@code csrf} field of form {@code formId}: the session's when logged in, otherwise
     * the signed token of the double-submit cookie's value (the cookie is set here when the browser has none).
     * Pages carrying it are not stored.
     */
    String token(Context ctx, String formId) {
        Session session = session(ctx);
        ctx.header("Cache-Control", "private, no-store");
        if (session != null) {
            return CsrfTokens.tokenFor(session, formId);
        }
        FormTokens tokens = accounts.formTokens();
        String existing = formCookie(ctx);
        if (existing != null) {
            return tokens.tokenFor(existing, formId);
        }
        String value = tokens.newCookieValue();
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        FORM_COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Lax"
                                + (secure(ctx) ? "; Secure" : ""));
        return tokens.tokenFor(value, formId);
    }

    /**
     * Refuses a POST whose {@code csrf} field is missing or does not match.
     *
     * @throws PageException 403, saying what happened and what to do
     */
    void check(Context ctx, String formId) {
        String sent = ctx.formParam(CsrfTokens.FIELD);
        if (sent == null || sent.isBlank()) {
            throw PageException.forbidden("The form arrived without its security token, so nothing was done."
                    + " Reload the page and send the form again.");
        }
        Session session = session(ctx);
        boolean ok;
        if (session != null) {
            ok = CsrfTokens.matches(session, formId, sent);
        } else {
            String cookie = formCookie(ctx);
            ok = cookie != null && accounts.formTokens().matches(cookie, formId, sent);
        }
        if (!ok) {
            throw PageException.forbidden("The form's security token is not valid (the page may be from before you"
                    + " logged in or out, or from another site), so nothing was done. Reload the page and send the"
                    + " form again.");
        }
    }

    /** Every cookie of the request in one string: HTTP/2 clients may send each in a header of its own. */
    private static String cookies(Context ctx) {
        java.util.Enumeration<String> values = ctx.req().getHeaders("Cookie");
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        return String.join("; ", java.util.Collections.list(values));
    }

    private static String formCookie(Context ctx) {
        String header = cookies(ctx);
        if (header == null) {
            return null;
        }
        for (String pair : header.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equals(FORM_COOKIE)) {
                String v = pair.substring(eq + 1).strip();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                Optional<String> plausible = FormTokens.plausibleCookie(v);
                if (plausible.isPresent()) {
                    return plausible.get();
                }
            }
        }
        return null;
    }
}
