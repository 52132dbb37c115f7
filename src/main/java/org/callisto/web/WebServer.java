package org.callisto.web;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.function.Consumer;
import org.callisto.config.Config;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's HTTP server: Javalin (Jetty 12) on virtual threads, serving the routes of {@link Routes} with the
 * security headers every response carries ({@link SecurityHeaders}), Jetty's own error answers included. Its
 * connections are guarded ({@link ConnectionGuard}): headers must arrive within {@code server.header_timeout}, a
 * connection may stay silent for {@code server.idle_timeout}, one client address may hold
 * {@code server.max_connections_per_address} connections, and past {@code server.max_connections} the oldest idle
 * one is closed for room. Cached anonymous pages are answered ahead of the routes by {@link CachedPageHandler}.
 *
 * <p>The server builds only HTTP adapters; the stores and services it serves come made from the composition root
 * in {@link SiteServices}. Thread-safe; close it once, before the services it serves are closed.
 */
public final class WebServer implements AutoCloseable {
    static final String CONTENT_SECURITY_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;
    /**
     * The listen backlog. Jetty's default (0) leaves it to the JDK, which asks for 50: when a thousand readers
     * connect at once the kernel drops the SYNs that do not fit, and those clients wait a second or more for a
     * retransmission before their first byte. nginx asks for 511; this asks for 1024 (Linux caps it at
     * {@code net.core.somaxconn}). See docs/benchmarks.md.
     */
    static final int ACCEPT_QUEUE = 1024;
    /** How soon the page caches notice a change made by this or another process. */
    public static final Duration CHANGE_CHECK = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final Javalin app;
    private final ConnectionGuard guard;

    private final CachedPageHandler front;

    private WebServer(Javalin app, ConnectionGuard guard, CachedPageHandler front) {
        this.app = app;
        this.guard = guard;
        this.front = front;
    }

    /** Starts serving on {@code config.port()} (0 picks a free port, see {@link #port()}). */
    public static WebServer start(Config config, SiteServices services) {
        return start(config, services, CHANGE_CHECK, routes -> {});
    }

    /** Starts serving with extra routes (the demo adds its sample blogs' feeds this way). */
    public static WebServer start(Config config, SiteServices services, Consumer<RoutesConfig> extraRoutes) {
        return start(config, services, CHANGE_CHECK, extraRoutes);
    }

    /**
     * Starts serving, noticing changes within {@code changeCheck}.
     *
     * @throws RuntimeException when the port cannot be bound, with Jetty's reason
     */
    public static WebServer start(
            Config config, SiteServices services, Duration changeCheck, Consumer<RoutesConfig> extraRoutes) {
        Routes routes = new Routes(config, services, changeCheck);
        Config.ServerConfig limits = config.server();
        long fileLimit = ConnectionGuard.openFileLimit(Long.MAX_VALUE / 2);
        int cap = ConnectionGuard.effectiveCap(limits.maxConnections(), fileLimit);
        if (cap < limits.maxConnections()) {
            LOG.warn(
                    "web: server.max_connections = {} does not fit under this process's open-files limit of {};"
                            + " using {}. Raise the limit (ulimit -n, or kern.maxfilesperproc on FreeBSD) to allow"
                            + " more.",
                    limits.maxConnections(),
                    fileLimit,
                    cap);
        }
        // Jetty's own limit, above the guard's cap, keeps the process from ever running out of file descriptors:
        // at it, Jetty stops accepting until connections close.
        int ceiling = (int) Math.min(
                Integer.MAX_VALUE,
                Math.min(cap + Math.max(64, (fileLimit - cap) / 2), Math.max(cap + 16, fileLimit - 64)));
        ConnectionGuard guard = new ConnectionGuard(
                limits.headerTimeout(), cap, limits.maxConnectionsPerAddress(), limits.trustedProxies());
        CachedPageHandler front = new CachedPageHandler(routes.ready());
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.concurrency.useVirtualThreads = true;
            cfg.http.compressionStrategy = CompressionStrategy.NONE; // bodies are gzipped once, when cached
            cfg.http.prefer405over404 = true; // a known path asked with the wrong method: 405 with Allow
            cfg.jetty.port = config.port();
            if (!limits.bind().isEmpty()) {
                cfg.jetty.host = limits.bind();
            }
            cfg.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
                // no per-connection header cache: Jetty's is a trie of about 45 KB for each connection that has sent
                // a request, so 10,000 keep-alive connections held 430 MB of it and a 1 GB heap ended in back-to-back
                // full collections; parsing a header again costs far less than that
                http.setHeaderCacheSize(0);
                // the client's address, scheme and host from trusted proxies' headers, before anything reads them
                http.addCustomizer(new ForwardedHeaders(limits.trustedProxies(), limits.hstsMaxAge()));
            });
            AccessLog.of(limits.accessLog())
                    .ifPresent(log -> cfg.jetty.modifyServer(server -> server.setRequestLog(log)));
            // cached anonymous pages answered ahead of routing; Javalin puts its servlet context inside this wrapper
            cfg.jetty.modifyServer(server -> server.setHandler(front));
            // Jetty's answers to what it refuses before any route runs (bad request lines, bad URIs, huge headers)
            cfg.jetty.modifyServer(server -> server.setErrorHandler(SecurityHeaders.errorHandler()));
            // Javalin's own connector, with a listen backlog that holds a burst of connections (see ACCEPT_QUEUE),
            // the idle timeout, the connection guard and Jetty's limit on connections above the guard's cap.
            cfg.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setPort(config.port());
                connector.setHost(limits.bind().isEmpty() ? null : limits.bind());
                connector.setAcceptQueueSize(ACCEPT_QUEUE);
                connector.setIdleTimeout(limits.idleTimeout().toMillis());
                connector.addEventListener(guard);
                server.addBean(new NetworkConnectionLimit(ceiling, connector));
                return connector;
            });
            // uploads from the episode editor: parts spool to a hidden folder of the media directory (never served),
            // cut off past show.upload_max_size; EpisodePublishingPages answers with the refusal in words
            java.nio.file.Path spool = services.publishing().uploads().spoolDir();
            try {
                java.nio.file.Files.createDirectories(spool);
            } catch (java.io.IOException e) {
                LOG.warn(
                        "web: cannot make the upload folder {} ({}); uploads from the episode editor will fail until"
                                + " show.media_dir is writable",
                        spool,
                        e.getMessage());
            }
            long uploadMax = services.publishing().uploads().maxBytes();
            cfg.jetty.multipartConfig.cacheDirectory(spool.toString());
            cfg.jetty.multipartConfig.maxFileSize(uploadMax, io.javalin.config.SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(uploadMax + 1024 * 1024, io.javalin.config.SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            routes.register(cfg.routes);
            extraRoutes.accept(cfg.routes);
            routes.registerErrors(cfg.routes);
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            guard.close();
            throw e;
        }
        return new WebServer(app, guard, front);
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** Requests answered by the cached-page handler ahead of routing since start. */
    long answeredAheadOfRouting() {
        return front.answered();
    }

    /** Connections open now, as the connection guard counts them. */
    int openConnections() {
        return guard.openConnections();
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            guard.close();
        }
    }

    static void securityHeaders(Context ctx) {
        SecurityHeaders.apply(ctx);
    }
}
