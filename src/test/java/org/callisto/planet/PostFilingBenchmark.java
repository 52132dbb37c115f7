package org.callisto.planet;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;

/**
 * The cost of recognising copies when an entry is stored: the keys of an entry (canonical link, ids, SimHash) alone,
 * and a whole stored entry (one feed refresh storing one new entry, filed among {@code n} stored ones) on SQLite,
 * in microseconds an entry. Run by {@code bin/bench-dedupe}; usage: {@code PostFilingBenchmark [entries]}. Not
 * thread-safe (a command-line program).
 */
public final class PostFilingBenchmark {
    private PostFilingBenchmark() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        List<String> texts = CrossPostCorpus.originals();
        Instant now = Instant.parse("2026-11-20T12:00:00Z");
        List<EntryRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String html = CrossPostCorpus.html(texts.get(i % texts.size()) + " Post number " + i + ".");
            String link = "https://blog" + (i % 50) + ".example.org/posts/" + i + "/?utm_source=rss";
            rows.add(new EntryRow(
                    "g" + i,
                    link,
                    link,
                    "Post " + i,
                    "Ann",
                    html,
                    null,
                    List.of(),
                    null,
                    null,
                    -1,
                    null,
                    now.minusSeconds(n - i),
                    null,
                    EntryIdentity.sha256(html),
                    EntryDetails.NONE,
                    null));
        }
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (EntryRow r : rows) {
                PostStore.Keys.of(r, "https://blog.example.org/feed");
            }
            System.out.printf("keys of an entry: %.1f µs%n", (System.nanoTime() - t0) / 1e3 / n);
        }
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        try (Database db = TestDatabases.open("sqlite")) {
            SubscriptionStore subscriptions = new SubscriptionStore(db, clock);
            EntryStore store = new EntryStore(db, clock);
            List<Long> feeds = new ArrayList<>();
            for (int f = 0; f < 50; f++) {
                feeds.add(subscriptions
                        .addFeed("https://blog" + f + ".example.org/feed", "F" + f, List.of())
                        .id());
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                store.storeEntries(feeds.get(i % 50), List.of(rows.get(i)), now);
                if ((i + 1) % (n / 4) == 0) {
                    System.out.printf(
                            "stored %,d entries: %.1f µs an entry so far (SQLite, one entry a transaction)%n",
                            i + 1, (System.nanoTime() - t0) / 1e3 / (i + 1));
                }
            }
        }
    }
}
