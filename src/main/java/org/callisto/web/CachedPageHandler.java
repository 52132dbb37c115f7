package org.callisto.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.callisto.account.SessionCookie;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers anonymous GETs and HEADs of cached pages and feeds ahead of the framework's routing, as a static file
 * server would: it looks the request's raw target (path and query) up in {@link ReadyPages}, and when the routed
 * path has published it at the page cache's current version, sends the ready response: the headers the routed path
 * sent (security headers, ETag, Last-Modified, Cache-Control, Vary, Content-Type), encoded once, and the body in the
 * encoding the request accepts (Brotli, gzip or none) as a shared read-only direct buffer, which the socket writes
 * without copying and without a thread waiting for it. A matching If-None-Match or If-Modified-Since gets the 304
 * the routed path would give.
 *
 * <p>Anything else goes on to the routes unchanged: another method, a target not published or stale, and every
 * request with a session cookie (a member's pages are personal, and a session cookie that turns out to be invalid
 * is still the routes' to judge). Jetty's request log sees these answers as any other, and they are timed into
 * {@code http.server.requests} with the route template that published them.
 *
 * <p>Thread-safe.
 */
final class CachedPageHandler extends Handler.Wrapper {
    private static final String SESSION_COOKIE = SessionCookie.NAME + "=";
    /** Accept-Encoding values seen, with the choice each leads to, so that common ones are parsed once. */
    private static final int MAX_REMEMBERED_ENCODINGS = 256;

    private final ReadyPages ready;
    private final LongAdder answered = new LongAdder();
    private final ConcurrentHashMap<String, PageCache.Encoding> withBrotli = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, PageCache.Encoding> withoutBrotli = new ConcurrentHashMap<>();

    CachedPageHandler(ReadyPages ready) {
        this.ready = ready;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        if (!head && !HttpMethod.GET.is(method)) {
            return super.handle(request, response, callback);
        }
        HttpFields headers = request.getHeaders();
        if (hasSessionCookie(headers)) {
            return super.handle(request, response, callback);
        }
        ReadyPages.Ready r = ready.find(request.getHttpURI().getPathQuery());
        if (r == null) {
            return super.handle(request, response, callback);
        }
        long started = System.nanoTime();
        HttpFields.Mutable out = response.getHeaders();
        if (PageCache.notModified(
                headers.get(HttpHeader.IF_NONE_MATCH),
                headers.get(HttpHeader.IF_MODIFIED_SINCE),
                r.etag(),
                r.lastModifiedMillis())) {
            response.setStatus(304);
            for (HttpField f : r.notModified()) {
                out.add(f);
            }
            record(r, head ? 3 : 2, started);
            callback.succeeded();
            return true;
        }
        ReadyPages.Variant v = switch (encoding(headers.get(HttpHeader.ACCEPT_ENCODING), r.brotli() != null)) {
            case BROTLI -> r.brotli();
            case GZIP -> r.gzip();
            case IDENTITY -> r.identity();
        };
        response.setStatus(200);
        for (HttpField f : r.headers()) {
            out.add(f);
        }
        if (v.contentEncoding() != null) {
            out.add(v.contentEncoding());
        }
        out.put(v.contentLength());
        record(r, head ? 1 : 0, started);
        if (head) {
            callback.succeeded();
        } else {
            response.write(true, v.body().duplicate(), callback);
        }
        return true;
    }

    /** Requests answered here since start (the rest went to the routes). */
    long answered() {
        return answered.sum();
    }

    private void record(ReadyPages.Ready r, int timer, long started) {
        answered.increment();
        r.cache().touch(r.cacheKey());
        r.timers()[timer].record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private PageCache.Encoding encoding(String acceptEncoding, boolean brotli) {
        if (acceptEncoding == null) {
            return PageCache.Encoding.IDENTITY;
        }
        ConcurrentHashMap<String, PageCache.Encoding> seen = brotli ? withBrotli : withoutBrotli;
        PageCache.Encoding e = seen.get(acceptEncoding);
        if (e == null) {
            e = PageCache.encoding(acceptEncoding, brotli);
            if (seen.size() < MAX_REMEMBERED_ENCODINGS && acceptEncoding.length() < 200) {
                seen.put(acceptEncoding, e);
            }
        }
        return e;
    }

    private static boolean hasSessionCookie(HttpFields headers) {
        for (HttpField f : headers) {
            if (f.getHeader() == HttpHeader.COOKIE && hasSessionCookie(f.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a Cookie header value carries the session cookie (valid or not). */
    static boolean hasSessionCookie(String cookieHeader) {
        return cookieHeader != null && cookieHeader.contains(SESSION_COOKIE);
    }
}
