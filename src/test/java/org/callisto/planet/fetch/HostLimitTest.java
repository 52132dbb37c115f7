package org.callisto.planet.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.callisto.planet.fetch.FetchResult.Outcome;
import org.junit.jupiter.api.Test;

class HostLimitTest {

    @Test
    void concurrentFetchesToOneHostStayWithinThePerHostLimit() throws Exception {
        try (FixtureServer server = FixtureServer.start();
                FeedFetcher fetcher =
                        TestFetchers.fetcher(Map.of("fetch.per_host", "2", "fetch.total_timeout", "10s"));
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            server.route("/feed.xml").body("<rss/>").delay(Duration.ofMillis(100));
            List<Future<FetchResult>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                results.add(threads.submit(() -> fetcher.fetch(new FetchRequest(server.url("/feed.xml"), null, null))));
            }
            for (Future<FetchResult> f : results) {
                assertThat(f.get(15, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.OK);
            }

            assertThat(server.requests("/feed.xml")).isEqualTo(20);
            assertThat(server.maxConcurrentRequests()).isBetween(1, 2);
        }
    }

    @Test
    void overallConcurrencyBoundsFetchesAcrossHosts() throws Exception {
        try (FixtureServer a = FixtureServer.start();
                FixtureServer b = FixtureServer.start();
                FeedFetcher fetcher = TestFetchers.fetcher(Map.of("fetch.per_host", "4", "fetch.concurrency", "1"));
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            a.route("/feed.xml").body("<rss/>").delay(Duration.ofMillis(50));
            b.route("/feed.xml").body("<rss/>").delay(Duration.ofMillis(50));
            List<Future<FetchResult>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(threads.submit(() -> fetcher.fetch(new FetchRequest(a.url("/feed.xml"), null, null))));
                results.add(threads.submit(() -> fetcher.fetch(new FetchRequest(b.url("/feed.xml"), null, null))));
            }
            for (Future<FetchResult> f : results) {
                assertThat(f.get(15, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.OK);
            }

            assertThat(a.maxConcurrentRequests()).isEqualTo(1);
            assertThat(b.maxConcurrentRequests()).isEqualTo(1);
        }
    }
}
