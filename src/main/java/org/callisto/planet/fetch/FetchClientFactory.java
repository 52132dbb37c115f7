package org.callisto.planet.fetch;

import org.callisto.config.Config;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientConnectionFactory;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.ClientConnectionFactoryOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * Builds and starts the one Jetty {@link HttpClient} a {@link FeedFetcher} sends through: HTTP/1.1 and, over TLS
 * with ALPN, HTTP/2; daemon threads; connect and idle timeouts and per-host connection limits from the
 * {@code fetch.*} settings; the SSRF guard installed as its {@link GuardedAddressResolver}; and Jetty's own redirect
 * following and content decoding switched off, since {@link FeedFetcher} follows redirects hop by hop and
 * {@link BodyReader} decodes bodies under the cap.
 *
 * <p>Stateless and thread-safe. The client it returns is thread-safe too; whoever started it stops it.
 */
final class FetchClientFactory {

    private FetchClientFactory() {}

    /**
     * Builds and starts the client.
     *
     * @param settings  the {@code fetch.*} settings
     * @param userAgent the User-Agent sent with every request
     * @param tls       the TLS settings; must keep certificate and host name verification on for anything but tests
     * @throws IllegalStateException when the client cannot start (e.g. no threads left)
     */
    static HttpClient start(Config.FetchConfig settings, String userAgent, SslContextFactory.Client tls) {
        HttpClient client = newClient(settings, userAgent, tls);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the feed fetcher's HTTP client: " + e.getMessage(), e);
        }
        // Bodies are decoded by BodyReader, which caps the decoded size; Jetty must hand them over untouched.
        client.getContentDecoderFactories().clear();
        return client;
    }

    private static HttpClient newClient(Config.FetchConfig settings, String userAgent, SslContextFactory.Client tls) {
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
        c.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, userAgent));
        AddressPolicy policy = new AddressPolicy(settings.allowLoopback(), settings.allowPrivate());
        c.setSocketAddressResolver(new GuardedAddressResolver(
                new SocketAddressResolver.Async(
                        pool, scheduler, settings.connectTimeout().toMillis()),
                policy));
        return c;
    }
}
