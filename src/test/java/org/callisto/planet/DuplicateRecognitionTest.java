package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callisto.db.Database;
import org.callisto.db.Sql;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of recognising one post across feeds, measured on {@link CrossPostCorpus} stored through the
 * real {@link EntryStore} in SQLite, over every pair of stored entries. Prints the figures (docs/planet.md quotes
 * them) and the SimHash distance sweep that chose {@link PostKeys#MAX_DISTANCE}.
 */
class DuplicateRecognitionTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void crossPostsAreOnePostAndDistinctPostsOnTheSameTopicAreNot() {
        List<CrossPostCorpus.Item> items = CrossPostCorpus.build(NOW.minusSeconds(3600L * 24 * 400));
        try (Database db = TestDatabases.open("sqlite")) {
            SubscriptionStore subscriptions = new SubscriptionStore(db, CLOCK);
            EntryStore store = new EntryStore(db, CLOCK);
            Map<String, Long> feeds = new HashMap<>();
            Map<String, Integer> labels = new HashMap<>();
            for (CrossPostCorpus.Item item : items) {
                long feed = feeds.computeIfAbsent(
                        item.feed(),
                        url -> subscriptions.addFeed(url, url, List.of()).id());
                store.storeEntries(feed, List.of(item.row()), NOW);
                labels.put(feed + " " + item.row().entryKey(), item.label());
            }
            Map<Long, long[]> stored = new LinkedHashMap<>(); // entry id -> {label, post}
            db.withConnection(c -> {
                for (Object[] r : Sql.list(
                        c,
                        "SELECT e.id, e.feed_id, e.entry_key, p.post_id FROM entries e"
                                + " JOIN entry_posts p ON p.entry_id = e.id",
                        rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4)})) {
                    stored.put((Long) r[0], new long[] {labels.get(r[1] + " " + r[2]), (Long) r[3]});
                }
                return null;
            });
            assertThat(stored).hasSize(items.size());
            long tp = 0;
            long fp = 0;
            long fn = 0;
            List<long[]> rows = new ArrayList<>(stored.values());
            for (int i = 0; i < rows.size(); i++) {
                for (int j = i + 1; j < rows.size(); j++) {
                    boolean same = rows.get(i)[0] == rows.get(j)[0];
                    boolean merged = rows.get(i)[1] == rows.get(j)[1];
                    tp += same && merged ? 1 : 0;
                    fp += !same && merged ? 1 : 0;
                    fn += same && !merged ? 1 : 0;
                }
            }
            double precision = tp / (double) Math.max(1, tp + fp);
            double recall = tp / (double) Math.max(1, tp + fn);
            System.out.printf(
                    "duplicate recognition: %d entries, %d originals; pairs tp=%d fp=%d fn=%d;"
                            + " precision=%.4f recall=%.4f%n",
                    items.size(), CrossPostCorpus.originals().size(), tp, fp, fn, precision, recall);
            sweep(items);
            assertThat(tp).isPositive();
            assertThat(precision).isGreaterThanOrEqualTo(0.99);
            // measured 0.942: the misses are very short posts copied with new links and ids, and trimmed copies
            // more than MAX_DISTANCE bits away or sharing no band (docs/planet.md)
            assertThat(recall).isGreaterThanOrEqualTo(0.93);
        }
    }

    /** Precision and recall of the SimHash alone by Hamming distance, over pairs of entries from different feeds. */
    private static void sweep(List<CrossPostCorpus.Item> items) {
        List<Long> hashes = new ArrayList<>();
        List<CrossPostCorpus.Item> with = new ArrayList<>();
        for (CrossPostCorpus.Item item : items) {
            Long h = PostKeys.simHash(item.row().summaryHtml());
            if (h != null) {
                hashes.add(h);
                with.add(item);
            }
        }
        for (int t = 0; t <= 12; t += 1) {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            for (int i = 0; i < with.size(); i++) {
                for (int j = i + 1; j < with.size(); j++) {
                    if (with.get(i).feed().equals(with.get(j).feed())) {
                        continue;
                    }
                    boolean same = with.get(i).label() == with.get(j).label();
                    boolean near = PostKeys.distance(hashes.get(i), hashes.get(j)) <= t;
                    tp += same && near ? 1 : 0;
                    fp += !same && near ? 1 : 0;
                    fn += same && !near ? 1 : 0;
                }
            }
            System.out.printf(
                    "simhash alone, distance <= %2d: precision=%.4f recall=%.4f (tp=%d fp=%d fn=%d)%n",
                    t, tp / (double) Math.max(1, tp + fp), tp / (double) Math.max(1, tp + fn), tp, fp, fn);
        }
    }
}
