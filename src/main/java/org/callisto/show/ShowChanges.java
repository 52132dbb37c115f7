package org.callisto.show;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import org.callisto.db.Database;
import org.callisto.db.Sql;
import org.callisto.search.SearchDocuments;

/**
 * The show's change time, which versions the show's pages and feeds in the page cache: every write of the show's
 * stores moves it forward in the write's own transaction ({@link #write}, {@link #update}, {@link #touch}), and
 * {@link #lastChange(Instant)} reads it together with the latest release time that has passed. Download counts do
 * not move it: no page or feed shows them to readers.
 *
 * <p>Thread-safe: it holds nothing but the database and the clock.
 */
public final class ShowChanges {
    private final Database db;
    private final Clock clock;

    /** @param clock the clock the change time is taken from */
    public ShowChanges(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * When the show's pages and feeds last changed as of {@code now}: the later of its last write (settings,
     * episodes, notes, guests, transcripts, renditions, chapters, deletions) and the release of its latest released
     * episode, so that an episode scheduled for later appears when its time comes. {@link Instant#EPOCH} for an
     * empty show.
     */
    public Instant lastChange(Instant now) {
        return db.withConnection(c -> {
            long changed = Sql.first(c, "SELECT changed_at FROM show_changes WHERE id = 1", rs -> rs.getLong(1))
                    .orElse(0L);
            long released = Sql.first(
                            c,
                            "SELECT MAX(published_at) FROM episodes WHERE published_at <= ?",
                            rs -> rs.getLong(1),
                            now)
                    .orElse(0L);
            return Instant.ofEpochMilli(Math.max(changed, released));
        });
    }

    /** {@link #lastChange(Instant)} as of the clock. */
    public Instant lastChange() {
        return lastChange(clock.instant());
    }

    /** Runs {@code work} in one transaction that also moves the change time, as every write of the show must. */
    <T> T write(Database.SqlWork<T> work) {
        return db.inTransaction(c -> {
            T result = work.run(c);
            touch(c);
            return result;
        });
    }

    /**
     * Runs one {@code INSERT}, {@code UPDATE} or {@code DELETE} (parameters as {@link Sql#bind} takes them) in a
     * transaction that also moves the change time; returns the count of rows changed.
     */
    int update(String sql, Object... params) {
        return write(c -> Sql.update(c, sql, params));
    }

    /** Moves the change time forward, to now or by at least a millisecond, inside the caller's transaction. */
    void touch(Connection c) throws SQLException {
        SearchDocuments.episodes(c);
        Sql.update(
                c,
                "INSERT INTO show_changes (id, changed_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE"
                        + " SET changed_at = CASE WHEN excluded.changed_at > show_changes.changed_at THEN excluded.changed_at"
                        + " ELSE show_changes.changed_at + 1 END",
                clock.instant());
    }
}
