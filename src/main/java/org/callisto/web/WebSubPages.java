package org.callisto.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.callisto.websub.CallbackAnswer;
import org.callisto.websub.WebSub;

/**
 * WebSub's HTTP endpoints: the site's hub ({@code POST /websub/hub}, form-encoded subscription requests) and the
 * planet's callbacks ({@code GET /websub/callback/{id}} for a hub's verification of intent, {@code POST} for pushed
 * content). Plain-text answers, never cached; 404 while WebSub (or the hub) is off. Thread-safe.
 */
final class WebSubPages {
    private final WebSub websub;
    private final long maxBody;

    /** @param maxBody the largest pushed document read ({@code fetch.max_body}); larger ones get 413 */
    WebSubPages(WebSub websub, long maxBody) {
        this.websub = websub;
        this.maxBody = maxBody;
    }

    /** {@code POST /websub/hub}. */
    void hub(Context ctx) {
        var hub = websub.hub();
        if (hub.isEmpty()) {
            answer(ctx, new CallbackAnswer(404, "this site runs no WebSub hub (websub.enabled, websub.hub)"));
            return;
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String name : new String[] {"hub.mode", "hub.topic", "hub.callback", "hub.lease_seconds", "hub.secret"}) {
            String v = ctx.formParam(name);
            if (v != null) {
                form.put(name, v);
            }
        }
        answer(ctx, hub.get().request(form));
    }

    /** {@code GET /websub/callback/{id}}: a hub verifies intent or denies. */
    void verify(Context ctx) {
        var subscriber = websub.subscriber();
        if (subscriber.isEmpty()) {
            answer(ctx, new CallbackAnswer(404, "WebSub is off on this site"));
            return;
        }
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (!v.isEmpty()) {
                query.put(k, v.getFirst());
            }
        });
        answer(ctx, subscriber.get().verify(ctx.pathParam("id"), query));
    }

    /** {@code POST /websub/callback/{id}}: a hub pushes content. */
    void receive(Context ctx) throws IOException {
        var subscriber = websub.subscriber();
        if (subscriber.isEmpty()) {
            answer(ctx, new CallbackAnswer(404, "WebSub is off on this site"));
            return;
        }
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
        }
        if (body.length > maxBody) {
            answer(
                    ctx,
                    new CallbackAnswer(
                            413, "the pushed document is larger than " + maxBody + " bytes (fetch.max_body)"));
            return;
        }
        answer(
                ctx,
                subscriber.get().receive(ctx.pathParam("id"), body, ctx.contentType(), ctx.header("X-Hub-Signature")));
    }

    private static void answer(Context ctx, CallbackAnswer a) {
        ctx.status(a.status());
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; charset=utf-8");
        ctx.result(a.body());
    }
}
