package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.callisto.config.Config;
import org.callisto.config.ConfigLoader;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.callisto.planet.fetch.FixtureServer;
import org.junit.jupiter.api.Test;

/**
 * A real {@code callisto serve} process on PostgreSQL is killed with SIGKILL in the middle of a refresh round; a
 * second node on the same database takes over the feeds the dead one had claimed once their leases run out, and
 * no feed is stored twice.
 */
class NodeKilledMidRoundTest {
    private static final int FEEDS = 60;
    private static final Duration FETCH_DELAY = Duration.ofSeconds(1);
    private static final int CONCURRENCY = 4;
    private static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(3);
    /** How often the surviving node looks for due feeds here (the scheduler's tick stands in for it). */
    private static final Duration TICK = Duration.ofMillis(500);

    @Test
    void theFeedsOfAKilledNodeAreFetchedByAnotherWithinTheLeaseAndNoneIsStoredTwice() throws Exception {
        String url = TestDatabases.postgresUrl();
        Map<String, String> settings = new HashMap<>();
        settings.put("database.url", url);
        settings.put("database.user", "postgres");
        settings.put("fetch.allow_loopback", "true");
        settings.put("fetch.concurrency", Integer.toString(CONCURRENCY));
        settings.put("fetch.per_host", Integer.toString(CONCURRENCY));
        settings.put("fetch.total_timeout", TOTAL_TIMEOUT.toSeconds() + "s");
        settings.put("fetch.lease_margin", LEASE_MARGIN.toSeconds() + "s");
        Config config = ConfigLoader.of(settings);
        // the survivor fetches more at once, so that its own share of the round does not hide the takeover time
        Map<String, String> survivorSettings = new HashMap<>(settings);
        survivorSettings.put("fetch.concurrency", "32");
        survivorSettings.put("fetch.per_host", "32");
        assertThat(config.fetch().lease()).isEqualTo(TOTAL_TIMEOUT.plus(LEASE_MARGIN));

        try (FixtureServer fixture = FixtureServer.start();
                Callisto survivor = Callisto.open(
                        ConfigLoader.of(survivorSettings), Database.open(url, "postgres", ""), Clock.systemUTC())) {
            for (int i = 0; i < FEEDS; i++) {
                fixture.route(path(i)).body(feed(i)).delay(FETCH_DELAY);
                survivor.subscriptions().addFeed(fixture.url(path(i)).toString(), "feed " + i, List.of());
            }

            Process node = startServeProcess(settings);
            long killedAt;
            try {
                // mid-round: a few feeds fetched and stored, some in flight, most still due
                awaitRequests(fixture, CONCURRENCY * 3, node);
                node.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook, no lease given back
                assertThat(node.waitFor(20, TimeUnit.SECONDS)).isTrue();
                killedAt = System.nanoTime();
            } finally {
                node.destroyForcibly();
            }
            int fetchedByDeadNode = totalRequests(fixture);
            assertThat(fetchedByDeadNode).as("killed mid-round").isLessThan(FEEDS);

            Set<Long> orphans = leasedFeeds(survivor);
            assertThat(orphans).as("the dead node held leases").isNotEmpty();

            // the survivor looks for due feeds every tick, as its scheduler would
            long orphansStoredAt = 0;
            long deadline = killedAt + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                survivor.round().runClaimed(survivor.leases(), o -> {});
                Map<Long, Integer> stored = entriesPerFeed(survivor);
                if (orphansStoredAt == 0 && stored.keySet().containsAll(orphans)) {
                    orphansStoredAt = System.nanoTime();
                }
                if (stored.size() == FEEDS) {
                    break;
                }
                Thread.sleep(TICK.toMillis());
            }
            assertThat(storedFeeds(survivor))
                    .as("every feed stored once the leases ran out")
                    .isEqualTo(FEEDS);
            Duration takeover = Duration.ofNanos(orphansStoredAt - killedAt);
            assertThat(takeover)
                    .as("the dead node's feeds are fetched within its lease plus a tick (and one fetch)")
                    .isLessThanOrEqualTo(
                            config.fetch().lease().plus(TICK).plus(FETCH_DELAY).plus(Duration.ofSeconds(3)));

            int twice = 0;
            for (int i = 0; i < FEEDS; i++) {
                int requests = fixture.requests(path(i));
                assertThat(requests).as("requests for feed %d", i).isBetween(1, 2);
                twice += requests == 2 ? 1 : 0;
            }
            assertThat(twice)
                    .as("only the feeds in flight when the node died are fetched again")
                    .isLessThanOrEqualTo(CONCURRENCY);
            assertThat(entriesPerFeed(survivor))
                    .as("one entry per feed: nothing stored twice")
                    .hasSize(FEEDS)
                    .allSatisfy((feed, n) -> assertThat(n).isEqualTo(1));
        }
    }

    private static String path(int i) {
        return "/feed" + i + ".xml";
    }

    private static String feed(int i) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>feed " + i + "</title>"
                + "<link>https://example.org/" + i + "/</link><item><title>post " + i + "</title>"
                + "<link>https://example.org/" + i + "/post</link><guid>urn:feed:" + i + ":1</guid>"
                + "<description>The only post of feed " + i + ".</description></item></channel></rss>";
    }

    /** {@code callisto serve} in a JVM of its own, configured by environment variables as an operator would. */
    private static Process startServeProcess(Map<String, String> settings) throws IOException {
        Path data = Files.createTempDirectory("callisto-killed-node");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "serve",
                "--data",
                data.toString(),
                "--port",
                Integer.toString(port)));
        ProcessBuilder pb = new ProcessBuilder(command);
        settings.forEach((key, value) -> pb.environment().put(ConfigLoader.envName(key), value));
        pb.environment().remove("CALLISTO_CONFIG");
        pb.redirectErrorStream(true);
        pb.redirectOutput(data.resolve("serve.log").toFile());
        return pb.start();
    }

    /** Waits (60 s at most) until the fixture has answered {@code n} requests in all. */
    private static void awaitRequests(FixtureServer fixture, int n, Process node) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (totalRequests(fixture) < n) {
            assertThat(node.isAlive()).as("the serve process is running").isTrue();
            assertThat(System.nanoTime())
                    .as("the serve process started fetching")
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static int totalRequests(FixtureServer fixture) {
        int sum = 0;
        for (int i = 0; i < FEEDS; i++) {
            sum += fixture.requests(path(i));
        }
        return sum;
    }

    /** Feeds under a lease that has not run out. */
    private static Set<Long> leasedFeeds(Callisto node) {
        long now = System.currentTimeMillis();
        return node.database().withConnection(c -> {
            Set<Long> out = new HashSet<>();
            try (var s = c.prepareStatement("SELECT id FROM feeds WHERE claimed_until > ?")) {
                s.setLong(1, now);
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    /** Feeds whose one entry is stored. */
    private static int storedFeeds(Callisto node) {
        return entriesPerFeed(node).size();
    }

    private static Map<Long, Integer> entriesPerFeed(Callisto node) {
        return node.database().withConnection(c -> {
            Map<Long, Integer> out = new HashMap<>();
            try (var s = c.createStatement();
                    var rs = s.executeQuery("SELECT feed_id, COUNT(*) FROM entries GROUP BY feed_id")) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getInt(2));
                }
            }
            return out;
        });
    }
}
