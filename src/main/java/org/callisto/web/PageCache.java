package org.callisto.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;

/**
 * Serves rendered pages and feeds from memory with HTTP validators.
 *
 * <p>Each response carries an ETag made of the planet's last change and a hash of the page key (path and page
 * number), and a Last-Modified of that change; a request whose If-None-Match or If-Modified-Since matches gets a
 * 304 without a body. Rendered bodies are kept with a gzip copy, keyed by page and version, so a cached page costs
 * neither a query nor a compression; the whole cache is dropped when the planet changes. Bodies are also kept
 * compressed with Brotli when the platform has it ({@link Brotli}), and offered to clients that accept {@code br}.
 *
 * <p>A page served to an anonymous reader at the current version is also published to {@link ReadyPages} under the
 * request's raw target, from where {@link CachedPageHandler} answers the next requests for it without routing.
 *
 * <p>Thread-safe.
 */
final class PageCache {

    private final Cache<String, CachedPage> pages;
    private final ChangeClock clock;
    private final ReadyPages ready;

    PageCache(Supplier<Instant> lastChange, Duration checkInterval, long maxPages) {
        this(lastChange, checkInterval, maxPages, "pages", new CompositeMeterRegistry());
    }

    PageCache(
            Supplier<Instant> lastChange, Duration checkInterval, long maxPages, String name, MeterRegistry registry) {
        this(lastChange, checkInterval, maxPages, name, registry, null);
    }

