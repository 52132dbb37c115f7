package org.callisto.show;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.Sql;
import org.callisto.show.media.DownloadCounter;

/**
 * The SQL of the stored download counts (table {@code download_counts}): per media path, UTC day and kind, and
 * nothing about who downloaded. Adding counts does not move the show's change time: no page or feed for readers
 * shows them. Thread-safe: every method borrows its own connection from the pool.
 */
public final class DownloadStore {
    private final Database db;

    public DownloadStore(Database db) {
        this.db = db;
    }

    /**
     * Adds counted downloads to the stored counts, in one transaction: per media path, UTC day and kind
     * ({@code full} or {@code range}, see {@link DownloadCounter}).
     */
    public void addDownloads(List<DownloadCounter.Pending> counts) {
        if (counts.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO download_counts (media_path, day, kind,"
                    + " downloads) VALUES (?, ?, ?, ?) ON CONFLICT (media_path, day, kind) DO UPDATE SET"
                    + " downloads = download_counts.downloads + excluded.downloads")) {
                for (DownloadCounter.Pending p : counts) {
                    Sql.bind(ps, p.file(), p.day().toString(), p.rangeStart() ? "range" : "full", p.downloads());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
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
                        + " LEFT JOIN download_counts d ON d.media_path = r.media_path"
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
}
