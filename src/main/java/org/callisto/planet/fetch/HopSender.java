package org.callisto.planet.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.callisto.config.Config;
import org.callisto.planet.fetch.FetchFailures.Failure;
import org.callisto.planet.fetch.FetchResult.FetchError;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Sends the GET of one hop of a fetch and reads its answer: makes sure the fetch holds a per-host permit (kept
 * across hops on the same host, see {@link HeldHostPermit}), sends the conditional request with the fetch's validators, reads a 2xx body through {@link BodyReader} under the
 * {@code fetch.max_body} cap, drains or abandons any other body, and turns whatever fails into a
 * {@link Failure}. Redirects are not followed here; a 3xx comes back as an {@link Answer} like any other status.
 *
 * <p>Thread-safe: one instance, shared by all fetches of a {@link FeedFetcher}; {@link #send} blocks.
 */
final class HopSender {

    /** Feed formats first, generic XML next, anything else last. */
    static final String ACCEPT = "application/atom+xml, application/rss+xml, application/feed+json, "
            + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

    /** The encodings {@link BodyReader} decodes. */
    static final String ACCEPT_ENCODING = "gzip, deflate";

    /** The largest redirect or error body read (and thrown away) to keep the connection reusable. */
    private static final int DRAIN_LIMIT = 64 * 1024;

    /** What one request/response exchange gave: a status with headers (and a body for 2xx), or a failure. */
    record Answer(int status, HttpFields headers, byte[] body, Failure failure) {
        static Answer failed(int status, Failure failure) {
            return new Answer(status, HttpFields.EMPTY, null, failure);
        }
    }

    private final HttpClient client;
    private final Config.FetchConfig settings;

    HopSender(HttpClient client, Config.FetchConfig settings) {
        this.client = client;
        this.settings = settings;
    }

    /**
     * Sends one GET and reads its answer, holding a per-host permit throughout.
     *
     * @param held the fetch's permit: kept when it is for this URL's host, else exchanged for one (the fetch closes it)
     */
    Answer send(URI url, FetchRequest fetchRequest, FetchDeadlines deadlines, HeldHostPermit held) {
        boolean permitted;
        try {
            permitted = held.acquire(url.getHost(), deadlines.permitRemaining());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.failed(0, new Failure(FetchError.OTHER, "fetching " + url + " was interrupted"));
        }
        if (!permitted) {
            return Answer.failed(
                    0,
                    new Failure(
                            FetchError.TIMEOUT,
                            "fetching " + url + " never started: "
                                    + settings.perHostLimit() + " other fetches from " + url.getHost() + " took all of "
                                    + FetchFailures.words(deadlines.permitWait())
                                    + " (fetch.per_host, fetch.total_timeout)"));
        }
        deadlines.startTotal();
        long remainingMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlines.totalRemaining()));
        Request request = client.newRequest(url)
                .method(HttpMethod.GET)
                .followRedirects(false)
                .timeout(remainingMillis, TimeUnit.MILLISECONDS)
                .idleTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> {
                    h.put(HttpHeader.ACCEPT, ACCEPT);
                    h.put(HttpHeader.ACCEPT_ENCODING, ACCEPT_ENCODING);
                    if (isHeaderSafe(fetchRequest.etag())) {
                        h.put(HttpHeader.IF_NONE_MATCH, fetchRequest.etag());
                    }
                    if (isHeaderSafe(fetchRequest.lastModified())) {
                        h.put(HttpHeader.IF_MODIFIED_SINCE, fetchRequest.lastModified());
                    }
                });
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        Response response;
        try {
            // Jetty's total timeout fires first; the margin only guards against a lost callback.
            response = listener.get(deadlines.totalRemaining() + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            return Answer.failed(0, classify(e.getCause(), url, deadlines));
        } catch (TimeoutException e) {
            request.abort(e);
            return Answer.failed(0, FetchFailures.timeout(url, true, settings.readTimeout(), settings.totalTimeout()));
        } catch (InterruptedException e) {
            request.abort(e);
            Thread.currentThread().interrupt();
            return Answer.failed(0, new Failure(FetchError.OTHER, "fetching " + url + " was interrupted"));
        }
        int status = response.getStatus();
        HttpFields headers = response.getHeaders();
        try (InputStream in = listener.getInputStream()) {
            long declared = declaredLength(headers);
            if (status < 200 || status >= 300) {
                discard(in, request, declared);
                return new Answer(status, headers, null, null);
            }
            long cap = fetchRequest.maxBytes() > 0 ? fetchRequest.maxBytes() : settings.maxBodyBytes();
            if (declared > cap) {
                BodyTooLargeException tooLarge = new BodyTooLargeException(cap, false);
                request.abort(tooLarge);
                return Answer.failed(status, FetchFailures.tooLarge(url, cap, false));
            }
            String encoding = headers.get(HttpHeader.CONTENT_ENCODING);
            if (fetchRequest.saveTo() != null) {
                try (OutputStream file = Files.newOutputStream(fetchRequest.saveTo())) {
                    BodyReader.copy(in, encoding, cap, file);
                }
                return new Answer(status, headers, new byte[0], null);
            }
            byte[] body = BodyReader.read(in, encoding, cap);
            return new Answer(status, headers, body, null);
        } catch (IOException e) {
            request.abort(e);
            return Answer.failed(status, classify(e, url, deadlines));
        }
    }

    private Failure classify(Throwable failure, URI url, FetchDeadlines deadlines) {
        boolean totalTimedOut = deadlines.totalRemaining() <= TimeUnit.MILLISECONDS.toNanos(50);
        return FetchFailures.classify(failure, url, totalTimedOut, settings.readTimeout(), settings.totalTimeout());
    }

    /**
     * Reads and discards a small body of declared length, so the connection can be reused; aborts the exchange
     * for anything else (unknown or large length, read failure), as waiting for it would only cost time.
     */
    private static void discard(InputStream in, Request request, long declaredLength) {
        if (declaredLength < 0 || declaredLength > DRAIN_LIMIT) {
            request.abort(new IOException("body not needed"));
            return;
        }
        try {
            in.skipNBytes(declaredLength);
        } catch (IOException e) {
            request.abort(e);
        }
    }

    private static long declaredLength(HttpFields headers) {
        try {
            return headers.getLongField(HttpHeader.CONTENT_LENGTH);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isHeaderSafe(String value) {
        if (value == null || value.isBlank() || value.length() > 1024) {
            return false;
        }
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }
}