    /**
     * A cache whose hits, misses and size are recorded in {@code registry} as {@code cache.gets} and friends,
     * tagged {@code cache=name} (Micrometer's Caffeine binder).
     */
    PageCache(
            Supplier<Instant> lastChange,
            Duration checkInterval,
            long maxPages,
            String name,
            MeterRegistry registry,
            ReadyPages ready) {
        this.ready = ready;
        this.pages = Caffeine.newBuilder()
                .maximumSize(maxPages)
                .expireAfterAccess(Duration.ofHours(1))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, pages, name);
        this.clock = new ChangeClock(() -> lastChange.get().toEpochMilli(), checkInterval, () -> {
            pages.invalidateAll();
            if (ready != null) {
                ready.forget(this);
            }
        });
    }

    /** The planet's last change as the cache currently knows it, in epoch millis. */
    long version() {
        return clock.version();
    }

    /** Serves the page {@code key} at the planet's current version, rendering it on a miss. */
    void serve(Context ctx, String key, Supplier<Rendered> render) {
        serve(ctx, key, version(), "", render);
    }

    /**
     * Serves the page {@code key} as of {@code version} (epoch millis, the Last-Modified); {@code variant} is mixed
     * into ETag and cache key for pages that also change with time.
     */
    void serve(Context ctx, String key, long version, String variant, Supplier<Rendered> render) {
        String etag = etag(key, version, variant);
        Instant lastModified = Instant.ofEpochMilli(version);
        String lastModifiedText = HttpDates.format(lastModified);
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", lastModifiedText);
        ctx.header("Cache-Control", "public, max-age=0, must-revalidate");
        ctx.header("Vary", "Accept-Encoding");
        if (notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), etag, version)) {
            ctx.status(304);
            ctx.res().setContentType(null); // not the framework's default text/plain: a 304 has no body to type
            return;
        }
        String cacheKey = key + '\u0000' + version + '\u0000' + variant;
        CachedPage page = pages.get(cacheKey, k -> CachedPage.of(render.get()));
        ctx.contentType(page.contentType());
        if (ready != null && variant.isEmpty() && version == version()) {
            publish(ctx, cacheKey, page, etag, version);
        }
        byte[] bytes;
        switch (encoding(ctx.header("Accept-Encoding"), page.brotli() != null)) {
            case BROTLI -> {
                ctx.header("Content-Encoding", "br");
                bytes = page.brotli();
            }
            case GZIP -> {
                ctx.header("Content-Encoding", "gzip");
                bytes = page.gzip();
            }
            default -> bytes = page.body();
        }
        Responses.whole(ctx, bytes, key);
    }

    /**
     * Hands what this response is about to carry to the ready pages, unless the request is personal (a session
     * cookie, even one that is no longer valid: {@link CachedPageHandler} never answers those) or already
     * published.
     */
    private void publish(Context ctx, String cacheKey, CachedPage page, String etag, long version) {
        String target = ctx.req().getRequestURI();
        String query = ctx.req().getQueryString();
        if (query != null) {
            target = target + '?' + query;
        }
        if (WebSessions.session(ctx) != null
                || CachedPageHandler.hasSessionCookie(ctx.header("Cookie"))
                || ready.has(target, page, version)) {
            return;
        }
        List<String[]> headers = new ArrayList<>();
        for (String name : ctx.res().getHeaderNames()) {
            for (String value : ctx.res().getHeaders(name)) {
                headers.add(new String[] {name, value});
            }
        }
        ready.publish(target, this, cacheKey, version, page, etag, version, HttpMetrics.route(ctx), headers);
    }

    /**
     * Counts a hit of the page kept under {@code cacheKey} (and keeps it from expiring), for an answer sent from
     * {@link ReadyPages}: the cache's hit count stays the count of pages served from memory.
     */
    void touch(String cacheKey) {
        pages.getIfPresent(cacheKey);
    }

    static String etag(String key, long version, String variant) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        crc.update(variant.getBytes(StandardCharsets.UTF_8));
        return "W/\"" + Long.toString(version, 36) + "-" + Long.toString(crc.getValue(), 36) + "\"";
    }

    static boolean notModified(Context ctx, String etag, Instant lastModified) {
        String inm = ctx.header("If-None-Match");
        if (inm != null) {
            return notModified(inm, null, etag, 0);
        }
        Instant since = HttpDates.parse(ctx.header("If-Modified-Since"));
        return since != null && lastModified.getEpochSecond() <= since.getEpochSecond();
    }

    /**
     * Whether a request with these If-None-Match and If-Modified-Since headers (either may be null) already has
     * the page of {@code etag} changed at {@code lastModifiedMillis}.
     */
    static boolean notModified(String inm, String ifModifiedSince, String etag, long lastModifiedMillis) {
        if (inm != null) {
            String opaque = etag.substring(2); // weak comparison: W/"x" matches "x"
            for (String candidate : inm.split(",")) {
                String c = candidate.strip();
                if (c.startsWith("W/")) {
                    c = c.substring(2);
                }
                if (c.equals("*") || c.equals(opaque)) {
                    return true;
                }
            }
            return false; // If-None-Match takes precedence over If-Modified-Since (RFC 9110, 13.1.3)
        }
        if (ifModifiedSince == null) {
            return false;
        }
        Instant since = HttpDates.parse(ifModifiedSince);
        return since != null && Math.floorDiv(lastModifiedMillis, 1000) <= since.getEpochSecond();
    }

    /** The encodings a cached page is kept in. */
    enum Encoding {
        IDENTITY,
        GZIP,
        BROTLI
    }

    /** The encoding to send for an Accept-Encoding header: Brotli when offered and accepted, else gzip, else none. */
    static Encoding encoding(String acceptEncoding, boolean brotliKept) {
        if (acceptEncoding == null) {
            return Encoding.IDENTITY;
        }
        if (brotliKept && accepts(acceptEncoding, "br")) {
            return Encoding.BROTLI;
        }
        return acceptsGzip(acceptEncoding) ? Encoding.GZIP : Encoding.IDENTITY;
    }

    /** Whether an Accept-Encoding header admits gzip (a q of 0 refuses it). */
    static boolean acceptsGzip(String acceptEncoding) {
        return accepts(acceptEncoding, "gzip");
    }

    /** Whether an Accept-Encoding header admits {@code coding} ({@code gzip} also as {@code x-gzip}, or {@code *}). */
    private static boolean accepts(String acceptEncoding, String wanted) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
            if (!coding.equals(wanted) && !coding.equals("*") && !(wanted.equals("gzip") && coding.equals("x-gzip"))) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].strip().toLowerCase(Locale.ROOT);
                if (p.startsWith("q=")) {
                    refused = p.substring(2).strip().matches("0(\\.0*)?");
                }
            }
            if (!refused) {
                return true;
            }
        }
        return false;
    }

    /**
     * A rendered body, as UTF-8 bytes, gzipped and (when the platform has it) Brotli-compressed; the same bytes as
     * read-only direct buffers for {@link CachedPageHandler}, made once, when first asked.
     */
    static final class CachedPage {
        private final String contentType;
        private final byte[] body;
        private final byte[] gzip;
        private final byte[] brotli;
        private volatile Buffers buffers;

        CachedPage(String contentType, byte[] body, byte[] gzip, byte[] brotli) {
            this.contentType = contentType;
            this.body = body;
            this.gzip = gzip;
            this.brotli = brotli;
        }

        static CachedPage of(Rendered r) {
            byte[] body = r.bytes();
            return new CachedPage(r.contentType(), body, gzip(body), Brotli.compress(body));
        }

        String contentType() {
            return contentType;
        }

        byte[] body() {
            return body;
        }

        byte[] gzip() {
            return gzip;
        }

        /** The Brotli bytes, or null when Brotli is not available here. */
        byte[] brotli() {
            return brotli;
        }

        /** The bodies as shared read-only direct buffers, written by the socket without a copy into native memory. */
        Buffers buffers() {
            Buffers b = buffers;
            if (b == null) {
                synchronized (this) {
                    b = buffers;
                    if (b == null) {
                        b = new Buffers(direct(body), direct(gzip), brotli == null ? null : direct(brotli));
                        buffers = b;
                    }
                }
            }
            return b;
        }

        private static ByteBuffer direct(byte[] bytes) {
            ByteBuffer b = ByteBuffer.allocateDirect(bytes.length);
            b.put(bytes).flip();
            return b.asReadOnlyBuffer();
        }

        static byte[] gzip(byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
            try (GZIPOutputStream z = new GZIPOutputStream(out, 8192)) {
                z.write(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }

    /** A page's bodies as read-only direct buffers; {@code brotli} null when Brotli is not available. */
    record Buffers(ByteBuffer identity, ByteBuffer gzip, ByteBuffer brotli) {}
}
