package org.callisto.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.callisto.websub.TopicSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub reads the site's own feeds from the site's own web server over loopback, so that a notification carries
 * exactly the body readers get (the same route, the same page cache, the same hub links). Thread-safe (the JDK's
 * {@link HttpClient} is).
 */
final class LoopbackTopics implements TopicSource {
    private static final Logger LOG = LoggerFactory.getLogger(LoopbackTopics.class);
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String origin;

    /**
     * @param bind the address the server listens on ({@code server.bind}); empty for all, then 127.0.0.1 is used
     * @param port the port it listens on
     */
    LoopbackTopics(String bind, int port) {
        String host = bind == null || bind.isBlank() || bind.equals("0.0.0.0") || bind.equals("::")
                ? "127.0.0.1"
                : bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
        this.origin = "http://" + host + ":" + port;
    }

    @Override
    public Optional<Content> read(String path) {
        try {
            HttpResponse<byte[]> r = client.send(
                    HttpRequest.newBuilder(URI.create(origin + path))
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(
                    new Content(r.headers().firstValue("Content-Type").orElse("application/octet-stream"), r.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.io.IOException | IllegalArgumentException e) {
            LOG.warn("websub hub: cannot read {}{} from the site itself: {}", origin, path, e.toString());
            return Optional.empty();
        }
    }
}
