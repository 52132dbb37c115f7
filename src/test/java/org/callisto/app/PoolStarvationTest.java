package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.callisto.config.Config;
import org.callisto.config.ConfigLoader;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.callisto.web.WebServer;
import org.junit.jupiter.api.Test;

/**
 * More concurrent page requests than database connections while slow queries hold every connection, on a real
 * PostgreSQL over real HTTP: each request waits no longer than {@code database.pool_wait} and is answered 503 with
 * {@code Retry-After}, none hangs until the slow queries end, and pages work again once they have.
 */
class PoolStarvationTest {
    /** The slow queries' length: a request that waited for them would take at least this long. */
    private static final int SLOW_SECONDS = 20;

    /** The bound on an answer: the pool's wait (1 s) with room for a loaded test machine. */
    private static final Duration BOUND = Duration.ofSeconds(8);

    @Test
    void requestsBeyondThePoolWaitAtMostThePoolWaitAndGet503WithRetryAfter() throws Exception {
        String url = TestDatabases.postgresUrl();
        Config config = ConfigLoader.of(Map.of(
                "server.port", "0",
                "database.url", url,
                "database.user", "postgres",
                "database.pool_size", "2",
                "database.pool_wait", "1s"));
        try (Callisto callisto = Callisto.open(config, Database.open(config, Clock.systemUTC()), Clock.systemUTC())) {
            WebServer server = callisto.startWeb(Duration.ofMillis(50), routes -> {});
            URI base = URI.create("http://127.0.0.1:" + server.port());
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

            CountDownLatch holding = new CountDownLatch(2);
            List<Thread> slow = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                slow.add(Thread.ofPlatform().start(() -> {
                    try (Connection c = callisto.database().connection();
                            Statement s = c.createStatement()) {
                        holding.countDown();
                        s.execute("SELECT pg_sleep(" + SLOW_SECONDS + ")");
                    } catch (Exception e) {
                        holding.countDown();
                    }
                }));
            }
            holding.await();
            Thread.sleep(300); // both slow queries are running

            List<CompletableFuture<Timed>> requests = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                long start = System.nanoTime();
                requests.add(http.sendAsync(
                                HttpRequest.newBuilder(base.resolve("/search?q=word" + i))
                                        .timeout(Duration.ofSeconds(SLOW_SECONDS + 30))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .thenApply(r -> new Timed(r, Duration.ofNanos(System.nanoTime() - start))));
            }
            for (CompletableFuture<Timed> f : requests) {
                Timed t = f.get();
                assertThat(t.took())
                        .as("an answer while every connection is busy")
                        .isLessThan(BOUND);
                assertThat(t.response().statusCode()).isEqualTo(503);
                assertThat(t.response().headers().firstValue("Retry-After")).hasValue("5");
                assertThat(t.response().body()).contains("The site is busy");
            }
            for (Thread t : slow) {
                t.join();
            }
            HttpResponse<String> after = http.send(
                    HttpRequest.newBuilder(base.resolve("/search?q=after")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode()).as("once the slow queries end").isEqualTo(200);
        }
    }

    private record Timed(HttpResponse<String> response, Duration took) {}
}
