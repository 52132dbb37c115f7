package org.callisto.planet.fetch;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.callisto.config.Config;
import org.callisto.planet.fetch.FetchFailures.Failure;
import org.callisto.planet.fetch.FetchResult.FetchError;
import org.callisto.planet.fetch.HopSender.Answer;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.ssl.SslContextFactory;

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
 * <p>The work is shared out: {@link FetchClientFactory} builds the client, {@link HopSender} sends each hop's GET
 * and reads its answer, {@link RedirectChain} follows the redirects, {@link FetchDeadlines} keeps the time limits
 * and {@link FetchResults} turns the end of a fetch into its {@link FetchResult}.
 *
 * <p>Thread-safe: one instance serves all fetches of a process; {@link #fetch} blocks and is meant for virtual
 * threads. At most {@code fetch.concurrency} fetches run at once and at most {@code fetch.per_host} requests go
 * to one host at once; the others wait, within their total timeout.
 */
public final class FeedFetcher implements AutoCloseable {

    private final Config.FetchConfig settings;
    private final HttpClient client;
    private final HopSender sender;
    private final HostLimits hostLimits;
    private final Semaphore inFlight;
    private final Clock clock;

    /**
     * Starts the HTTP client.
     *
     * @param clock the time that Retry-After and Expires dates are measured from
     * @throws IllegalStateException when the client cannot start (e.g. no threads left)
     */
    public FeedFetcher(Config config, Clock clock) {
        this(config, new SslContextFactory.Client(), clock, SharedHostSlots.NONE);
    }

    /**
     * Starts the HTTP client, with {@code fetch.per_host} held for all the nodes that share {@code hostSlots}.
     */
    public FeedFetcher(Config config, Clock clock, SharedHostSlots hostSlots) {
        this(config, new SslContextFactory.Client(), clock, hostSlots);
    }

    /**
     * Starts the HTTP client with the given TLS settings; for tests that trust a self-signed certificate.
     * The factory must keep certificate and host name verification on for anything but tests.
     */
    FeedFetcher(Config config, SslContextFactory.Client tls, Clock clock) {
        this(config, tls, clock, SharedHostSlots.NONE);
    }

    private FeedFetcher(Config config, SslContextFactory.Client tls, Clock clock, SharedHostSlots hostSlots) {
        this.settings = config.fetch();
        this.clock = clock;
        this.inFlight = new Semaphore(settings.concurrency(), true);
        this.hostLimits = new HostLimits(settings.perHostLimit(), hostSlots);
        this.client = FetchClientFactory.start(settings, config.userAgent(), tls);
        this.sender = new HopSender(client, settings);
    }

    /** Fetches one URL; never throws for network or HTTP failures, which are reported in the result. */
    public FetchResult fetch(FetchRequest request) {
        long start = System.nanoTime();
        FetchDeadlines deadlines = new FetchDeadlines(start, settings.totalTimeout());
        URI url = request == null ? null : request.url();
        String bad = FetchUrls.checkUrl(url);
        if (bad != null) {
            return FetchResults.failed(start, url, 0, new Failure(FetchError.BAD_URL, bad));
        }
        try {
            if (!inFlight.tryAcquire(deadlines.queueRemaining(), TimeUnit.NANOSECONDS)) {
                return FetchResults.failed(
                        start,
                        url,
                        0,
                        new Failure(
                                FetchError.TIMEOUT,
                                "fetching " + url
                                        + " never started: all " + settings.concurrency()
                                        + " fetch slots stayed busy for "
                                        + FetchFailures.words(deadlines.queueWait()) + " (fetch.concurrency)"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FetchResults.failed(
                    start, url, 0, new Failure(FetchError.OTHER, "fetching " + url + " was interrupted"));
        }
        try {
            return follow(request, FetchUrls.withoutFragment(url), start, deadlines);
        } catch (RuntimeException e) {
            return FetchResults.failed(
                    start, url, 0, new Failure(FetchError.OTHER, "fetching " + url + " failed unexpectedly: " + e));
        } finally {
            inFlight.release();
        }
    }

    /**
     * Follows the redirect chain from {@code url} to a final answer. The per-host permit is kept while the chain
     * stays on one host, so its hops never queue behind other fetches from that host.
     */
    private FetchResult follow(FetchRequest request, URI url, long start, FetchDeadlines deadlines) {
        RedirectChain redirects = new RedirectChain(url, settings.maxRedirects());
        try (HeldHostPermit held = new HeldHostPermit(hostLimits)) {
            return follow(request, redirects, start, deadlines, held);
        }
    }

    private FetchResult follow(
            FetchRequest request, RedirectChain redirects, long start, FetchDeadlines deadlines, HeldHostPermit held) {
        while (true) {
            URI current = redirects.current();
            Answer answer = sender.send(current, request, deadlines, held);
            if (answer.failure() != null) {
                return FetchResults.failed(start, current, answer.status(), answer.failure());
            }
            int status = answer.status();
            if (!RedirectChain.isRedirect(status)) {
                return FetchResults.finish(start, request, current, redirects.movedTo(), answer, clock);
            }
            Failure failure = redirects.follow(status, answer.headers().get(HttpHeader.LOCATION));
            if (failure != null) {
                return FetchResults.failed(start, current, status, failure);
            }
        }
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
