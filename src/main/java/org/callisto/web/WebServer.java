package org.callisto.web;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.function.Consumer;
import org.callisto.config.Config;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The site's HTTP server: Javalin (Jetty 12) on virtual threads, serving the routes of {@link Routes} with the
 * security headers every response carries. The Content-Security-Policy forbids scripts, so pages work without
 * JavaScript and aggregated HTML cannot run any.
 *
 * <p>The server builds only HTTP adapters; the stores and services it serves come made from the composition root
 * in {@link SiteServices}. Thread-safe; close it once, before the services it serves are closed.
 */
public final class WebServer implements AutoCloseable {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src * data:; media-src *;"
            + " frame-src https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com;"
            + " script-src 'none'; style-src 'self'";
    /**
     * The listen backlog. Jetty's default (0) leaves it to the JDK, which asks for 50: when a thousand readers
     * connect at once the kernel drops the SYNs that do not fit, and those clients wait a second or more for a
     * retransmission before their first byte. nginx asks for 511; this asks for 1024 (Linux caps it at
     * {@code net.core.somaxconn}). See docs/benchmarks.md.
     */
    static final int ACCEPT_QUEUE = 1024;
    /** How soon the page caches notice a change made by this or another process. */
    public static final Duration CHANGE_CHECK = Duration.ofSeconds(1);

    private final Javalin app;

    private WebServer(Javalin app) {
        this.app = app;
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
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.concurrency.useVirtualThreads = true;
            cfg.http.compressionStrategy = CompressionStrategy.NONE; // bodies are gzipped once, when cached
            cfg.jetty.port = config.port();
            cfg.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
            });
            // Javalin's own connector, with a listen backlog that holds a burst of connections (see ACCEPT_QUEUE).
            cfg.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setPort(config.port());
                connector.setAcceptQueueSize(ACCEPT_QUEUE);
                return connector;
            });
            routes.register(cfg.routes);
            extraRoutes.accept(cfg.routes);
            routes.registerErrors(cfg.routes);
        });
        app.start();
        return new WebServer(app);
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("X-Frame-Options", "DENY");
    }
}
