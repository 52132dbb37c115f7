package org.callisto.show;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.callisto.db.Sql;

/**
 * The order of sections within an episode and of items within a section, kept in their {@code position} column:
 * the next free position, and swapping a row with its neighbour. Used inside the callers' transactions.
 * Stateless and thread-safe.
 */
final class NotePositions {
    /** A table of ordered rows and the column naming their parent; both are constants, never input. */
    record Ordered(String table, String parentColumn) {}

    static final Ordered SECTIONS = new Ordered("sections", "episode_id");
    static final Ordered ITEMS = new Ordered("items", "section_id");

    private NotePositions() {}

    /** The position after the last row under {@code parentId}. */
    static int next(Connection c, Ordered rows, long parentId) throws SQLException {
        return Sql.first(
                        c,
                        "SELECT COALESCE(MAX(position), -1) + 1 FROM " + rows.table() + " WHERE " + rows.parentColumn()
                                + " = ?",
                        rs -> rs.getInt(1),
                        parentId)
                .orElseThrow();
    }

    /**
     * Swaps the position of row {@code id} with its neighbour under the same parent. Positions may have gaps
     * (deleting leaves them), so the neighbour is the nearest position, and the swap goes through -1 because
     * (parent, position) is unique and both databases check that row by row.
     */
    static boolean swap(Connection c, Ordered rows, long parentId, long id, boolean up) throws SQLException {
        Optional<Integer> position = Sql.first(
                c,
                "SELECT position FROM " + rows.table() + " WHERE id = ? AND " + rows.parentColumn() + " = ?",
                rs -> rs.getInt(1),
                id,
                parentId);
        if (position.isEmpty()) {
            return false;
        }
        record Neighbour(long id, int position) {}
        Optional<Neighbour> other = Sql.first(
                c,
                "SELECT id, position FROM " + rows.table() + " WHERE "
                        + rows.parentColumn() + " = ? AND position " + (up ? "<" : ">") + " ? ORDER BY position "
                        + (up ? "DESC" : "ASC") + " LIMIT 1",
                rs -> new Neighbour(rs.getLong(1), rs.getInt(2)),
                parentId,
                position.get());
        if (other.isEmpty()) {
            return false;
        }
        String move = "UPDATE " + rows.table() + " SET position = ? WHERE id = ?";
        Sql.update(c, move, -1, id);
        Sql.update(c, move, position.get(), other.get().id());
        Sql.update(c, move, other.get().position(), id);
        return true;
    }
}
