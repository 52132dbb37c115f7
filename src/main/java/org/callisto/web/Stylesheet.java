package org.callisto.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;

/**
 * The site's one stylesheet, {@value #PATH}: read from the class path once, kept plain and gzipped, served with an
 * ETag and a day of freshness. Immutable and thread-safe.
 */
final class Stylesheet {
    static final String PATH = "/static/callisto.css";

    private final byte[] css;
    private final byte[] gzip;
    private final String etag;

    Stylesheet() {
        css = resource("/web" + PATH);
        gzip = PageCache.CachedPage.gzip(css);
        etag = PageCache.etag(PATH, Arrays.hashCode(css) & 0xffffffffL, "");
    }

    void serve(Context ctx) {
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.header("Vary", "Accept-Encoding");
        // No Last-Modified is sent, so only If-None-Match can match: Instant.MAX never passes If-Modified-Since.
        if (PageCache.notModified(ctx, etag, Instant.MAX)) {
            ctx.status(304);
            return;
        }
        ctx.contentType("text/css; charset=utf-8");
        byte[] bytes = css;
        if (PageCache.acceptsGzip(ctx.header("Accept-Encoding"))) {
            ctx.header("Content-Encoding", "gzip");
            bytes = gzip;
        }
        Responses.whole(ctx, bytes, PATH);
    }

    private static byte[] resource(String name) {
        try (InputStream in = Stylesheet.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("web: resource " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("web: cannot read resource " + name, e);
        }
    }
}
