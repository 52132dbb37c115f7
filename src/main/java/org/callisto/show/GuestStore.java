package org.callisto.show;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * The SQL of an episode's guests (table {@code guests}), kept in order. Replacing them moves the show's change time
 * ({@link ShowChanges}) in the same transaction. Thread-safe: every method borrows its own connection from the pool.
 */
public final class GuestStore {
    private final Database db;
    private final ShowChanges changes;

    /** @param clock the clock of the show's change time */
    public GuestStore(Database db, Clock clock) {
        this.db = db;
        this.changes = new ShowChanges(db, clock);
    }

    /** Replaces an episode's guests. */
    public void setGuests(long episodeId, List<Guest> guests) {
        db.inTransaction(c -> {
            replace(c, episodeId, guests);
            return null;
        });
    }

    /** {@link #setGuests} inside the caller's transaction, moving the change time. */
    void replace(Connection c, long episodeId, List<Guest> guests) throws SQLException {
        changes.touch(c);
        Sql.update(c, "DELETE FROM guests WHERE episode_id = ?", episodeId);
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO guests (episode_id, position, name, link) VALUES (?, ?, ?, ?)")) {
            int position = 0;
            for (Guest g : guests) {
                Sql.bind(ps, episodeId, position++, g.name(), g.link());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** An episode's guests, in order. */
    public List<Guest> guests(long episodeId) {
        return db.withConnection(c -> Sql.list(
                c,
                "SELECT name, link FROM guests WHERE episode_id = ?" + " ORDER BY position",
                rs -> new Guest(rs.getString(1), rs.getString(2)),
                episodeId));
    }
}
