package org.callisto.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * The responses {@link CachedPageHandler} sends without routing: for each request target (raw path and query) that
 * the routed path last answered from a {@link PageCache} for an anonymous reader, the page's bytes in each encoding
 * as shared read-only direct buffers, its headers encoded once, its validators and the route it came from.
 *
 * <p>An entry is published by the routed path ({@link PageCache#serve}) after it answered 200, with the headers it
 * sent, so a ready response carries the same bytes and headers as a routed one. An entry is good only while its page
 * cache is at the version it was made at: a change of the cache's change clock makes it stale (and drops it), and
 * the next routed request publishes it again. Invalidation is therefore exactly the page caches' own.
 *
 * <p>At most {@link #MAX_ENTRIES} targets are kept (least recently used go first), and targets longer than
 * {@link #MAX_TARGET} characters are never kept, so whatever query strings clients invent the table stays bounded;
 * entries share the cached page's buffers, which are made once per rendering.
 *
 * <p>Thread-safe.
 */
final class ReadyPages {
    static final int MAX_ENTRIES = 10_000;
    static final int MAX_TARGET = 512;

    /** Headers never copied from a routed response: they differ per response or per encoding, or Jetty sets them. */
    private static final Set<String> NOT_COPIED =
            Set.of("content-length", "content-encoding", "date", "server", "strict-transport-security", "connection");

    private final Cache<String, Ready> ready = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfterAccess(Duration.ofHours(1))
            .build();
    private final MeterRegistry registry;

    ReadyPages(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The ready response for a raw target ({@code /path?query}), if one is published and still current. */
    Ready find(String target) {
        Ready r = ready.getIfPresent(target);
        if (r == null) {
            return null;
        }
        if (r.cache().version() != r.version()) {
            ready.asMap().remove(target, r);
            return null;
        }
        return r;
    }

    /** Whether {@code target} is published for {@code page} at {@code version} already. */
    boolean has(String target, PageCache.CachedPage page, long version) {
        Ready r = ready.getIfPresent(target);
        return r != null && r.page() == page && r.version() == version;
    }

    /**
     * Publishes what the routed path just sent for {@code target}.
     *
     * @param headers the response's headers as sent (name, value), in order; those of {@link #NOT_COPIED} are left
     *     out
     */
    void publish(
            String target,
            PageCache cache,
            String cacheKey,
            long version,
            PageCache.CachedPage page,
            String etag,
            long lastModifiedMillis,
            String route,
            List<String[]> headers) {
        if (target.length() > MAX_TARGET) {
            return;
        }
        List<HttpField> common = new ArrayList<>();
        List<HttpField> notModified = new ArrayList<>();
        for (String[] h : headers) {
            String name = h[0].toLowerCase(Locale.ROOT);
            if (name.equals("set-cookie")) {
                return; // something personal: never shared
            }
            if (NOT_COPIED.contains(name)) {
                continue;
            }
            HttpField field = field(h[0], h[1]);
            common.add(field);
            if (!name.equals("content-type")) {
                notModified.add(field);
            }
        }
        PageCache.Buffers buffers = page.buffers();
        Ready r = new Ready(
                cache,
                cacheKey,
                version,
                page,
                etag,
                lastModifiedMillis,
                common.toArray(HttpField[]::new),
                notModified.toArray(HttpField[]::new),
                variant(buffers.identity(), null),
                variant(buffers.gzip(), "gzip"),
                buffers.brotli() == null ? null : variant(buffers.brotli(), "br"),
                timers(route));
        ready.put(target, r);
    }

    /** Drops every entry of {@code cache} (its version moved). */
    void forget(PageCache cache) {
        ready.asMap().values().removeIf(r -> r.cache() == cache);
    }

    /** Entries held now (for tests). */
    long size() {
        ready.cleanUp();
        return ready.estimatedSize();
    }

    private static HttpField field(String name, String value) {
        HttpHeader known = HttpHeader.CACHE.get(name);
        return known != null ? new PreEncodedHttpField(known, name, value) : new PreEncodedHttpField(name, value);
    }

    private static Variant variant(ByteBuffer body, String encoding) {
        return new Variant(
                body,
                new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, Integer.toString(body.remaining())),
                encoding == null ? null : new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, encoding));
    }

    private Timer[] timers(String route) {
        return new Timer[] {
            HttpMetrics.timer(registry, "GET", route, 200),
            HttpMetrics.timer(registry, "HEAD", route, 200),
            HttpMetrics.timer(registry, "GET", route, 304),
            HttpMetrics.timer(registry, "HEAD", route, 304)
        };
    }

    /** One encoding of a page: the bytes (shared, read-only; duplicate before writing), its length and encoding. */
    record Variant(ByteBuffer body, HttpField contentLength, HttpField contentEncoding) {}

    /**
     * A page ready to send.
     *
     * @param cacheKey    the page's key in its cache
     * @param headers     for a 200, in the routed response's order
     * @param notModified for a 304 (the same without Content-Type)
     * @param brotli      null when Brotli is not available
     * @param timers      {@code http.server.requests} for GET 200, HEAD 200, GET 304, HEAD 304
     */
    record Ready(
            PageCache cache,
            String cacheKey,
            long version,
            PageCache.CachedPage page,
            String etag,
            long lastModifiedMillis,
            HttpField[] headers,
            HttpField[] notModified,
            Variant identity,
            Variant gzip,
            Variant brotli,
            Timer[] timers) {}
}
