package org.callisto.websub;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.callisto.app.Callisto;
import org.callisto.config.Config;
import org.callisto.config.ConfigLoader;
import org.callisto.db.TestDatabases;

/** A Callisto site with WebSub on, served on a loopback port, for the WebSub tests; and bounded waits. */
final class WebSubSites {
    private WebSubSites() {}

    static Config config(String kind, Map<String, String> extra) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, String> settings = new HashMap<>(Map.of(
                "fetch.allow_loopback", "true",
                "fetch.total_timeout", "6s",
                "server.port", Integer.toString(port),
                "site.url", "http://127.0.0.1:" + port + "/",
                "site.title", "WebSub Planet",
                "websub.enabled", "true",
                "websub.check_interval", "200ms",
                "websub.retry_delay", "100ms",
                "data.dir", Files.createTempDirectory("callisto-websub").toString()));
        if ("postgres".equals(kind)) {
            settings.put("database.url", TestDatabases.postgresUrl());
            settings.put("database.user", "postgres");
        }
        settings.putAll(extra);
        return ConfigLoader.of(settings);
    }

    static Callisto start(Config config) {
        Callisto site = Callisto.open(config);
        site.startWeb(r -> {});
        return site;
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        try (HttpClient c = HttpClient.newHttpClient()) {
            return c.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Waits up to {@code limit} for {@code condition}; whether it became true. */
    static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
