package org.callisto.show;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * The SQL of an episode's show notes as a whole (tables {@code sections} and {@code items}): replacing them all,
 * reading them, and reading them with the ids and positions the editors' forms refer to. The piece-by-piece edits
 * are {@link SectionStore}'s and {@link ItemStore}'s. Every write moves the show's change time
 * ({@link ShowChanges}) in its own transaction. Thread-safe: every method borrows its own connection from the pool.
 */
public final class NoteStore {
    private final Database db;
    private final ShowChanges changes;

    /** @param clock the clock of the show's change time */
    public NoteStore(Database db, Clock clock) {
        this.db = db;
        this.changes = new ShowChanges(db, clock);
    }

    /** An item as stored, with its id and position, for the editors' pages. Immutable. */
    public record StoredItem(long id, int position, NoteItem item) {}

    /** A section as stored, with its id, position and items in order, for the editors' pages. Immutable. */
    public record StoredSection(long id, int position, String heading, List<StoredItem> items) {

        public StoredSection {
            items = List.copyOf(items);
        }
    }

    /** Replaces an episode's show notes with {@code sections}, in order. */
    public void setNotes(long episodeId, List<Section> sections) {
        db.inTransaction(c -> {
            replace(c, episodeId, sections);
            return null;
        });
    }

    /** {@link #setNotes} inside the caller's transaction, moving the change time. */
    void replace(Connection c, long episodeId, List<Section> sections) throws SQLException {
        changes.touch(c);
        Sql.update(c, "DELETE FROM sections WHERE episode_id = ?", episodeId);
        int position = 0;
        for (Section s : sections) {
            long sectionId = Sql.first(
                            c,
                            "INSERT INTO sections (episode_id, position, heading) VALUES (?, ?, ?)" + " RETURNING id",
                            rs -> rs.getLong(1),
                            episodeId,
                            position++,
                            s.heading())
                    .orElseThrow();
            try (PreparedStatement ps = c.prepareStatement(ItemStore.INSERT)) {
                int itemPosition = 0;
                for (NoteItem item : s.items()) {
                    Sql.bind(ps, ItemStore.values(sectionId, itemPosition++, item));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** Renames the section at {@code position} (0 for the first). Returns false when there is none there. */
    public boolean renameSection(long episodeId, int position, String heading) {
        return changes.update(
                        "UPDATE sections SET heading = ? WHERE episode_id = ? AND position = ?",
                        heading,
                        episodeId,
                        position)
                > 0;
    }

    /** An episode's show notes, in order. */
    public List<Section> notes(long episodeId) {
        return storedNotes(episodeId).stream()
                .map(s -> new Section(
                        s.heading(), s.items().stream().map(StoredItem::item).toList()))
                .toList();
    }

    /** An episode's show notes with the ids editors' forms refer to, in order. */
    public List<StoredSection> storedNotes(long episodeId) {
        record Row(long sectionId, StoredItem item) {}
        return db.withConnection(c -> {
            List<StoredSection> sections = Sql.list(
                    c,
                    "SELECT id, position, heading FROM sections" + " WHERE episode_id = ? ORDER BY position",
                    rs -> new StoredSection(rs.getLong(1), rs.getInt(2), rs.getString(3), List.of()),
                    episodeId);
            Map<Long, List<StoredItem>> items = new LinkedHashMap<>();
            sections.forEach(s -> items.put(s.id(), new ArrayList<>()));
            for (Row row : Sql.list(
                    c,
                    "SELECT i.section_id, i.id, i.position, i.title, i.link, i.summary,"
                            + " i.source_kind, i.source_id FROM items i JOIN sections s ON s.id = i.section_id"
                            + " WHERE s.episode_id = ? ORDER BY s.position, i.position",
                    rs -> new Row(
                            rs.getLong(1),
                            new StoredItem(
                                    rs.getLong(2),
                                    rs.getInt(3),
                                    new NoteItem(
                                            rs.getString(4),
                                            rs.getString(5),
                                            rs.getString(6),
                                            SourceKind.of(rs.getString(7)),
                                            Sql.longOrNull(rs, 8)))),
                    episodeId)) {
                items.get(row.sectionId()).add(row.item());
            }
            return sections.stream()
                    .map(s -> new StoredSection(s.id(), s.position(), s.heading(), items.get(s.id())))
                    .toList();
        });
    }
}
