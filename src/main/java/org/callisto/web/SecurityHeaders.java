package org.callisto.web;

import io.javalin.http.Context;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The security headers every response carries, whoever makes it: Callisto's pages (through {@link #apply(Context)}),
 * the answers Jetty makes by itself before any route runs, such as the 400 for a malformed request line or a path
 * that is not valid UTF-8 ({@link #errorHandler()}), and the connection guard's refusals ({@link #asHeaderLines()}).
 *
 * <p>The Content-Security-Policy forbids scripts, so pages work without JavaScript and aggregated HTML cannot run
 * any; it also forbids framing the site ({@code frame-ancestors}), a {@code <base>} element that would move relative
 * links elsewhere ({@code base-uri}), and forms that post to another site ({@code form-action}).
 *
 * <p>Stateless and thread-safe.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src * data:; media-src *;"
            + " frame-src https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com;"
            + " script-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    static final String NOSNIFF = "nosniff";
    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";
    static final String FRAME_OPTIONS = "DENY";

    private SecurityHeaders() {}

    /** Sets the headers on a response Callisto's routes make. */
    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", NOSNIFF);
        ctx.header("Referrer-Policy", REFERRER_POLICY);
        ctx.header("X-Frame-Options", FRAME_OPTIONS);
    }

    /** The policy of the embeddable player alone: the site's, except that any site may frame it. */
    static final String EMBED_POLICY = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors *");

    /**
     * Makes this response frameable by any site: {@link #EMBED_POLICY} and no {@code X-Frame-Options}. Only the
     * episodes' embeddable players ({@code /episodes/{number}/embed}) call it.
     */
    static void embeddable(Context ctx) {
        ctx.header("Content-Security-Policy", EMBED_POLICY);
        ctx.res().setHeader("X-Frame-Options", null);
    }

    /** Sets the headers on a response Jetty is about to make. */
    static void apply(HttpFields.Mutable headers) {
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", NOSNIFF);
        headers.put("Referrer-Policy", REFERRER_POLICY);
        headers.put("X-Frame-Options", FRAME_OPTIONS);
    }

    /** The headers as raw HTTP/1.1 header lines, each ending in CRLF, for answers written straight to a socket. */
    static String asHeaderLines() {
        return "Content-Security-Policy: " + CONTENT_SECURITY_POLICY + "\r\n"
                + "X-Content-Type-Options: " + NOSNIFF + "\r\n"
                + "Referrer-Policy: " + REFERRER_POLICY + "\r\n"
                + "X-Frame-Options: " + FRAME_OPTIONS + "\r\n";
    }

    /**
     * Jetty's error handler with the headers added: Jetty calls it for what it refuses before any handler runs (a
     * malformed request line, a bad URI, headers too large) and for what no handler answered.
     */
    static ErrorHandler errorHandler() {
        return new ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                apply(response.getHeaders());
                return super.handle(request, response, callback);
            }
        };
    }
}
