package org.callisto.planet.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.callisto.app.Callisto;
import org.callisto.config.Config;
import org.callisto.config.ConfigLoader;
import org.callisto.db.TestDatabases;
import org.callisto.planet.Feed;
import org.callisto.planet.RefreshOutcome;
import org.callisto.planet.RefreshRound;
import org.callisto.planet.SubscriptionStore;

/**
 * A refresh round of 10,000 feeds against a local fixture server, as the planet runs it in production: the real
 * {@link Callisto} (SQLite, fetcher, parser, sanitizer, refresher) against {@link ManyAddressFeedServer}, which
 * spreads the feeds over 200 loopback addresses with 50 to 300 ms of latency each.
 *
 * <p>Subscribes the feeds in a fresh data directory, runs a warm-up round (every feed answers 200: fills the
 * database and gives every feed its validators), then the measured round (87 % 304, 10 % changed, 3 % errors).
 * Prints wall time, feeds/s, entries/s, outcome counts, heap and RSS for each round, and compares the measured
 * round with the goal of 60 s. Not a unit test: run it with {@code bin/bench-refresh}.
 *
 * <p>Options: {@code --feeds N} (10000), {@code --hosts N} (200), {@code --concurrency N} (64),
 * {@code --per-host N} (2), {@code --data-dir DIR} (a fresh directory under target/), {@code --keep} (keep it),
 * {@code --database postgres} (a throw-away local PostgreSQL cluster instead of SQLite).
 * The fixture server runs as a child process that ends with this one, or after 15 minutes at most.
 */
public final class RefreshBenchmark {

    static final Duration GOAL = Duration.ofSeconds(60);

    private RefreshBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int feedCount = Integer.parseInt(opts.getOrDefault("feeds", "10000"));
        int hosts = Integer.parseInt(opts.getOrDefault("hosts", "200"));
        String concurrency = opts.getOrDefault("concurrency", "64");
        String perHost = opts.getOrDefault("per-host", "2");
        Path dataDir = opts.containsKey("data-dir")
                ? Path.of(opts.get("data-dir"))
                : Path.of("target", "bench-refresh", "run-" + System.currentTimeMillis());
        if (Files.exists(dataDir) && Files.list(dataDir).findAny().isPresent()) {
            throw new IllegalArgumentException(dataDir + " is not empty; the benchmark needs a fresh data directory");
        }

