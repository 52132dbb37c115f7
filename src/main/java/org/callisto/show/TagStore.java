package org.callisto.show;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * The SQL of an episode's tags (table {@code episode_tags} from {@code V018__show_import.sql}), kept in order.
 * Thread-safe: every method borrows its own connection from the pool, or runs in the caller's transaction.
 */
public final class TagStore {
    private final Database db;

    public TagStore(Database db) {
        this.db = db;
    }

    /** An episode's tags, in order. */
    public List<String> tags(long episodeId) {
        return db.withConnection(c -> tags(c, episodeId));
    }

    static List<String> tags(Connection c, long episodeId) throws SQLException {
        return Sql.list(
                c,
                "SELECT tag FROM episode_tags WHERE episode_id = ? ORDER BY position",
                rs -> rs.getString(1),
                episodeId);
    }

    /** Replaces an episode's tags inside the caller's transaction. */
    static void replace(Connection c, long episodeId, List<String> tags) throws SQLException {
        Sql.update(c, "DELETE FROM episode_tags WHERE episode_id = ?", episodeId);
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO episode_tags (episode_id, position, tag) VALUES (?, ?, ?)")) {
            int position = 0;
            for (String t : tags) {
                Sql.bind(ps, episodeId, position++, t);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
