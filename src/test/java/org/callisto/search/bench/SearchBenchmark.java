package org.callisto.search.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.callisto.planet.EntryDetails;
import org.callisto.planet.EntryIdentity;
import org.callisto.planet.EntryRow;
import org.callisto.planet.EntryStore;
import org.callisto.planet.Feed;
import org.callisto.planet.SubscriptionStore;
import org.callisto.search.SearchOrder;
import org.callisto.search.SearchRequest;
import org.callisto.search.SearchService;

/**
 * Search on both databases in one run (run by {@code bin/bench-search}): builds N generated planet entries with
 * their search documents by batched inserts (titles of 4 to 9 words, bodies of 60 to 200 words drawn from a
 * Zipf-like vocabulary, so "linux" is in about a third of them and "zeppelin" in about one in ten thousand), then
 * measures query latency (p50, p99 over repeated searches through {@link SearchService}, snippets included) for a
 * common and a rare word, newest and best first, and the cost of storing an entry through {@link EntryStore} (with
 * its search document, in the same transaction) against inserting the same row without one.
 */
public final class SearchBenchmark {
    private static final String[] WORDS = words();
    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<String> kinds = args.length > 1 ? Arrays.asList(args[1].split(",")) : List.of("sqlite", "postgres");
        int queries = Integer.getInteger("bench.queries", 200);
        System.out.printf(Locale.ROOT, "search benchmark: %,d entries, %d queries per case%n", n, queries);
        for (String kind : kinds) {
            try (Database db = TestDatabases.open(kind)) {
                run(kind, db, n, queries);
            }
        }
    }

    private static void run(String kind, Database db, int n, int queries) throws Exception {
        Clock clock = Clock.systemUTC();
        Feed feed = new SubscriptionStore(db, clock).addFeed("https://bench.example/feed", "Bench", List.of("Linux"));
        long t0 = System.nanoTime();
        SplittableRandom random = new SplittableRandom(42);
        int batch = 2_000;
        for (int done = 0; done < n; done += batch) {
            int from = done;
            int size = Math.min(batch, n - done);
            db.inTransaction(c -> {
                insert(c, feed.id(), from, size, random, true);
                return null;
            });
        }
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        if (kind.equals("postgres")) {
            db.withConnection(c -> c.createStatement().execute("VACUUM ANALYZE search_documents"));
        }
        System.out.printf(
                Locale.ROOT,
                "%n[%s] built %,d entries with search documents in %.1f s (%,.0f a second)%n",
                kind,
                n,
                buildSeconds,
                n / buildSeconds);

        SearchService search = new SearchService(db, clock);
        for (String word : List.of("linux", "zeppelin")) {
            for (SearchOrder order : SearchOrder.values()) {
                SearchRequest request = new SearchRequest(word, java.util.Set.of(), null, null, null, null, order, 1);
                for (int i = 0; i < 10; i++) {
                    search.search(request); // warm-up
                }
                long[] nanos = new long[queries];
                int hits = 0;
                for (int i = 0; i < queries; i++) {
                    long s = System.nanoTime();
                    hits = search.search(request).hits().size();
                    nanos[i] = System.nanoTime() - s;
                }
                Arrays.sort(nanos);
                System.out.printf(
                        Locale.ROOT,
                        "[%s] %-8s %-6s p50 %6.1f ms  p99 %6.1f ms  (%d hits on page 1)%n",
                        kind,
                        word,
                        order.key(),
                        nanos[queries / 2] / 1e6,
                        nanos[(int) (queries * 0.99) - 1] / 1e6,
                        hits);
            }
        }

        int m = 2_000;
        long with = timeInserts(db, feed.id(), n, m, true);
        long without = timeInserts(db, feed.id(), n + m, m, false);
        System.out.printf(
                Locale.ROOT,
                "[%s] batched insert of an entry: %.0f µs with its search document, %.0f µs without%n",
                kind,
                with / 1e3 / m,
                without / 1e3 / m);
        EntryStore entries = new EntryStore(db, clock);
        Feed other = new SubscriptionStore(db, clock).addFeed("https://bench.example/other", "Other", List.of());
        int stored = 1_000;
        long s = System.nanoTime();
        for (int i = 0; i < stored; i += 50) {
            List<EntryRow> rows = new ArrayList<>();
            for (int j = i; j < i + 50; j++) {
                String title = text(random, 4, 9);
                String html = "<p>" + text(random, 60, 200) + "</p>";
                rows.add(new EntryRow(
                        "s" + j,
                        "s" + j,
                        "https://bench.example/s" + j,
                        title,
                        "Bench",
                        html,
                        null,
                        List.of(),
                        null,
                        null,
                        -1,
                        null,
                        START.plusSeconds(j),
                        null,
                        EntryIdentity.sha256(title, html),
                        EntryDetails.NONE,
                        null));
            }
            entries.storeEntries(other.id(), rows, Instant.now());
        }
        System.out.printf(
                Locale.ROOT,
                "[%s] EntryStore.storeEntries, 50 a feed: %.0f µs an entry, search document included%n",
                kind,
                (System.nanoTime() - s) / 1e3 / stored);
    }

    private static long timeInserts(Database db, long feedId, int from, int m, boolean withDocuments) {
        SplittableRandom random = new SplittableRandom(7);
        long s = System.nanoTime();
        for (int done = 0; done < m; done += 500) {
            int start = from + done;
            db.inTransaction(c -> {
                insert(c, feedId, start, 500, random, withDocuments);
                return null;
            });
        }
        return System.nanoTime() - s;
    }

    private static void insert(Connection c, long feedId, int from, int size, SplittableRandom random, boolean docs)
            throws java.sql.SQLException {
        try (PreparedStatement e = c.prepareStatement("INSERT INTO entries (feed_id, entry_key, link, title, author,"
                        + " content_html, published_at, first_seen_at, content_hash) VALUES (?,?,?,?,?,?,?,?,?)"
                        + " RETURNING id");
                PreparedStatement d = c.prepareStatement(
                        "INSERT INTO search_documents (kind, ref_id, part, feed_id,"
                                + " path, title, body, author, published_at) VALUES ('entry', ?, 'planet', ?, ?, ?, ?, ?, ?)")) {
            for (int i = from; i < from + size; i++) {
                String title = text(random, 4, 9);
                String body = text(random, 60, 200);
                long at = START.plusSeconds(i * 60L).toEpochMilli();
                e.setLong(1, feedId);
                e.setString(2, "e" + i);
                e.setString(3, "https://bench.example/" + i);
                e.setString(4, title);
                e.setString(5, "Bench");
                e.setString(6, "<p>" + body + "</p>");
                e.setLong(7, at);
                e.setLong(8, at);
                e.setString(9, Integer.toHexString(i));
                long id;
                try (var rs = e.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                if (docs) {
                    d.setLong(1, id);
                    d.setLong(2, feedId);
                    d.setString(3, "/entries/" + id);
                    d.setString(4, title);
                    d.setString(5, body);
                    d.setString(6, "Bench");
                    d.setLong(7, at);
                    d.addBatch();
                }
            }
            if (docs) {
                d.executeBatch();
            }
        }
    }

    /** Between {@code min} and {@code max} words, Zipf-like: the first words of the vocabulary are the commonest. */
    private static String text(SplittableRandom random, int min, int max) {
        int count = random.nextInt(min, max + 1);
        StringBuilder b = new StringBuilder(count * 7);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                b.append(' ');
            }
            // rank = floor(V^u) gives a 1/rank distribution over V words
            int rank = (int) Math.floor(Math.pow(WORDS.length, random.nextDouble())) - 1;
            b.append(WORDS[Math.min(rank, WORDS.length - 1)]);
        }
        return b.toString();
    }

    /** A vocabulary of 50,000 words: real ones first ("linux" common), "zeppelin" far down, the rest made up. */
    private static String[] words() {
        String[] real = {
            "the",
            "of",
            "and",
            "to",
            "in",
            "linux",
            "kernel",
            "release",
            "freebsd",
            "package",
            "update",
            "system",
            "project",
            "community",
            "security",
            "support",
            "driver",
            "network",
            "file",
            "code"
        };
        String[] w = new String[50_000];
        System.arraycopy(real, 0, w, 0, real.length);
        SplittableRandom r = new SplittableRandom(1);
        for (int i = real.length; i < w.length; i++) {
            StringBuilder b = new StringBuilder();
            int len = r.nextInt(4, 11);
            for (int j = 0; j < len; j++) {
                b.append((char) ('a' + r.nextInt(26)));
            }
            w[i] = b.toString();
        }
        w[20_000] = "zeppelin";
        return w;
    }
}
