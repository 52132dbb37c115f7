package org.callisto.planet.fetch;

import org.callisto.config.Config;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A started Jetty {@link HttpClient} with the fetcher's guards, for other outgoing requests the site makes on
 * behalf of addresses someone else gave it (WebSub hubs and subscribers' callbacks): the same SSRF guard after DNS
 * resolution ({@code fetch.allow_loopback}, {@code fetch.allow_private}), connect and idle timeouts, User-Agent, no
 * redirects followed. Bodies arrive as sent (no content decoding); callers bound what they read.
 *
 * <p>Stateless and thread-safe; whoever starts a client stops it.
 */
public final class GuardedHttpClients {
    private GuardedHttpClients() {}

    /**
     * Builds and starts a client.
     *
     * @throws IllegalStateException when the client cannot start
     */
    public static HttpClient start(Config config) {
        return FetchClientFactory.start(config.fetch(), config.userAgent(), new SslContextFactory.Client());
    }
}
