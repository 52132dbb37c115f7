package org.callisto.planet.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.callisto.app.Callisto;
import org.callisto.config.Config;
import org.callisto.config.ConfigLoader;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.callisto.planet.RefreshRound;
import org.callisto.planet.fetch.FixtureServer;

/**
 * Refresh rounds of one node against rounds of N nodes on one PostgreSQL database ({@code bin/bench-refresh --nodes
 * 3}): one node refreshes F feeds, then N nodes refresh N×F feeds (the goal: the N-node round within 1.5× of the
 * one-node round), all on a loopback fixture server that counts requests per feed; each round makes every feed due,
 * runs a claimed round on every node at once and reports the wall time, feeds per second and duplicate fetches (a
 * feed requested more than once in a round), which must be 0. Progress is printed while feeds are added and fetched.
 *
 * <p>Options: {@code --nodes N} (3), {@code --feeds F} feeds per node (1000; the goal's figure is 10000),
 * {@code --rounds N} (2), {@code --concurrency N} per node (16).
 */
public final class ClusterRefreshBenchmark {
    private static final String FEED = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
            + "<link>https://example.org/</link><item><title>one</title><guid>g1</guid></item></channel></rss>";

    private ClusterRefreshBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int nodes = Integer.parseInt(opts.getOrDefault("nodes", "3"));
        int feeds = Integer.parseInt(opts.getOrDefault("feeds", "1000"));
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "2"));
        String concurrency = opts.getOrDefault("concurrency", "16");
        System.out.printf(
                "Cluster refresh benchmark: %d feeds per node on one loopback fixture server, PostgreSQL,"
                        + " fetch.concurrency=%s per node, %d rounds; JVM %s, %d cores%n",
                feeds,
                concurrency,
                rounds,
                Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        try (FixtureServer fixture = FixtureServer.start()) {
            for (int i = 0; i < feeds * nodes; i++) {
                fixture.route("/f" + i + ".xml").body(FEED);
            }
            double one = measure(fixture, 1, feeds, rounds, concurrency);
            double many = measure(fixture, nodes, feeds * nodes, rounds, concurrency);
            System.out.printf(
                    "%d nodes with %d feeds against 1 node with %d: %.2f× the one-node round (goal: within 1.5×)%s;"
                            + " load average %.2f%n",
                    nodes,
                    feeds * nodes,
                    feeds,
                    many / one,
                    many / one <= 1.5 ? ", met" : ", NOT met",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
        }
        System.exit(0);
    }

    /** Runs the rounds and returns the mean seconds of a measured round. */
    private static double measure(FixtureServer fixture, int nodeCount, int feeds, int rounds, String concurrency)
            throws Exception {
        String url = TestDatabases.postgresUrl();
        Config config = ConfigLoader.of(Map.of(
                "database.url", url,
                "database.user", "postgres",
                "fetch.allow_loopback", "true",
                "fetch.per_host", "64",
                "fetch.concurrency", concurrency));
        List<Callisto> nodes = new ArrayList<>();
        for (int n = 0; n < nodeCount; n++) {
            nodes.add(Callisto.open(config, Database.open(url, "postgres", ""), Clock.systemUTC()));
        }
        try {
            for (int i = 0; i < feeds; i++) {
                nodes.getFirst()
                        .subscriptions()
                        .addFeed(fixture.url("/f" + i + ".xml").toString(), null, null);
                if ((i + 1) % 1000 == 0) {
                    System.out.printf("  %d node(s): %d of %d feeds added%n", nodeCount, i + 1, feeds);
                }
            }
            int before = fixture.totalRequests();
            long total = 0;
            for (int r = 0; r <= rounds; r++) { // round 0 warms up (first fetch stores the entries)
                nodes.getFirst().database().withConnection(c -> {
                    try (var s = c.createStatement()) {
                        s.executeUpdate("UPDATE feeds SET next_fetch_at = 0");
                    }
                    return null;
                });
                long start = System.nanoTime();
                int refreshed = roundOnEveryNode(nodes).stream()
                        .mapToInt(RefreshRound.Summary::feeds)
                        .sum();
                long elapsed = System.nanoTime() - start;
                if (r > 0) {
                    total += elapsed;
                }
                System.out.printf(
                        "  %d node(s), round %d: %d feeds in %.2f s%n", nodeCount, r, refreshed, elapsed / 1e9);
            }
            int requests = fixture.totalRequests() - before;
            int duplicates = requests - feeds * (rounds + 1);
            System.out.printf(
                    "%d node(s): %.3f rounds/s (%.2f s per round, %.0f feeds/s), duplicate fetches %d%n",
                    nodeCount,
                    rounds / (total / 1e9),
                    total / 1e9 / rounds,
                    feeds * rounds / (total / 1e9),
                    duplicates);
            return total / 1e9 / rounds;
        } finally {
            nodes.forEach(Callisto::close);
        }
    }

    /** Prints a line every 1,000 feeds fetched in a round, over all nodes. */
    private static void progress(java.util.concurrent.atomic.AtomicInteger done) {
        int n = done.incrementAndGet();
        if (n % 1000 == 0) {
            System.out.printf("    %d feeds fetched%n", n);
        }
    }

    private static List<RefreshRound.Summary> roundOnEveryNode(List<Callisto> nodes) throws Exception {
        CyclicBarrier together = new CyclicBarrier(nodes.size());
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        List<RefreshRound.Summary> out = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(nodes.size())) {
            List<Future<RefreshRound.Summary>> rounds = new ArrayList<>();
            for (Callisto node : nodes) {
                rounds.add(pool.submit(() -> {
                    together.await();
                    return node.round().runClaimed(node.leases(), o -> progress(done));
                }));
            }
            for (Future<RefreshRound.Summary> r : rounds) {
                out.add(r.get());
            }
        }
        return out;
    }
}
