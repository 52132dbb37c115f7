package org.callisto.show;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callisto.db.Database;
import org.callisto.db.Sql;
import org.callisto.show.media.DownloadCounter;

/**
 * The SQL of the counted downloads: {@code download_days} (per media path, UTC day and podcast app) and
 * {@code download_listeners} (the listener hashes of the last 24 hours, by which a second download of the same
 * episode by the same listener within 24 hours is not counted). Adding counts does not move the show's change
 * time: no page or feed for readers shows them. Thread-safe: every method borrows its own connection from the
 * pool; the de-duplication is one atomic statement per download, so several nodes count together.
 */
public final class DownloadStore {
    private final Database db;

    public DownloadStore(Database db) {
        this.db = db;
    }

    /** Downloads per UTC day, for charts. */
    public record DayCount(LocalDate day, long downloads) {}

    /** Downloads per podcast app, for charts. */
    public record AppCount(String app, long downloads) {}

    /**
     * Stores downloads that reached the minute, in one transaction: each counts unless the same listener (under
     * the day's key or the previous day's) was counted for the same episode in the 24 hours before it. Returns how
     * many counted.
     */
    public int addDownloads(List<DownloadCounter.Counted> downloads) {
        if (downloads.isEmpty()) {
            return 0;
        }
        return db.inTransaction(c -> {
            Map<String, String> episodes = new HashMap<>();
            Map<List<String>, Long> counts = new HashMap<>();
            int added = 0;
            for (DownloadCounter.Counted d : downloads) {
                String episode = episodes.computeIfAbsent(d.file(), f -> episodeOf(c, f));
                long since = d.at().toEpochMilli() - DownloadCounter.WINDOW.toMillis();
                if (d.previousListener() != null
                        && Sql.first(
                                        c,
                                        "SELECT 1 FROM download_listeners WHERE listener = ? AND episode = ?"
                                                + " AND counted_at > ?",
                                        rs -> 1,
                                        d.previousListener(),
                                        episode,
                                        since)
                                .isPresent()) {
                    continue;
                }
                int changed = Sql.update(
                        c,
                        "INSERT INTO download_listeners (listener, episode, counted_at) VALUES (?, ?, ?)"
                                + " ON CONFLICT (listener, episode) DO UPDATE SET counted_at = excluded.counted_at"
                                + " WHERE download_listeners.counted_at <= ?",
                        d.listener(),
                        episode,
                        d.at().toEpochMilli(),
                        since);
                if (changed == 0) {
                    continue;
                }
                added++;
                String day = LocalDate.ofInstant(d.at(), ZoneOffset.UTC).toString();
                counts.merge(List.of(d.file(), day, d.app()), 1L, Long::sum);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO download_days (media_path, day, app, downloads)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (media_path, day, app) DO UPDATE SET"
                    + " downloads = download_days.downloads + excluded.downloads")) {
                for (Map.Entry<List<String>, Long> e : counts.entrySet()) {
                    List<String> k = e.getKey();
                    Sql.bind(ps, k.get(0), k.get(1), k.get(2), e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return added;
        });
    }

    /** The episode a media file belongs to, as the de-duplication names it: its id, or the file when none. */
    private static String episodeOf(Connection c, String file) {
        try {
            return Sql.first(
                            c,
                            "SELECT episode_id FROM renditions WHERE media_path = ?",
                            rs -> "episode:" + rs.getLong(1),
                            file)
                    .orElse("file:" + file);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rendition of " + file + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the listener hashes counted more than 24 hours before {@code nowMillis}; returns how many. */
    public int purgeListeners(long nowMillis) {
        return db.withConnection(c -> Sql.update(
                c,
                "DELETE FROM download_listeners WHERE counted_at <= ?",
                nowMillis - DownloadCounter.WINDOW.toMillis()));
    }

    /**
     * The downloads of every rendition, newest episode first, then in {@link RenditionKind} order: all stored
     * days, and the days from {@code since} (UTC) on.
     */
    public List<EpisodeDownloads> downloads(LocalDate since) {
        List<EpisodeDownloads> list = new ArrayList<>(db.withConnection(c -> Sql.list(
                c,
                "SELECT e.number, e.title,"
                        + " r.kind, r.media_path, COALESCE(SUM(d.downloads), 0),"
                        + " COALESCE(SUM(CASE WHEN d.day >= ? THEN d.downloads ELSE 0 END), 0)"
                        + " FROM episodes e JOIN renditions r ON r.episode_id = e.id"
                        + " LEFT JOIN download_days d ON d.media_path = r.media_path"
                        + " GROUP BY e.number, e.title, r.kind, r.media_path",
                rs -> new EpisodeDownloads(
                        rs.getInt(1),
                        rs.getString(2),
                        RenditionKind.of(rs.getString(3)),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6)),
                since.toString())));
        list.sort(Comparator.comparingInt(EpisodeDownloads::number).reversed().thenComparing(EpisodeDownloads::kind));
        return list;
    }

    /**
     * Downloads per UTC day from {@code since} to {@code until} (both included), every day listed (zero when
     * nothing was counted): of one episode's renditions, or of every file when {@code episode} is empty.
     */
    public List<DayCount> perDay(LocalDate since, LocalDate until, Optional<Integer> episode) {
        Map<String, Long> counted = new HashMap<>();
        db.withConnection(c -> {
            for (List<Object> row : Sql.list(
                    c,
                    "SELECT d.day, SUM(d.downloads) FROM download_days d" + episodeFilter(episode)
                            + " WHERE d.day >= ? AND d.day <= ?" + episodeCondition(episode) + " GROUP BY d.day",
                    rs -> List.<Object>of(rs.getString(1), rs.getLong(2)),
                    params(since, until, episode))) {
                counted.put((String) row.get(0), (Long) row.get(1));
            }
            return null;
        });
        List<DayCount> days = new ArrayList<>();
        for (LocalDate d = since; !d.isAfter(until); d = d.plusDays(1)) {
            days.add(new DayCount(d, counted.getOrDefault(d.toString(), 0L)));
        }
        return days;
    }

    /** Downloads per podcast app from {@code since} to {@code until}, most first; of one episode or of all. */
    public List<AppCount> perApp(LocalDate since, LocalDate until, Optional<Integer> episode) {
        List<AppCount> apps = new ArrayList<>(db.withConnection(c -> Sql.list(
                c,
                "SELECT d.app, SUM(d.downloads) FROM download_days d" + episodeFilter(episode)
                        + " WHERE d.day >= ? AND d.day <= ?" + episodeCondition(episode) + " GROUP BY d.app",
                rs -> new AppCount(rs.getString(1), rs.getLong(2)),
                params(since, until, episode))));
        apps.sort(Comparator.comparingLong(AppCount::downloads).reversed().thenComparing(AppCount::app));
        return apps;
    }

    private static String episodeFilter(Optional<Integer> episode) {
        return episode.isEmpty()
                ? ""
                : " JOIN renditions r ON r.media_path = d.media_path JOIN episodes e ON e.id = r.episode_id";
    }

    private static String episodeCondition(Optional<Integer> episode) {
        return episode.isEmpty() ? "" : " AND e.number = ?";
    }

    private static Object[] params(LocalDate since, LocalDate until, Optional<Integer> episode) {
        return episode.isEmpty()
                ? new Object[] {since.toString(), until.toString()}
                : new Object[] {since.toString(), until.toString(), episode.get()};
    }
}
