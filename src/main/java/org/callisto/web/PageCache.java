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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
 * neither a query nor a compression; the whole cache is dropped when the planet changes.
 *
 * <p>Thread-safe.
 */
final class PageCache {

    private final Cache<String, CachedPage> pages;
    private final ChangeClock clock;

    PageCache(Supplier<Instant> lastChange, Duration checkInterval, long maxPages) {
        this(lastChange, checkInterval, maxPages, "pages", new CompositeMeterRegistry());
    }

    /**
     * A cache whose hits, misses and size are recorded in {@code registry} as {@code cache.gets} and friends,
     * tagged {@code cache=name} (Micrometer's Caffeine binder).
     */
    PageCache(
            Supplier<Instant> lastChange, Duration checkInterval, long maxPages, String name, MeterRegistry registry) {
        this.pages = Caffeine.newBuilder()
                .maximumSize(maxPages)
                .expireAfterAccess(Duration.ofHours(1))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, pages, name);
        this.clock = new ChangeClock(() -> lastChange.get().toEpochMilli(), checkInterval, pages::invalidateAll);
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
        if (notModified(ctx, etag, lastModified)) {
            ctx.status(304);
            return;
        }
        CachedPage page = pages.get(key + '\u0000' + version + '\u0000' + variant, k -> CachedPage.of(render.get()));
        ctx.contentType(page.contentType());
        byte[] bytes;
        if (acceptsGzip(ctx.header("Accept-Encoding"))) {
            ctx.header("Content-Encoding", "gzip");
            bytes = page.gzip();
        } else {
            bytes = page.body();
        }
        Responses.whole(ctx, bytes, key);
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
        Instant since = HttpDates.parse(ctx.header("If-Modified-Since"));
        return since != null && lastModified.getEpochSecond() <= since.getEpochSecond();
    }

    /** Whether an Accept-Encoding header admits gzip (a q of 0 refuses it). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("*")) {
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

    /** A rendered body, as UTF-8 bytes and gzipped. */
    record CachedPage(String contentType, byte[] body, byte[] gzip) {
        static CachedPage of(Rendered r) {
            byte[] body = r.bytes();
            return new CachedPage(r.contentType(), body, gzip(body));
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
}
