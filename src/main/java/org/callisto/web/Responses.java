package org.callisto.web;

import io.javalin.http.Context;
import java.io.IOException;

/**
 * The one way to send a page that no cache may keep: a page made for one person (their name in its header, a form
 * with their CSRF token, an editor's or administrator's page). Pages that every reader shares go through a
 * {@link PageCache} instead; {@link Routes} chooses between the two. Stateless and thread-safe.
 */
final class Responses {
    private Responses() {}

    /**
     * Sends {@code page} with {@code Cache-Control: private, no-store}, written in one piece with its length, as the
     * page cache writes its pages (a result handed to Javalin goes out chunked, in 32 KB writes).
     */
    static void personal(Context ctx, Rendered page) {
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType(page.contentType());
        byte[] bytes = page.bytes();
        whole(ctx, bytes, ctx.path());
    }

    /**
     * Writes {@code bytes} as the whole body, in one write with its length: the body goes out in as few packets as
     * the kernel allows and is not chunked, as a static file server would send it, and a HEAD carries the length.
     *
     * @param what the page or file, for the message when the client has gone away
     */
    static void whole(Context ctx, byte[] bytes, String what) {
        ctx.res().setContentLength(bytes.length);
        try {
            ctx.res().getOutputStream().write(bytes);
        } catch (IOException e) {
            throw new ClientGone(what, e);
        }
    }
}
