package org.callisto.show;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * The SQL of an episode's renditions (table {@code renditions}): one per {@link RenditionKind}, with its media file,
 * length, duration and torrent. Saving one moves the show's change time ({@link ShowChanges}) in the same
 * transaction. Thread-safe: every method borrows its own connection from the pool.
 */
public final class RenditionStore {
    private final Database db;
    private final Clock clock;
    private final ShowChanges changes;

    /** @param clock the clock of the renditions' {@code added_at} and of the show's change time */
    public RenditionStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.changes = new ShowChanges(db, clock);
    }

    /** Adds a rendition to an episode, replacing the one of the same kind. */
    public void saveRendition(long episodeId, Rendition r) {
        changes.update(
                "INSERT INTO renditions (episode_id, kind, media_path, mime, length, duration_ms, torrent_path,"
                        + " torrent_length, infohash, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (episode_id, kind) DO UPDATE SET media_path = excluded.media_path,"
                        + " mime = excluded.mime, length = excluded.length, duration_ms = excluded.duration_ms,"
                        + " torrent_path = excluded.torrent_path, torrent_length = excluded.torrent_length,"
                        + " infohash = excluded.infohash, added_at = excluded.added_at",
                episodeId,
                r.kind().value(),
                r.mediaPath(),
                r.mimeType(),
                r.length(),
                r.durationMs(),
                r.torrentPath(),
                r.torrentLength(),
                r.infoHash(),
                clock.instant());
    }

    /** An episode's renditions, in {@link RenditionKind} order. */
    public List<Rendition> renditions(long episodeId) {
        List<Rendition> list = new ArrayList<>(db.withConnection(c -> Sql.list(
                c,
                "SELECT kind, media_path, mime,"
                        + " length, duration_ms, torrent_path, torrent_length, infohash FROM renditions WHERE episode_id = ?",
                rs -> new Rendition(
                        RenditionKind.of(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getString(8)),
                episodeId)));
        list.sort(Comparator.comparing(Rendition::kind));
        return list;
    }
}
