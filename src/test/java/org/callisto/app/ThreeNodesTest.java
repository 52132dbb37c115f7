package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.callisto.config.Config;
import org.callisto.config.ConfigLoader;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.callisto.planet.RefreshRound;
import org.callisto.planet.fetch.FixtureServer;
import org.junit.jupiter.api.Test;

/**
 * Three Callisto nodes in one JVM on one real PostgreSQL database, refreshing the same planet at the same time
 * against a loopback fixture server that counts every request per feed.
 */
class ThreeNodesTest {
    private static final int FEEDS = 300;
    private static final String FEED = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
            + "<link>https://example.org/</link><item><title>one</title><guid>g1</guid></item></channel></rss>";

    @Test
    void eachDueFeedIsFetchedExactlyOncePerRoundAcrossTheNodesAndTheSlowOneNeverTwiceAtOnce() throws Exception {
        String url = TestDatabases.postgresUrl();
        Config config = ConfigLoader.of(Map.of(
                "database.url", url,
                "database.user", "postgres",
                "fetch.allow_loopback", "true",
                "fetch.per_host", "12",
                "fetch.concurrency", "8"));
        try (FixtureServer fixture = FixtureServer.start()) {
            fixture.route("/slow.xml").body(FEED).delay(Duration.ofSeconds(4));
            for (int i = 0; i < FEEDS; i++) {
                fixture.route("/feed" + i + ".xml").body(FEED);
            }
            List<Callisto> nodes = new ArrayList<>();
            try {
                for (int n = 0; n < 3; n++) {
                    nodes.add(Callisto.open(config, Database.open(url, "postgres", ""), Clock.systemUTC()));
                }
                nodes.getFirst()
                        .subscriptions()
                        .addFeed(fixture.url("/slow.xml").toString(), "slow", List.of());
                for (int i = 0; i < FEEDS; i++) {
                    nodes.getFirst()
                            .subscriptions()
                            .addFeed(fixture.url("/feed" + i + ".xml").toString(), null, List.of());
                }

                List<RefreshRound.Summary> first = roundOnEveryNode(nodes);
                assertThat(first.stream().mapToInt(RefreshRound.Summary::feeds).sum())
                        .as("feeds refreshed over the three nodes: %s", first)
                        .isEqualTo(FEEDS + 1);
                assertThat(first)
                        .as("every node took a share")
                        .allSatisfy(s -> assertThat(s.feeds()).isPositive());
                for (int i = 0; i < FEEDS; i++) {
                    assertThat(fixture.requests("/feed" + i + ".xml"))
                            .as("feed %d", i)
                            .isEqualTo(1);
                }
                assertThat(fixture.requests("/slow.xml")).isEqualTo(1);

                // the next round: everything is due again; in each round the slow feed, leased by one node, is passed
                // over
                // by the others as they claim the rest, so it is never fetched twice at once
                nodes.getFirst().database().withConnection(c -> {
                    try (var s = c.createStatement()) {
                        s.executeUpdate("UPDATE feeds SET next_fetch_at = 0");
                    }
                    return null;
                });
                List<RefreshRound.Summary> second = roundOnEveryNode(nodes);
                assertThat(second.stream().mapToInt(RefreshRound.Summary::feeds).sum())
                        .isEqualTo(FEEDS + 1);
                for (int i = 0; i < FEEDS; i++) {
                    assertThat(fixture.requests("/feed" + i + ".xml"))
                            .as("feed %d", i)
                            .isEqualTo(2);
                }
                assertThat(fixture.requests("/slow.xml")).isEqualTo(2);
                assertThat(fixture.maxConcurrentRequests())
                        .as("fetch.per_host holds for the three nodes together (one host, 127.0.0.1)")
                        .isLessThanOrEqualTo(12)
                        .isGreaterThan(1);
            } finally {
                nodes.forEach(Callisto::close);
            }
        }
    }

    /** Every node runs a claimed round at the same instant; waits for all three. */
    private static List<RefreshRound.Summary> roundOnEveryNode(List<Callisto> nodes) throws Exception {
        CyclicBarrier together = new CyclicBarrier(nodes.size());
        List<RefreshRound.Summary> out = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(nodes.size())) {
            List<Future<RefreshRound.Summary>> rounds = new ArrayList<>();
            for (Callisto node : nodes) {
                rounds.add(pool.submit(() -> {
                    together.await();
                    return node.round().runClaimed(node.leases(), o -> {});
                }));
            }
            for (Future<RefreshRound.Summary> r : rounds) {
                out.add(r.get());
            }
        }
        return out;
    }
}
