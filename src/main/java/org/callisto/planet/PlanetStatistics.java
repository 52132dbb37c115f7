package org.callisto.planet;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * Figures about the planet as a whole, for the archive and subscription pages: the time range of its entries,
 * entries per period, per feed and per week, and the latest fetch. Read-only. Thread-safe: every method borrows
 * its own connection from the pool.
 */
public final class PlanetStatistics {
    private final Database db;

    public PlanetStatistics(Database db) {
        this.db = db;
    }

    /** The publication times of the oldest and newest entries, or empty when there are none. */
    public Optional<Instant[]> entryTimeRange() {
        return db.withConnection(c -> Sql.first(c, "SELECT MIN(published_at), MAX(published_at) FROM entries", rs -> {
                    Instant min = Sql.instant(rs, 1);
                    return min == null
                            ? Optional.<Instant[]>empty()
                            : Optional.of(new Instant[] {min, Instant.ofEpochMilli(rs.getLong(2))});
                })
                .flatMap(range -> range));
    }

    /**
     * Counts entries in consecutive periods: {@code bounds} are ascending instants, and the result holds the count
     * for each {@code [bounds[i], bounds[i + 1])}.
     */
    public long[] countEntriesIn(List<Instant> bounds) {
        return db.withConnection(c -> {
            long[] out = new long[Math.max(0, bounds.size() - 1)];
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT COUNT(*) FROM entries WHERE published_at >= ? AND published_at < ?")) {
                for (int i = 0; i < out.length; i++) {
                    Sql.bind(ps, bounds.get(i), bounds.get(i + 1));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        out[i] = rs.getLong(1);
                    }
                }
            }
            return out;
        });
    }

    /** The latest fetch attempt of any feed, or {@link Instant#EPOCH} before the first. */
    public Instant lastFetch() {
        return db.withConnection(
                c -> Sql.first(c, "SELECT MAX(last_fetch_at) FROM feeds", rs -> Instant.ofEpochMilli(rs.getLong(1)))
                        .orElse(Instant.EPOCH));
    }

    /** Entries per week for every feed, averaged over the {@code weeks} weeks before {@code now}. */
    public Map<Long, Double> entriesPerWeek(Instant now, int weeks) {
        Instant since = now.minusSeconds(weeks * 7L * 86400);
        return db.withConnection(c -> {
            Map<Long, Double> out = new HashMap<>();
            for (FeedCount fc : Sql.list(
                    c,
                    "SELECT feed_id, COUNT(*) FROM entries WHERE published_at >= ?" + " GROUP BY feed_id",
                    PlanetStatistics::feedCount,
                    since)) {
                out.put(fc.feedId(), fc.count() / (double) weeks);
            }
            return out;
        });
    }

    /** How many entries each feed holds, by feed id; feeds without any are left out. */
    public Map<Long, Long> entryCountsByFeed() {
        return db.withConnection(c -> {
            Map<Long, Long> out = new HashMap<>();
            for (FeedCount fc : Sql.list(
                    c, "SELECT feed_id, COUNT(*) FROM entries GROUP BY feed_id", PlanetStatistics::feedCount)) {
                out.put(fc.feedId(), fc.count());
            }
            return out;
        });
    }

    /** How many entries one feed has in some set. */
    private record FeedCount(long feedId, long count) {}

    private static FeedCount feedCount(ResultSet rs) throws SQLException {
        return new FeedCount(rs.getLong(1), rs.getLong(2));
    }
}
