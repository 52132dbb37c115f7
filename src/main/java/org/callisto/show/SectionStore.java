package org.callisto.show;

import java.time.Clock;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * The SQL of editing an episode's notes section by section, for the editors' pages: adding, renaming, deleting
 * and moving one section. Every method names the episode, and does nothing to a section of another. Every write
 * moves the show's change time ({@link ShowChanges}) in its own transaction. Thread-safe: every method borrows its
 * own connection from the pool.
 */
public final class SectionStore {
    private final ShowChanges changes;

    /** @param clock the clock of the show's change time */
    public SectionStore(Database db, Clock clock) {
        this.changes = new ShowChanges(db, clock);
    }

    /** Adds a section with no items after the episode's last one and returns its id. */
    public long add(long episodeId, String heading) {
        return changes.write(c -> {
            int position = NotePositions.next(c, NotePositions.SECTIONS, episodeId);
            return Sql.first(
                            c,
                            "INSERT INTO sections (episode_id, position, heading) VALUES (?, ?, ?) RETURNING id",
                            rs -> rs.getLong(1),
                            episodeId,
                            position,
                            heading)
                    .orElseThrow();
        });
    }

    /** Renames section {@code sectionId} of the episode; false when the episode has no such section. */
    public boolean rename(long episodeId, long sectionId, String heading) {
        return changes.update(
                        "UPDATE sections SET heading = ? WHERE id = ? AND episode_id = ?",
                        heading,
                        sectionId,
                        episodeId)
                > 0;
    }

    /** Deletes a section of the episode with its items; false when the episode has no such section. */
    public boolean delete(long episodeId, long sectionId) {
        return changes.update("DELETE FROM sections WHERE id = ? AND episode_id = ?", sectionId, episodeId) > 0;
    }

    /**
     * Swaps a section with the one before ({@code up}) or after it; false when there is no such section or it is
     * already first or last.
     */
    public boolean move(long episodeId, long sectionId, boolean up) {
        return changes.write(c -> NotePositions.swap(c, NotePositions.SECTIONS, episodeId, sectionId, up));
    }
}