        Process server = startServer(feedCount, hosts);
        try {
            int port = awaitPort(server);
            run(feedCount, hosts, port, concurrency, perHost, dataDir, "postgres".equals(opts.get("database")));
        } finally {
            server.getOutputStream().close(); // end of input stops the server
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            if (!opts.containsKey("keep")) {
                deleteTree(dataDir);
            }
        }
    }

    private static void run(
            int feedCount, int hosts, int port, String concurrency, String perHost, Path dataDir, boolean postgres)
            throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of(
                "data.dir",
                dataDir.toString(),
                "site.url",
                "https://planet.example.org/",
                "fetch.allow_loopback",
                "true",
                "fetch.concurrency",
                concurrency,
                "fetch.per_host",
                perHost,
                "fetch.read_timeout",
                "3s"));
        if (postgres) {
            // A throw-away cluster (fsync off), stopped when this JVM exits; see TestDatabases.
            settings.put("database.url", TestDatabases.postgresUrl());
            settings.put("database.user", "postgres");
        }
        Config config = ConfigLoader.of(settings);
        FixtureFeeds fixture = new FixtureFeeds(feedCount, hosts, port, null);
        HeapWatch heap = HeapWatch.start();
        System.out.printf(
                "Refresh benchmark: %d feeds on %d loopback addresses (127.0.0.2-127.0.0.%d), port %d%n",
                feedCount, hosts, hosts + 1, port);
        System.out.printf(
                "JVM %s, %d cores, max heap %d MiB; fetch.concurrency=%s fetch.per_host=%s"
                        + " fetch.read_timeout=3s; database %s%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                concurrency,
                perHost,
                postgres ? config.databaseUrl() : config.databaseUrl() + " in " + dataDir.toAbsolutePath());

        try (Callisto runtime = Callisto.open(config)) {
            SubscriptionStore store = runtime.subscriptions();
            long t0 = System.nanoTime();
            for (int i = 0; i < feedCount; i++) {
                store.addFeed(fixture.url(i), null, null);
            }
            System.out.printf("subscribed %d feeds in %.1f s%n", feedCount, (System.nanoTime() - t0) / 1e9);
            serverStats(port); // reset the server's maxima
            System.out.printf("load average (1, 5, 15 min) before the rounds: %s%n", loadAverage());

            List<Feed> feeds = bySubscription(store);
            RefreshRound.Summary warm = round("warm-up", runtime.round(), feeds, heap, port);
            long entries = runtime.entries().countEntries();
            System.out.printf(
                    "  entries stored: %d (%.0f entries/s over the round)%s%n",
                    entries,
                    warm.added() / seconds(warm.elapsed()),
                    postgres ? "" : String.format("; database %.0f MiB", dbSize(dataDir) / 1048576.0));

            feeds = bySubscription(store);
            RefreshRound.Summary measured = round("measured", runtime.round(), feeds, heap, port);
            Duration t = measured.elapsed();
            System.out.printf(
                    "%nmeasured round: %.1f s for %d feeds, %.0f feeds/s; goal %d s: %s%n",
                    seconds(t),
                    feedCount,
                    feedCount / seconds(t),
                    GOAL.toSeconds(),
                    (t.compareTo(GOAL) <= 0 ? "met" : "NOT met")
                            + (feedCount == 10_000 ? "" : " (the goal is for 10,000 feeds)"));
            System.out.printf(
                    "peak heap used %d MiB (live after GC at most %d MiB) of %d MiB; peak RSS %d MiB%n",
                    heap.peakUsed() >> 20,
                    heap.peakAfterGc() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20,
                    procStatus("VmHWM") >> 20);
        } finally {
            heap.stop();
        }
    }

    private static RefreshRound.Summary round(
            String name, RefreshRound round, List<Feed> feeds, HeapWatch heap, int port) {
        heap.reset();
        GcTotals gc0 = GcTotals.now();
        long cpu0 = processCpuNanos();
        Map<RefreshOutcome.Kind, Integer> kinds = new EnumMap<>(RefreshOutcome.Kind.class);
        Map<String, Integer> reasons = new HashMap<>();
        RefreshRound.Summary s = round.run(feeds, o -> {
            synchronized (kinds) {
                kinds.merge(o.kind(), 1, Integer::sum);
                if (o.message() != null) {
                    reasons.merge(reasonOf(o.message()), 1, Integer::sum);
                }
            }
        });
        GcTotals gc = GcTotals.now().minus(gc0);
        double secs = seconds(s.elapsed());
        System.out.printf("%n%s round: %s%n", name, s);
        System.out.printf("  %.0f feeds/s; outcomes %s%n", feeds.size() / secs, kinds);
        if (!reasons.isEmpty()) {
            System.out.printf("  failures by kind: %s%n", reasons);
        }
        System.out.printf(
                "  CPU %.1f s (%.0f %% of 2 cores); GC %d collections, %d ms%n",
                (processCpuNanos() - cpu0) / 1e9,
                100.0 * (processCpuNanos() - cpu0) / 1e9 / secs / 2,
                gc.count,
                gc.millis);
        System.out.printf(
                "  heap: peak used %d MiB, live after GC at most %d MiB; RSS now %d MiB, peak %d MiB%n",
                heap.peakUsed() >> 20, heap.peakAfterGc() >> 20, procStatus("VmRSS") >> 20, procStatus("VmHWM") >> 20);
        System.out.printf("  fixture server: %s%n", serverStats(port));
        System.out.printf("  load average (1, 5, 15 min) at the end: %s%n", loadAverage());
        return s;
    }

    /** The first words of a failure message, to group failures by kind. */
    private static String reasonOf(String message) {
        int from = message.indexOf("HTTP ");
        if (from >= 0) {
            int end = message.indexOf(" from ", from);
            return message.substring(from, end > from ? end : Math.min(message.length(), from + 24));
        }
        String m = message.replaceAll("https?://\\S+", "URL");
        return m.length() > 60 ? m.substring(0, 60) : m;
    }

    private static List<Feed> bySubscription(SubscriptionStore store) {
        List<Feed> feeds = new ArrayList<>(store.feeds());
        feeds.sort(Comparator.comparingLong(Feed::id));
        return feeds;
    }

    // ---- the fixture server process

    private static Process startServer(int feeds, int hosts) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(
                java.toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "-Dcallisto.corpora="
                        + (FixtureFeeds.corpora() == null
                                ? ""
                                : FixtureFeeds.corpora().toAbsolutePath()),
                ManyAddressFeedServer.class.getName(),
                Integer.toString(feeds),
                Integer.toString(hosts),
                "900");
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        return pb.start();
    }

    private static int awaitPort(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("PORT ")) {
            throw new IllegalStateException("the fixture server did not start: " + line);
        }
        String[] parts = line.split(" ");
        System.out.println("fixture server up; real feed files served: "
                + (parts.length > 3 && !parts[3].isEmpty() ? parts[3] : "none (corpora not found)"));
        return Integer.parseInt(parts[1]);
    }

    private static String serverStats(int port) {
        try (HttpClient c = HttpClient.newHttpClient()) {
            HttpResponse<String> r = c.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.2:" + port + "/stats"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.body();
        } catch (IOException | InterruptedException e) {
            return "unavailable (" + e + ")";
        }
    }

    // ---- measurements

    /** The first three fields of /proc/loadavg: other processes on the machine skew every figure here. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime();
    }

    /** A field of /proc/self/status in bytes (VmRSS, VmHWM), or -1 where there is no /proc. */
    static long procStatus(String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith(field + ":"))
                    .findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
                    .orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long dbSize(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    private record GcTotals(long count, long millis) {
        static GcTotals now() {
            long n = 0;
            long ms = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                n += Math.max(0, gc.getCollectionCount());
                ms += Math.max(0, gc.getCollectionTime());
            }
            return new GcTotals(n, ms);
        }

        GcTotals minus(GcTotals o) {
            return new GcTotals(count - o.count, millis - o.millis);
        }
    }

    /**
     * Heap figures: the highest heap use seen by sampling every 10 ms (garbage included, so it mostly shows how far
     * the collector lets the heap fill), and the highest heap use right after a collection (the live data).
     */
    static final class HeapWatch {
        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakAfterGc = new AtomicLong();
        private final Thread sampler;
        private final List<Runnable> unsubscribe = new ArrayList<>();
        private volatile boolean running = true;

        private HeapWatch() {
            sampler = Thread.ofPlatform().daemon().name("heap-sampler").unstarted(() -> {
                while (running) {
                    MemoryUsage u = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                    peakUsed.accumulateAndGet(u.getUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            NotificationListener listener = (n, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                    return;
                }
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long before = 0;
                long after = 0;
                for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (isHeapPool(e.getKey())) {
                        after += e.getValue().getUsed();
                        before += info.getGcInfo()
                                .getMemoryUsageBeforeGc()
                                .get(e.getKey())
                                .getUsed();
                    }
                }
                peakUsed.accumulateAndGet(before, Math::max);
                peakAfterGc.accumulateAndGet(after, Math::max);
            };
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(listener, null, null);
                    unsubscribe.add(() -> {
                        try {
                            emitter.removeNotificationListener(listener);
                        } catch (Exception e) {
                            // already gone
                        }
                    });
                }
            }
        }

        private static boolean isHeapPool(String pool) {
            return ManagementFactory.getMemoryPoolMXBeans().stream()
                    .anyMatch(p -> p.getName().equals(pool) && p.getType() == java.lang.management.MemoryType.HEAP);
        }

        static HeapWatch start() {
            HeapWatch w = new HeapWatch();
            w.sampler.start();
            return w;
        }

        void reset() {
            peakUsed.set(0);
            peakAfterGc.set(0);
        }

        long peakUsed() {
            return peakUsed.get();
        }

        long peakAfterGc() {
            return peakAfterGc.get();
        }

        void stop() {
            running = false;
            sampler.interrupt();
            unsubscribe.forEach(Runnable::run);
        }
    }

    // ---- plumbing

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'; options are --feeds N --hosts N"
                        + " --concurrency N --per-host N --data-dir DIR --keep --database sqlite|postgres");
            }
            String key = a.substring(2);
            if (key.equals("keep")) {
                out.put(key, "true");
            } else if (i + 1 < args.length) {
                out.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException(a + " needs a value");
            }
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
