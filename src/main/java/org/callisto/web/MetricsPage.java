package org.callisto.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.callisto.config.Config;

/**
 * {@code GET /metrics}: every metric in the Prometheus text format, for peers whose address lies in
 * {@code metrics.allow} (default loopback only) or for whoever sends {@code Authorization: Bearer} with
 * {@code metrics.token}. Everyone else gets the site's ordinary 404, so the page does not reveal that it exists.
 *
 * <p>The address is the TCP peer's, never a forwarded one; and a request that carries forwarding headers
 * ({@code X-Forwarded-For}, {@code Forwarded}) came through a proxy, so it needs the token even when the proxy's own
 * address is allowed: otherwise a reverse proxy on the same machine would open the page to the world.
 *
 * <p>Thread-safe.
 */
final class MetricsPage {
    private final Config.MetricsConfig config;
    private final Supplier<String> scrape;

    MetricsPage(Config.MetricsConfig config, Supplier<String> scrape) {
        this.config = config;
        this.scrape = scrape;
    }

    void serve(Context ctx) {
        if (!allowed(ctx)) {
            ctx.status(404); // the site's own 404 page, as for any unknown path
            return;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
        ctx.result(scrape.get());
    }

    private boolean allowed(Context ctx) {
        if (!config.token().isEmpty()) {
            String auth = ctx.header("Authorization");
            if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                byte[] given = auth.substring(7).trim().getBytes(StandardCharsets.UTF_8);
                if (MessageDigest.isEqual(given, config.token().getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
        }
        if (ctx.header("X-Forwarded-For") != null || ctx.header("Forwarded") != null) {
            return false;
        }
        InetAddress peer = ForwardedHeaders.peer(ctx.req()); // the TCP peer, never a forwarded address
        if (peer == null) {
            return false;
        }
        return config.allow().stream().anyMatch(range -> range.contains(peer));
    }
}
