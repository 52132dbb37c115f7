package org.callisto.planet.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.callisto.config.Config;
import org.callisto.planet.fetch.FetchFailures.Failure;
import org.callisto.planet.fetch.FetchResult.FetchError;
import org.callisto.planet.fetch.FetchResult.Outcome;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.transport.HttpClientConnectionFactory;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.ClientConnectionFactoryOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * Fetches feeds politely: conditional GET, compressed bodies, bounded redirects, a body cap enforced while
 * streaming, per-host concurrency limits and an SSRF guard applied after DNS resolution on every hop.
 *
 * <p>Built on one Jetty {@link HttpClient} speaking HTTP/1.1 and, over TLS with ALPN, HTTP/2. Jetty's own
 * redirect following and content decoding are switched off: redirects are followed here, hop by hop, so each
 * one is counted, checked for loops and judged permanent or not; bodies are decoded by {@link BodyReader} so the
 * cap applies to the decoded bytes too. The SSRF guard is the client's {@link GuardedAddressResolver}, so every
 * connection, whichever hop opens it, goes only to addresses the {@link AddressPolicy} allows.
 *
 * <p>Thread-safe: one instance serves all fetches of a process; {@link #fetch} blocks and is meant for virtual
 * threads. At most {@code fetch.concurrency} fetches run at once and at most {@code fetch.per_host} requests go
 * to one host at once; the others wait, within their total timeout.
 */
public final class FeedFetcher implements AutoCloseable {

    /** Feed formats first, generic XML next, anything else last. */
    static final String ACCEPT = "application/atom+xml, application/rss+xml, application/feed+json, "
            + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

    /** The encodings {@link BodyReader} decodes. */
    static final String ACCEPT_ENCODING = "gzip, deflate";

    /** The largest redirect or error body read (and thrown away) to keep the connection reusable. */
    private static final int DRAIN_LIMIT = 64 * 1024;

    private final Config.FetchConfig settings;
    private final HttpClient client;
    private final Semaphore inFlight;
    private final HostLimits hostLimits;
    private final Clock clock;

    /**
     * Starts the HTTP client.
     *
     * @param clock the time that Retry-After and Expires dates are measured from
     * @throws IllegalStateException when the client cannot start (e.g. no threads left)
     */
    public FeedFetcher(Config config, Clock clock) {
        this(config, new SslContextFactory.Client(), clock);
    }

    /**
     * Starts the HTTP client with the given TLS settings; for tests that trust a self-signed certificate.
     * The factory must keep certificate and host name verification on for anything but tests.
     */
    FeedFetcher(Config config, SslContextFactory.Client tls, Clock clock) {
        this.settings = config.fetch();
        this.clock = clock;
        this.inFlight = new Semaphore(settings.concurrency(), true);
        this.hostLimits = new HostLimits(settings.perHostLimit());
        this.client = newClient(config, tls);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the feed fetcher's HTTP client: " + e.getMessage(), e);
        }
        // Bodies are decoded by BodyReader, which caps the decoded size; Jetty must hand them over untouched.
        client.getContentDecoderFactories().clear();
    }

    private HttpClient newClient(Config config, SslContextFactory.Client tls) {
        QueuedThreadPool pool = new QueuedThreadPool();
        pool.setName("callisto-fetch");
        pool.setDaemon(true);
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("callisto-fetch-timer", true);

        ClientConnector connector = new ClientConnector();
        connector.setSelectors(1);
        connector.setExecutor(pool);
        connector.setScheduler(scheduler);
        connector.setConnectTimeout(settings.connectTimeout());
        connector.setSslContextFactory(tls); // the default verifies certificates and host names

        HTTP2Client http2 = new HTTP2Client(connector);
        // HTTP/1.1 first: Jetty speaks the first protocol on clear-text connections (most feeds are plain http and
        // few servers take h2c with prior knowledge); over TLS both are offered through ALPN and the server picks.
        HttpClientTransportDynamic transport = new HttpClientTransportDynamic(
                connector, HttpClientConnectionFactory.HTTP11, new ClientConnectionFactoryOverHTTP2.HTTP2(http2));

        HttpClient c = new HttpClient(transport);
        c.setExecutor(pool);
        c.setScheduler(scheduler);
        c.setFollowRedirects(false);
        c.setConnectTimeout(settings.connectTimeout().toMillis());
        c.setIdleTimeout(Math.max(settings.readTimeout().toMillis(), 30_000)); // pooled connections
        c.setMaxConnectionsPerDestination(settings.perHostLimit());
        c.setMaxRequestsQueuedPerDestination(Math.max(1024, settings.concurrency() * 2));
        c.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, config.userAgent()));
        AddressPolicy policy = new AddressPolicy(settings.allowLoopback(), settings.allowPrivate());
        c.setSocketAddressResolver(new GuardedAddressResolver(
                new SocketAddressResolver.Async(
                        pool, scheduler, settings.connectTimeout().toMillis()),
                policy));
        return c;
    }

    /** Fetches one URL; never throws for network or HTTP failures, which are reported in the result. */
    public FetchResult fetch(FetchRequest request) {
        long start = System.nanoTime();
        long queueDeadline = start + queueWait().toNanos();
        URI url = request == null ? null : request.url();
        String bad = checkUrl(url);
        if (bad != null) {
            return failed(start, url, 0, new Failure(FetchError.BAD_URL, bad));
        }
        try {
            if (!inFlight.tryAcquire(remaining(queueDeadline), TimeUnit.NANOSECONDS)) {
                return failed(
                        start,
                        url,
                        0,
                        new Failure(
                                FetchError.TIMEOUT,
                                "fetching " + url
                                        + " never started: all " + settings.concurrency()
                                        + " fetch slots stayed busy for "
                                        + FetchFailures.words(queueWait()) + " (fetch.concurrency)"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(start, url, 0, new Failure(FetchError.OTHER, "fetching " + url + " was interrupted"));
        }
        try {
            return follow(request, withoutFragment(url), start, queueDeadline);
        } catch (RuntimeException e) {
            return failed(
                    start, url, 0, new Failure(FetchError.OTHER, "fetching " + url + " failed unexpectedly: " + e));
        } finally {
            inFlight.release();
        }
    }

    /** Follows the redirect chain from {@code url} to a final answer. */
    private FetchResult follow(FetchRequest request, URI url, long start, long queueDeadline) {
        // The total timeout measures the server, so it starts when the first request may go out: time spent
        // waiting for our own slots (fetch.concurrency, fetch.per_host) behind other feeds does not count.
        long[] deadline = {0};
        URI current = url;
        Set<String> seen = new HashSet<>();
        seen.add(key(current));
        List<URI> chain = new ArrayList<>();
        chain.add(current);
        boolean allPermanent = true;
        while (true) {
            Answer answer = exchange(current, request, deadline, queueDeadline);
            if (answer.failure() != null) {
                return failed(start, current, answer.status(), answer.failure());
            }
            int status = answer.status();
            HttpFields headers = answer.headers();
            if (isRedirect(status)) {
                String location = headers.get(HttpHeader.LOCATION);
                if (location == null || location.isBlank()) {
                    return failed(
                            start,
                            current,
                            status,
                            new Failure(
                                    FetchError.HTTP_STATUS,
                                    statusWords(status) + " from " + current + " without a Location header; the server"
                                            + " is misconfigured"));
                }
                URI next;
                try {
                    next = withoutFragment(current.resolve(location.trim()));
                } catch (IllegalArgumentException e) {
                    return failed(
                            start,
                            current,
                            status,
                            new Failure(
                                    FetchError.BAD_URL,
                                    current + " redirects to '" + location + "', which is not a valid URL"));
                }
                String bad = checkUrl(next);
                if (bad != null) {
                    return failed(
                            start,
                            current,
                            status,
                            new Failure(FetchError.BAD_URL, current + " redirects elsewhere: " + bad));
                }
                chain.add(next);
                if (!seen.add(key(next))) {
                    return failed(
                            start,
                            current,
                            status,
                            new Failure(FetchError.REDIRECT_LOOP, url + " redirects in a loop: " + arrows(chain)));
                }
                if (chain.size() - 1 > settings.maxRedirects()) {
                    return failed(
                            start,
                            current,
                            status,
                            new Failure(
                                    FetchError.TOO_MANY_REDIRECTS,
                                    url + " redirects more than " + settings.maxRedirects()
                                            + " times (fetch.max_redirects): " + arrows(chain)));
                }
                allPermanent &=
                        status == HttpStatus.MOVED_PERMANENTLY_301 || status == HttpStatus.PERMANENT_REDIRECT_308;
                current = next;
                continue;
            }
            URI movedTo = chain.size() > 1 && allPermanent ? current : null;
            return finish(start, request, current, movedTo, answer);
        }
    }

    /**
     * Turns the final (non-redirect) answer into a result. {@code movedTo} is kept only for 2xx and 304: a
     * permanent redirect to a URL that fails is no reason to forget the stored one.
     */
    private FetchResult finish(long start, FetchRequest request, URI url, URI movedTo, Answer answer) {
        int status = answer.status();
        HttpFields h = answer.headers();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        String contentType = h.get(HttpHeader.CONTENT_TYPE);
        if (status == HttpStatus.NOT_MODIFIED_304) {
            String etag = h.get(HttpHeader.ETAG);
            String lastModified = h.get(HttpHeader.LAST_MODIFIED);
            return new FetchResult(
                    Outcome.NOT_MODIFIED,
                    status,
                    url,
                    movedTo,
                    null,
                    contentType,
                    etag != null ? etag : request.etag(),
                    lastModified != null ? lastModified : request.lastModified(),
                    null,
                    freshFor(h),
                    null,
                    null,
                    elapsed);
        }
        if (status >= 200 && status < 300) {
            return new FetchResult(
                    Outcome.OK,
                    status,
                    url,
                    movedTo,
                    answer.body(),
                    contentType,
                    h.get(HttpHeader.ETAG),
                    h.get(HttpHeader.LAST_MODIFIED),
                    null,
                    freshFor(h),
                    null,
                    null,
                    elapsed);
        }
        if (status == HttpStatus.GONE_410) {
            return new FetchResult(
                    Outcome.GONE,
                    status,
                    url,
                    null,
                    null,
                    contentType,
                    null,
                    null,
                    null,
                    null,
                    FetchError.GONE,
                    statusWords(status) + " from " + url
                            + ": the feed was removed for good; unsubscribe or look for its new address",
                    elapsed);
        }
        if (status == HttpStatus.TOO_MANY_REQUESTS_429 || status == HttpStatus.SERVICE_UNAVAILABLE_503) {
            Duration retryAfter = ResponseHints.retryAfter(h.get(HttpHeader.RETRY_AFTER), clock.instant());
            FetchError error =
                    status == HttpStatus.TOO_MANY_REQUESTS_429 ? FetchError.RATE_LIMITED : FetchError.HTTP_STATUS;
            String when = retryAfter == null ? "later" : "after " + FetchFailures.words(retryAfter);
            return new FetchResult(
                    Outcome.RETRY_LATER,
                    status,
                    url,
                    null,
                    null,
                    contentType,
                    null,
                    null,
                    retryAfter,
                    null,
                    error,
                    statusWords(status) + " from " + url + "; the server asks to retry " + when,
                    elapsed);
        }
        return new FetchResult(
                Outcome.ERROR,
                status,
                url,
                null,
                null,
                contentType,
                null,
                null,
                null,
                null,
                FetchError.HTTP_STATUS,
                statusWords(status) + " from " + url,
                elapsed);
    }

    /** What one request/response exchange gave: a status with headers (and a body for 2xx), or a failure. */
    private record Answer(int status, HttpFields headers, byte[] body, Failure failure) {
        static Answer failed(int status, Failure failure) {
            return new Answer(status, HttpFields.EMPTY, null, failure);
        }
    }

    /** Sends one GET and reads its answer, holding a per-host permit throughout. */
    private Answer exchange(URI url, FetchRequest fetchRequest, long[] deadlineHolder, long queueDeadline) {
        HostLimits.Permit permit;
        boolean first = deadlineHolder[0] == 0;
        try {
            permit = hostLimits.acquire(url.getHost(), remaining(first ? queueDeadline : deadlineHolder[0]));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.failed(0, new Failure(FetchError.OTHER, "fetching " + url + " was interrupted"));
        }
        if (permit == null) {
            return Answer.failed(
                    0,
                    new Failure(
                            FetchError.TIMEOUT,
                            "fetching " + url + " never started: "
                                    + settings.perHostLimit() + " other fetches from " + url.getHost() + " took all of "
                                    + FetchFailures.words(first ? queueWait() : settings.totalTimeout())
                                    + " (fetch.per_host, fetch.total_timeout)"));
        }
        if (first) {
            deadlineHolder[0] = System.nanoTime() + settings.totalTimeout().toNanos();
        }
        long deadline = deadlineHolder[0];
        try (permit) {
            long remainingMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining(deadline)));
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
                response = listener.get(remaining(deadline) + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                return Answer.failed(0, classify(e.getCause(), url, deadline));
            } catch (TimeoutException e) {
                request.abort(e);
                return Answer.failed(
                        0, FetchFailures.timeout(url, true, settings.readTimeout(), settings.totalTimeout()));
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
                if (declared > settings.maxBodyBytes()) {
                    BodyTooLargeException tooLarge = new BodyTooLargeException(settings.maxBodyBytes(), false);
                    request.abort(tooLarge);
                    return Answer.failed(status, FetchFailures.tooLarge(url, settings.maxBodyBytes(), false));
                }
                byte[] body = BodyReader.read(in, headers.get(HttpHeader.CONTENT_ENCODING), settings.maxBodyBytes());
                return new Answer(status, headers, body, null);
            } catch (IOException e) {
                request.abort(e);
                return Answer.failed(status, classify(e, url, deadline));
            }
        }
    }

    private Failure classify(Throwable failure, URI url, long deadline) {
        boolean totalTimedOut = remaining(deadline) <= TimeUnit.MILLISECONDS.toNanos(50);
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

    private Duration freshFor(HttpFields h) {
        return ResponseHints.freshFor(
                h.get(HttpHeader.CACHE_CONTROL), h.get(HttpHeader.EXPIRES), h.get(HttpHeader.DATE), clock.instant());
    }

    private static FetchResult failed(long start, URI url, int status, Failure failure) {
        return new FetchResult(
                Outcome.ERROR,
                status,
                url,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                failure.error(),
                failure.message(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Why {@code url} cannot be fetched at all, or null when it can. */
    static String checkUrl(URI url) {
        if (url == null) {
            return "no URL given; a feed needs an absolute http:// or https:// URL";
        }
        String scheme = url.getScheme() == null ? null : url.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return "'" + url + "' is not an http:// or https:// URL; only web feeds can be fetched";
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            return "'" + url + "' has no host name; write it as e.g. https://example.org/feed.xml";
        }
        return null;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** "HTTP 404 Not Found". */
    static String statusWords(int status) {
        String reason = HttpStatus.getMessage(status);
        return reason == null || reason.equals(Integer.toString(status))
                ? "HTTP " + status
                : "HTTP " + status + " " + reason;
    }

    private static boolean isHeaderSafe(String value) {
        if (value == null || value.isBlank() || value.length() > 1024) {
            return false;
        }
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static URI withoutFragment(URI url) {
        if (url.getRawFragment() == null) {
            return url;
        }
        String s = url.toString();
        return URI.create(s.substring(0, s.indexOf('#')));
    }

    /** The URL as compared for loop detection: case-insensitive scheme and host, default port and path filled in. */
    private static String key(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() != -1 ? url.getPort() : "https".equals(scheme) ? 443 : 80;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port + path + query;
    }

    private static String arrows(List<URI> chain) {
        StringBuilder sb = new StringBuilder();
        for (URI u : chain) {
            if (!sb.isEmpty()) {
                sb.append(" -> ");
            }
            sb.append(u);
        }
        return sb.toString();
    }

    /** How long a fetch may wait for a free slot before it gives up: ten total timeouts. */
    private java.time.Duration queueWait() {
        return settings.totalTimeout().multipliedBy(10);
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // Stopping only releases threads and sockets; nothing useful to do with a failure here.
        }
    }
}
