package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.callisto.config.Config;
import org.callisto.config.ConfigLoader;
import org.callisto.db.Database;
import org.callisto.db.PostgresCluster;
import org.callisto.web.WebServer;
import org.junit.jupiter.api.Test;

/**
 * The site while its PostgreSQL server is stopped and after it is started again: a real server of the test's own,
 * real HTTP on loopback.
 */
class DatabaseOutageTest {
    /** The bound on an answer while the database is away (two seconds), with room for a loaded test machine. */
    private static final Duration PROMPT = Duration.ofMillis(2_500);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void cachedPagesStayServedOthersAnswer503PromptlyAndEverythingRecoversWithoutRestart() throws Exception {
        try (PostgresCluster pg = PostgresCluster.start()) {
            Config config =
                    ConfigLoader.of(Map.of("server.port", "0", "database.url", pg.url(), "database.user", "postgres"));
            try (Callisto callisto =
                    Callisto.open(config, Database.open(pg.url(), "postgres", ""), Clock.systemUTC())) {
                callisto.subscriptions().addFeed("https://alice.example/feed.xml", "Alice", List.of("FreeBSD"));
                WebServer server = callisto.startWeb(Duration.ofMillis(50), routes -> {});
                URI base = URI.create("http://127.0.0.1:" + server.port());
                HttpResponse<String> before = get(base, "/");
                assertThat(before.statusCode()).isEqualTo(200);

                pg.stop();
                Thread.sleep(200); // past the page cache's change check, so that it asks the database again
                for (int i = 0; i < 3; i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> stale = get(base, "/");
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPT);
                    assertThat(stale.statusCode()).isEqualTo(200);
                    assertThat(stale.body()).isEqualTo(before.body());
                }

                long start = System.nanoTime();
                HttpResponse<String> other = get(base, "/subscriptions");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPT);
                assertThat(other.statusCode()).isEqualTo(503);
                assertThat(other.headers().firstValue("Retry-After")).hasValue("30");
                assertThat(other.body()).contains("database is unavailable");

                start = System.nanoTime();
                HttpResponse<String> ready = get(base, "/readyz");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPT);
                assertThat(ready.statusCode()).isEqualTo(503);

                pg.resume();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (get(base, "/readyz").statusCode() != 200 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(get(base, "/readyz").statusCode()).isEqualTo(200);
                assertThat(get(base, "/subscriptions").statusCode()).isEqualTo(200);
                assertThat(get(base, "/subscriptions").body()).contains("Alice");
            }
        }
    }

    private HttpResponse<String> get(URI base, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(70))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
