package org.callisto.show;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * The SQL of editing an episode's notes item by item, for the editors' pages: adding, changing, deleting and
 * moving one item, within its section or to another. Every method names the episode, and does nothing to an item
 * or section of another. Every write moves the show's change time ({@link ShowChanges}) in its own transaction.
 * Thread-safe: every method borrows its own connection from the pool.
 */
public final class ItemStore {
    /** Inserts one item; its parameters are {@link #values}. */
    static final String INSERT = "INSERT INTO items (section_id, position, title, link, summary, source_kind,"
            + " source_id) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final ShowChanges changes;

    /** @param clock the clock of the show's change time */
    public ItemStore(Database db, Clock clock) {
        this.changes = new ShowChanges(db, clock);
    }

    /** The parameters of {@link #INSERT} for {@code item} at {@code position} of section {@code sectionId}. */
    static Object[] values(long sectionId, int position, NoteItem item) {
        return new Object[] {
            sectionId,
            position,
            item.title(),
            item.link(),
            item.summary(),
            item.sourceKind() == null ? null : item.sourceKind().value(),
            item.sourceId()
        };
    }

    /**
     * Adds an item after the last one of a section of the episode and returns its id, or -1 when the episode has
     * no such section.
     */
    public long add(long episodeId, long sectionId, NoteItem item) {
        return changes.write(c -> {
            if (!sectionOf(c, episodeId, sectionId)) {
                return -1L;
            }
            int position = NotePositions.next(c, NotePositions.ITEMS, sectionId);
            return Sql.first(c, INSERT + " RETURNING id", rs -> rs.getLong(1), values(sectionId, position, item))
                    .orElseThrow();
        });
    }

    /** Changes an item's title, link and summary (its source stays); false when the episode has no such item. */
    public boolean update(long episodeId, long itemId, String title, String link, String summary) {
        return changes.update(
                        "UPDATE items SET title = ?, link = ?, summary = ? WHERE id = ? AND section_id IN"
                                + " (SELECT id FROM sections WHERE episode_id = ?)",
                        title,
                        link,
                        summary,
                        itemId,
                        episodeId)
                > 0;
    }

    /** Deletes an item of the episode; false when it has no such item. */
    public boolean delete(long episodeId, long itemId) {
        return changes.update(
                        "DELETE FROM items WHERE id = ? AND section_id IN"
                                + " (SELECT id FROM sections WHERE episode_id = ?)",
                        itemId,
                        episodeId)
                > 0;
    }

    /** Swaps an item with the one before ({@code up}) or after it in its section; false when it cannot move. */
    public boolean move(long episodeId, long itemId, boolean up) {
        return changes.write(c -> {
            Optional<Long> sectionId = Sql.first(
                    c,
                    "SELECT i.section_id FROM items i JOIN sections s"
                            + " ON s.id = i.section_id WHERE i.id = ? AND s.episode_id = ?",
                    rs -> rs.getLong(1),
                    itemId,
                    episodeId);
            return sectionId.isPresent() && NotePositions.swap(c, NotePositions.ITEMS, sectionId.get(), itemId, up);
        });
    }

    /** Moves an item to the end of another section of the same episode; false when either is not the episode's. */
    public boolean moveToSection(long episodeId, long itemId, long sectionId) {
        return changes.write(c -> {
            if (!sectionOf(c, episodeId, sectionId)) {
                return false;
            }
            int position = NotePositions.next(c, NotePositions.ITEMS, sectionId);
            return Sql.update(
                            c,
                            "UPDATE items SET section_id = ?, position = ? WHERE id = ?"
                                    + " AND section_id IN (SELECT id FROM sections WHERE episode_id = ?)",
                            sectionId,
                            position,
                            itemId,
                            episodeId)
                    > 0;
        });
    }

    private static boolean sectionOf(Connection c, long episodeId, long sectionId) throws SQLException {
        return Sql.first(c, "SELECT 1 FROM sections WHERE id = ? AND episode_id = ?", rs -> true, sectionId, episodeId)
                .isPresent();
    }
}
