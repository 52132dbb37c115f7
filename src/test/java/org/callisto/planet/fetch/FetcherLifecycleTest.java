package org.callisto.planet.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FetcherLifecycleTest {

    private static long fetchThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("callisto-fetch"))
                .count();
    }

    @Test
    void closeStopsTheClientThreads() throws InterruptedException {
        long before = fetchThreads();
        try (FixtureServer server = FixtureServer.start();
                FeedFetcher fetcher = TestFetchers.fetcher()) {
            server.route("/feed.xml").body("<rss/>");
            fetcher.fetch(new FetchRequest(server.url("/feed.xml"), null, null));
            assertThat(fetchThreads()).isGreaterThan(before);
        }

        Instant end = Instant.now().plus(Duration.ofSeconds(5));
        while (fetchThreads() > before && Instant.now().isBefore(end)) {
            Thread.sleep(20);
        }
        assertThat(fetchThreads()).isEqualTo(before);
    }

    @Test
    void nullRequestIsABadUrlNotAnException() {
        try (FeedFetcher fetcher = TestFetchers.fetcher()) {
            assertThat(fetcher.fetch(null).error()).isEqualTo(FetchResult.FetchError.BAD_URL);
            assertThat(fetcher.fetch(new FetchRequest(null, null, null)).error())
                    .isEqualTo(FetchResult.FetchError.BAD_URL);
        }
    }
}
