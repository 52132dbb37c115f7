package org.callisto.planet.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.callisto.planet.fetch.FetchResult.FetchError;
import org.callisto.planet.fetch.FetchResult.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BodyLimitTest {

    private FixtureServer server;
    private FeedFetcher fetcher;

    @BeforeEach
    void start() {
        server = FixtureServer.start();
        fetcher = TestFetchers.fetcher(Map.of("fetch.max_body", "1MiB", "fetch.total_timeout", "2s"));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void streamedGigabyteBodyIsCutOffAtTheCap() {
        server.route("/huge.xml").generated(1L << 30, false);

        FetchResult r = fetcher.fetch(new FetchRequest(server.url("/huge.xml"), null, null));

        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.error()).isEqualTo(FetchError.TOO_LARGE);
        assertThat(r.message())
                .contains("1 MiB")
                .contains(server.url("/huge.xml").toString())
                .contains("fetch.max_body");
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void declaredLengthOverTheCapIsRefusedBeforeReading() {
        server.route("/huge.xml").generated(1L << 30, true);

        FetchResult r = fetcher.fetch(new FetchRequest(server.url("/huge.xml"), null, null));

        assertThat(r.error()).isEqualTo(FetchError.TOO_LARGE);
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void bodyExactlyAtTheCapIsAccepted() {
        server.route("/full.xml").generated(1L << 20, false);

        FetchResult r = fetcher.fetch(new FetchRequest(server.url("/full.xml"), null, null));

        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.body()).hasSize(1 << 20);
    }

    @Test
    void endlessSlowBodyEndsAtTheTotalTimeout() {
        server.route("/slow.xml").slowBody(Duration.ofMillis(100));

        FetchResult r = fetcher.fetch(new FetchRequest(server.url("/slow.xml"), null, null));

        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.error()).isEqualTo(FetchError.TIMEOUT);
        assertThat(r.message())
                .contains("2 s")
                .contains("fetch.total_timeout")
                .contains(server.url("/slow.xml").toString());
        assertThat(r.elapsed()).isBetween(Duration.ofMillis(1900), Duration.ofMillis(3500));
    }

    @Test
    void silentServerEndsAtTheReadTimeout() {
        try (FeedFetcher impatient = TestFetchers.fetcher(Map.of("fetch.read_timeout", "500ms"))) {
            server.route("/silent.xml").delay(Duration.ofSeconds(3)).body("<rss/>");

            FetchResult r = impatient.fetch(new FetchRequest(server.url("/silent.xml"), null, null));

            assertThat(r.error()).isEqualTo(FetchError.TIMEOUT);
            assertThat(r.message()).contains("fetch.read_timeout");
            assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(2));
        }
    }
}
