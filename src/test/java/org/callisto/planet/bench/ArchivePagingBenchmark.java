package org.callisto.planet.bench;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.callisto.planet.Entry;
import org.callisto.planet.EntryCursor;
import org.callisto.planet.EntryList;
import org.callisto.planet.EntryStore;

/**
 * The cost of a deep page of a large river, by {@code OFFSET} (how pages were asked for before) and by keyset (how
 * they are now), on a real SQLite file and a real PostgreSQL database. Fills the river with batched inserts (three
 * entries share each publication time, so the id tie-break is exercised), then times page 1, page 1,000 and a page
 * near the end of the river with each method: the median of many runs after a warm-up, in milliseconds. Run by
 * {@code bin/bench-archive}; usage: {@code ArchivePagingBenchmark [entries] [sqlite|postgres ...]}. Not thread-safe
 * (a command-line program).
 */
public final class ArchivePagingBenchmark {
    private static final int PAGE = 30;
    private static final int FEEDS = 200;
    private static final int BATCH = 5_000;
    private static final Instant NEWEST = Instant.parse("2026-06-01T00:00:00Z");

    private ArchivePagingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        List<String> kinds =
                args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of("sqlite", "postgres");
        System.out.printf("river of %,d entries, %d a page; median milliseconds a page%n", entries, PAGE);
        System.out.printf("%-9s %-8s %10s %10s %10s%n", "database", "method", "page 1", "page 1000", "last page");
        for (String kind : kinds) {
            try (Database db = TestDatabases.open(kind)) {
                long t0 = System.nanoTime();
                fill(db, entries);
                System.err.printf("%s: filled in %.1f s%n", kind, (System.nanoTime() - t0) / 1e9);
                EntryStore store = new EntryStore(db, Clock.fixed(NEWEST, ZoneOffset.UTC));
                EntryList river = EntryList.river();
                int lastPage = (entries + PAGE - 1) / PAGE;
                int[] pages = {1, Math.min(1000, lastPage), lastPage};
                double[] offset = new double[3];
                double[] keyset = new double[3];
                for (int i = 0; i < 3; i++) {
                    int skip = (pages[i] - 1) * PAGE;
                    offset[i] = median(() -> store.page(river, skip, PAGE));
                    // the place the page before it ends at, as its "older" link carries it
                    EntryCursor before = skip == 0
                            ? null
                            : EntryCursor.of(store.page(river, skip - 1, 1).getFirst());
                    List<Entry> byOffset = store.page(river, skip, PAGE);
                    List<Entry> byKeyset = store.older(river, before, PAGE);
                    if (!byOffset.equals(byKeyset)) {
                        throw new IllegalStateException("page " + pages[i] + " differs between offset and keyset");
                    }
                    keyset[i] = median(() -> store.older(river, before, PAGE));
                }
                System.out.printf("%-9s %-8s %10.2f %10.2f %10.2f%n", kind, "OFFSET", offset[0], offset[1], offset[2]);
                System.out.printf("%-9s %-8s %10.2f %10.2f %10.2f%n", kind, "keyset", keyset[0], keyset[1], keyset[2]);
            }
        }
    }

    /** The median time of one call, in milliseconds, after a warm-up. */
    private static double median(Supplier<List<Entry>> page) {
        for (int i = 0; i < 10; i++) {
            page.get();
        }
        double[] ms = new double[31];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            if (page.get().size() == 0) {
                throw new IllegalStateException("an empty page");
            }
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    /** {@code entries} entries over {@link #FEEDS} feeds, three to a publication time, in batches. */
    private static void fill(Database db, int entries) {
        db.inTransaction(c -> {
            List<Long> feeds = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO feeds (url, name, created_at) VALUES (?, ?, ?) RETURNING id")) {
                for (int f = 0; f < FEEDS; f++) {
                    ps.setString(1, "https://feed" + f + ".example.org/atom.xml");
                    ps.setString(2, "Feed " + f);
                    ps.setLong(3, NEWEST.toEpochMilli());
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        feeds.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO entries (feed_id, entry_key, link, title,"
                    + " summary_html, published_at, first_seen_at, content_hash) VALUES (?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < entries; i++) {
                    long published = NEWEST.toEpochMilli() - (i / 3) * 60_000L;
                    ps.setLong(1, feeds.get(i % FEEDS));
                    ps.setString(2, "entry-" + i);
                    ps.setString(3, "https://feed" + (i % FEEDS) + ".example.org/" + i);
                    ps.setString(4, "Entry number " + i);
                    ps.setString(5, "<p>The summary of entry " + i + ", a sentence or two long as most are.</p>");
                    ps.setLong(6, published);
                    ps.setLong(7, published);
                    ps.setString(8, Integer.toHexString(i));
                    ps.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
        db.withConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            return null;
        });
    }
}
