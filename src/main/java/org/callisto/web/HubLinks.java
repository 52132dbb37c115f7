package org.callisto.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.function.Function;

/**
 * Makes every output feed advertise the site's WebSub hub, as the Recommendation's discovery asks: an HTTP
 * {@code Link: <hub>; rel="hub", <feed>; rel="self"} header on every response (a 304 included), and a
 * {@code <link rel="hub">} element in the document itself, beside the {@code rel="self"} link the feed writers
 * already write (Atom's own {@code link}, {@code atom:link} in RSS). Does nothing while the hub is off.
 *
 * <p>The element is put in after rendering, as the feed's first child, so that every writer (planet, journal,
 * comments, tags, podcast feeds, search) gets it from one place; the documents are the site's own, so the element
 * to follow is known. Immutable and thread-safe.
 */
final class HubLinks {
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private final String hub;
    private final Site site;

    /** @param hub the hub's URL, or null when the hub is off */
    HubLinks(Site site, String hub) {
        this.site = site;
        this.hub = hub;
    }

    /** {@code handler} with the Link header added to its response. */
    Handler header(Handler handler) {
        if (hub == null) {
            return handler;
        }
        return ctx -> {
            ctx.header("Link", "<" + hub + ">; rel=\"hub\", <" + self(ctx) + ">; rel=\"self\"");
            handler.handle(ctx);
        };
    }

    /** {@code render} with the hub element added to the feed it renders. */
    Function<Context, Rendered> body(Function<Context, Rendered> render) {
        if (hub == null) {
            return render;
        }
        return ctx -> withHub(render.apply(ctx));
    }

    /** A rendered Atom or RSS feed with the hub element; anything else as it is. */
    Rendered withHub(Rendered r) {
        if (hub == null) {
            return r;
        }
        String type = r.contentType();
        String body = r.body();
        if (type.startsWith("application/atom+xml")) {
            return new Rendered(
                    type, insertAfterStartTag(body, "<feed", "<link rel=\"hub\" href=\"" + xml(hub) + "\"/>"));
        }
        if (type.startsWith("application/rss+xml")) {
            return new Rendered(
                    type,
                    insertAfterStartTag(
                            body,
                            "<channel",
                            "<atom:link xmlns:atom=\"" + ATOM_NS + "\" rel=\"hub\" href=\"" + xml(hub) + "\"/>"));
        }
        return r;
    }

    /** {@code bytes} of an Atom document with the hub element. */
    byte[] withHub(byte[] atom) {
        return withHub(new Rendered(Rendered.ATOM, atom)).bytes();
    }

    private static String insertAfterStartTag(String body, String tag, String element) {
        int at = body.indexOf(tag);
        while (at >= 0) {
            char next = at + tag.length() < body.length() ? body.charAt(at + tag.length()) : '>';
            if (next == '>' || next == ' ' || next == '\n' || next == '\t' || next == '\r') {
                break; // not <feedburner:...> or <channelx>
            }
            at = body.indexOf(tag, at + 1);
        }
        if (at < 0) {
            return body;
        }
        int end = body.indexOf('>', at);
        if (end < 0 || body.charAt(end - 1) == '/') {
            return body;
        }
        return body.substring(0, end + 1) + element + body.substring(end + 1);
    }

    /** The feed's own URL, the topic: the site's public URL of this path and query. */
    private String self(Context ctx) {
        String query = ctx.queryString();
        return site.absolute(ctx.path()) + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
