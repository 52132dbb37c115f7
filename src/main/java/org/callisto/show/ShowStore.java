package org.callisto.show;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.time.LocalDate;
import org.callisto.db.Database;
import org.callisto.show.media.DownloadCounter;

/**
 * All SQL of the show: its settings, episodes, show notes, guests, transcripts and renditions, its change time
 * ({@link #lastChange(Instant)}, moved by every write) and the download counts of its media.
 * Thread-safe: every method borrows its own connection from the pool; writes run in one transaction each.
 */
public final class ShowStore {
    private static final String EPISODE_COLUMNS = "id, number, season, title, slug, published_at, summary,"
            + " episode_type, explicit, guid, chapters_json";

    private final Database db;

    public ShowStore(Database db) {
        this.db = db;
    }

    // ---- settings

    /** Writes the show's settings, replacing the previous ones. */
    public void saveSettings(ShowSettings s) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO show (id, title, description, language, author,"
                    + " owner_name, owner_email, artwork_url, categories, explicit, funding_url, funding_text,"
                    + " feedback_address, podcast_guid, locked, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
                    + " description = excluded.description, language = excluded.language, author = excluded.author,"
                    + " owner_name = excluded.owner_name, owner_email = excluded.owner_email,"
                    + " artwork_url = excluded.artwork_url, categories = excluded.categories,"
                    + " explicit = excluded.explicit, funding_url = excluded.funding_url,"
                    + " funding_text = excluded.funding_text, feedback_address = excluded.feedback_address,"
                    + " podcast_guid = excluded.podcast_guid, locked = excluded.locked,"
                    + " updated_at = excluded.updated_at")) {
                int i = 1;
                ps.setString(i++, s.title());
                ps.setString(i++, s.description());
                ps.setString(i++, s.language());
                ps.setString(i++, s.author());
                ps.setString(i++, s.ownerName());
                ps.setString(i++, s.ownerEmail());
                ps.setString(i++, s.artworkUrl());
                ps.setString(i++, String.join("\n", s.categories()));
                ps.setInt(i++, s.explicit() ? 1 : 0);
                ps.setString(i++, s.fundingUrl());
                ps.setString(i++, s.fundingText());
                ps.setString(i++, s.feedbackAddress());
                ps.setString(i++, s.podcastGuid());
                ps.setInt(i++, s.locked() ? 1 : 0);
                ps.setLong(i, System.currentTimeMillis());
                ps.executeUpdate();
            }
            touch(c);
            return null;
        });
    }

    /** The show's settings, or empty before they are first saved. */
    public Optional<ShowSettings> settings() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT title, description, language, author, owner_name,"
                    + " owner_email, artwork_url, categories, explicit, funding_url, funding_text, feedback_address,"
                    + " podcast_guid, locked FROM show WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ShowSettings(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        Arrays.asList(rs.getString(8).split("\n")), rs.getInt(9) == 1, rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getString(13), rs.getInt(14) == 1));
            }
        });
    }

    // ---- episodes

    /**
     * Creates the episode with the draft's number, or updates it. An existing episode keeps its guid, so feeds
     * never show it twice; a new one takes the draft's guid or a new random UUID.
     */
    public Episode saveEpisode(EpisodeDraft d) {
        long id = changing(c -> upsertEpisode(c, d));
        return episodeWhere("id = ?", id).orElseThrow();
    }

    /** An episode saved by {@link #importEpisode}, and whether it was new. */
    public record Saved(Episode episode, boolean created) {
    }

    /**
     * Saves an episode with its notes and guests in one transaction, as {@link #saveEpisode}, {@link #setNotes}
     * and {@link #setGuests} would one after the other.
     */
    public Saved importEpisode(ParsedNotes notes) {
        boolean[] created = new boolean[1];
        long id = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM episodes WHERE number = ?")) {
                ps.setInt(1, notes.episode().number());
                try (ResultSet rs = ps.executeQuery()) {
                    created[0] = !rs.next();
                }
            }
            long episodeId = upsertEpisode(c, notes.episode());
            replaceNotes(c, episodeId, notes.sections());
            replaceGuests(c, episodeId, notes.guests());
            return episodeId;
        });
        return new Saved(episodeWhere("id = ?", id).orElseThrow(), created[0]);
    }

    private static long upsertEpisode(Connection c, EpisodeDraft d) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO episodes (number, season, title, slug,"
                + " published_at, summary, episode_type, explicit, guid, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (number) DO UPDATE SET"
                + " season = excluded.season, title = excluded.title, slug = excluded.slug,"
                + " published_at = excluded.published_at, summary = excluded.summary,"
                + " episode_type = excluded.episode_type, explicit = excluded.explicit,"
                + " updated_at = excluded.updated_at RETURNING id")) {
            int i = 1;
            ps.setInt(i++, d.number());
            if (d.season() == null) {
                ps.setNull(i++, Types.INTEGER);
            } else {
                ps.setInt(i++, d.season());
            }
            ps.setString(i++, d.title());
            ps.setString(i++, d.slug());
            ps.setLong(i++, d.publishedAt().toEpochMilli());
            ps.setString(i++, d.summary());
            ps.setString(i++, d.type().value());
            ps.setInt(i++, d.explicit() ? 1 : 0);
            ps.setString(i++, d.guid() != null && !d.guid().isBlank() ? d.guid().strip()
                    : UUID.randomUUID().toString());
            ps.setLong(i++, now);
            ps.setLong(i, now);
            long id;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            touch(c);
            return id;
        }
    }

    /** The episode numbered {@code number}. */
    public Optional<Episode> episode(int number) {
        return episodeWhere("number = ?", number);
    }

    /** Every episode, newest first (by release time, then number). */
    public List<Episode> episodes() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + EPISODE_COLUMNS
                    + " FROM episodes ORDER BY published_at DESC, number DESC");
                 ResultSet rs = ps.executeQuery()) {
                List<Episode> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(episode(rs));
                }
                return list;
            }
        });
    }

    /** Sets (or with null, removes) an episode's JSON chapters document. */
    public void setChapters(long episodeId, String chaptersJson) {
        update("UPDATE episodes SET chapters_json = ? WHERE id = ?", chaptersJson, episodeId);
    }

    /** Deletes an episode with its notes, guests, transcripts and renditions (not the files). */
    public boolean deleteEpisode(long episodeId) {
        return update("DELETE FROM episodes WHERE id = ?", episodeId) > 0;
    }

    private Optional<Episode> episodeWhere(String where, Object value) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + EPISODE_COLUMNS + " FROM episodes WHERE " + where)) {
                ps.setObject(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(episode(rs)) : Optional.empty();
                }
            }
        });
    }

    private static Episode episode(ResultSet rs) throws SQLException {
        int season = rs.getInt(3);
        Integer seasonOrNull = rs.wasNull() ? null : season;
        return new Episode(rs.getLong(1), rs.getInt(2), seasonOrNull, rs.getString(4), rs.getString(5),
                Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7), EpisodeType.of(rs.getString(8)),
                rs.getInt(9) == 1, rs.getString(10), rs.getString(11));
    }

    // ---- show notes

    /** Replaces an episode's show notes with {@code sections}, in order. */
    public void setNotes(long episodeId, List<Section> sections) {
        db.inTransaction(c -> {
            replaceNotes(c, episodeId, sections);
            return null;
        });
    }

    private static void replaceNotes(Connection c, long episodeId, List<Section> sections) throws SQLException {
        touch(c);
        try (PreparedStatement del = c.prepareStatement("DELETE FROM sections WHERE episode_id = ?")) {
            del.setLong(1, episodeId);
            del.executeUpdate();
        }
        int position = 0;
        for (Section s : sections) {
            long sectionId;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sections (episode_id, position, heading) VALUES (?, ?, ?) RETURNING id")) {
                ps.setLong(1, episodeId);
                ps.setInt(2, position++);
                ps.setString(3, s.heading());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sectionId = rs.getLong(1);
                }
            }
            insertItems(c, sectionId, s.items());
        }
    }

    private static void insertItems(Connection c, long sectionId, List<NoteItem> items) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO items (section_id, position, title, link, summary,"
                + " source_kind, source_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (NoteItem item : items) {
                ps.setLong(1, sectionId);
                ps.setInt(2, position++);
                ps.setString(3, item.title());
                ps.setString(4, item.link());
                ps.setString(5, item.summary());
                ps.setString(6, item.sourceKind() == null ? null : item.sourceKind().value());
                if (item.sourceId() == null) {
                    ps.setNull(7, Types.BIGINT);
                } else {
                    ps.setLong(7, item.sourceId());
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Renames the section at {@code position} (0 for the first). Returns false when there is none there. */
    public boolean renameSection(long episodeId, int position, String heading) {
        return update("UPDATE sections SET heading = ? WHERE episode_id = ? AND position = ?",
                heading, episodeId, position) > 0;
    }

    /** An episode's show notes, in order. */
    public List<Section> notes(long episodeId) {
        return db.withConnection(c -> {
            Map<Long, String> headings = new LinkedHashMap<>();
            Map<Long, List<NoteItem>> items = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, heading FROM sections WHERE episode_id = ? ORDER BY position")) {
                ps.setLong(1, episodeId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        headings.put(rs.getLong(1), rs.getString(2));
                        items.put(rs.getLong(1), new ArrayList<>());
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT i.section_id, i.title, i.link, i.summary,"
                    + " i.source_kind, i.source_id FROM items i JOIN sections s ON s.id = i.section_id"
                    + " WHERE s.episode_id = ? ORDER BY s.position, i.position")) {
                ps.setLong(1, episodeId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long sourceId = rs.getLong(6);
                        Long source = rs.wasNull() ? null : sourceId;
                        items.get(rs.getLong(1)).add(new NoteItem(rs.getString(2), rs.getString(3),
                                rs.getString(4), SourceKind.of(rs.getString(5)), source));
                    }
                }
            }
            List<Section> sections = new ArrayList<>();
            headings.forEach((id, heading) -> sections.add(new Section(heading, items.get(id))));
            return sections;
        });
    }

    // ---- editing show notes piece by piece (the editors' pages)

    /** An item as stored, with its id and position, for the editors' pages. Immutable. */
    public record StoredItem(long id, int position, NoteItem item) {
    }

    /** A section as stored, with its id, position and items in order, for the editors' pages. Immutable. */
    public record StoredSection(long id, int position, String heading, List<StoredItem> items) {

        public StoredSection {
            items = List.copyOf(items);
        }
    }

    /** An episode's show notes with the ids editors' forms refer to, in order. */
    public List<StoredSection> storedNotes(long episodeId) {
        return db.withConnection(c -> {
            Map<Long, StoredSection> sections = new LinkedHashMap<>();
            Map<Long, List<StoredItem>> items = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, position, heading FROM sections WHERE episode_id = ? ORDER BY position")) {
                ps.setLong(1, episodeId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sections.put(rs.getLong(1), new StoredSection(rs.getLong(1), rs.getInt(2), rs.getString(3),
                                List.of()));
                        items.put(rs.getLong(1), new ArrayList<>());
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT i.section_id, i.id, i.position, i.title, i.link,"
                    + " i.summary, i.source_kind, i.source_id FROM items i JOIN sections s ON s.id = i.section_id"
                    + " WHERE s.episode_id = ? ORDER BY s.position, i.position")) {
                ps.setLong(1, episodeId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long sourceId = rs.getLong(8);
                        Long source = rs.wasNull() ? null : sourceId;
                        items.get(rs.getLong(1)).add(new StoredItem(rs.getLong(2), rs.getInt(3), new NoteItem(
                                rs.getString(4), rs.getString(5), rs.getString(6), SourceKind.of(rs.getString(7)),
                                source)));
                    }
                }
            }
            List<StoredSection> list = new ArrayList<>();
            sections.forEach((id, s) -> list.add(new StoredSection(id, s.position(), s.heading(), items.get(id))));
            return list;
        });
    }

    /** Changes an episode's title, release time and summary; its number, guid and notes stay. */
    public boolean updateEpisode(long episodeId, String title, Instant publishedAt, String summary) {
        return update("UPDATE episodes SET title = ?, published_at = ?, summary = ?, updated_at = ? WHERE id = ?",
                title, publishedAt.toEpochMilli(), summary, System.currentTimeMillis(), episodeId) > 0;
    }

    /** Changes an episode's season (null for none), type and explicit flag; false when it no longer exists. */
    public boolean updateEpisodeKind(long episodeId, Integer season, EpisodeType type, boolean explicit) {
        return update("UPDATE episodes SET season = ?, episode_type = ?, explicit = ?, updated_at = ? WHERE id = ?",
                season, type.value(), explicit ? 1 : 0, System.currentTimeMillis(), episodeId) > 0;
    }

    /** Adds a section with no items after the episode's last one and returns its id. */
    public long addSection(long episodeId, String heading) {
        return changing(c -> {
            int position = nextPosition(c, "sections", "episode_id", episodeId);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sections (episode_id, position, heading) VALUES (?, ?, ?) RETURNING id")) {
                ps.setLong(1, episodeId);
                ps.setInt(2, position);
                ps.setString(3, heading);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Renames section {@code sectionId} of the episode; false when the episode has no such section. */
    public boolean renameSectionById(long episodeId, long sectionId, String heading) {
        return update("UPDATE sections SET heading = ? WHERE id = ? AND episode_id = ?", heading, sectionId,
                episodeId) > 0;
    }

    /** Deletes a section of the episode with its items; false when the episode has no such section. */
    public boolean deleteSection(long episodeId, long sectionId) {
        return update("DELETE FROM sections WHERE id = ? AND episode_id = ?", sectionId, episodeId) > 0;
    }

    /**
     * Swaps a section with the one before ({@code up}) or after it; false when there is no such section or it is
     * already first or last.
     */
    public boolean moveSection(long episodeId, long sectionId, boolean up) {
        return changing(c -> swap(c, "sections", "episode_id", episodeId, sectionId, up));
    }

    /**
     * Adds an item after the last one of a section of the episode and returns its id, or -1 when the episode has
     * no such section.
     */
    public long addItem(long episodeId, long sectionId, NoteItem item) {
        return changing(c -> {
            if (!sectionOf(c, episodeId, sectionId)) {
                return -1L;
            }
            int position = nextPosition(c, "items", "section_id", sectionId);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO items (section_id, position, title, link,"
                    + " summary, source_kind, source_id) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                ps.setLong(1, sectionId);
                ps.setInt(2, position);
                ps.setString(3, item.title());
                ps.setString(4, item.link());
                ps.setString(5, item.summary());
                ps.setString(6, item.sourceKind() == null ? null : item.sourceKind().value());
                if (item.sourceId() == null) {
                    ps.setNull(7, Types.BIGINT);
                } else {
                    ps.setLong(7, item.sourceId());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Changes an item's title, link and summary (its source stays); false when the episode has no such item. */
    public boolean updateItem(long episodeId, long itemId, String title, String link, String summary) {
        return update("UPDATE items SET title = ?, link = ?, summary = ? WHERE id = ? AND section_id IN"
                + " (SELECT id FROM sections WHERE episode_id = ?)", title, link, summary, itemId, episodeId) > 0;
    }

    /** Deletes an item of the episode; false when it has no such item. */
    public boolean deleteItem(long episodeId, long itemId) {
        return update("DELETE FROM items WHERE id = ? AND section_id IN (SELECT id FROM sections WHERE episode_id = ?)",
                itemId, episodeId) > 0;
    }

    /** Swaps an item with the one before ({@code up}) or after it in its section; false when it cannot move. */
    public boolean moveItem(long episodeId, long itemId, boolean up) {
        return changing(c -> {
            Long sectionId = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT i.section_id FROM items i JOIN sections s"
                    + " ON s.id = i.section_id WHERE i.id = ? AND s.episode_id = ?")) {
                ps.setLong(1, itemId);
                ps.setLong(2, episodeId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        sectionId = rs.getLong(1);
                    }
                }
            }
            return sectionId != null && swap(c, "items", "section_id", sectionId, itemId, up);
        });
    }

    /** Moves an item to the end of another section of the same episode; false when either is not the episode's. */
    public boolean moveItemToSection(long episodeId, long itemId, long sectionId) {
        return changing(c -> {
            if (!sectionOf(c, episodeId, sectionId)) {
                return false;
            }
            int position = nextPosition(c, "items", "section_id", sectionId);
            try (PreparedStatement ps = c.prepareStatement("UPDATE items SET section_id = ?, position = ? WHERE id = ?"
                    + " AND section_id IN (SELECT id FROM sections WHERE episode_id = ?)")) {
                ps.setLong(1, sectionId);
                ps.setInt(2, position);
                ps.setLong(3, itemId);
                ps.setLong(4, episodeId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static boolean sectionOf(Connection c, long episodeId, long sectionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sections WHERE id = ? AND episode_id = ?")) {
            ps.setLong(1, sectionId);
            ps.setLong(2, episodeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The position after the last row of {@code table} under {@code parent}; table and column are constants. */
    private static int nextPosition(Connection c, String table, String parentColumn, long parentId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(position), -1) + 1 FROM " + table
                + " WHERE " + parentColumn + " = ?")) {
            ps.setLong(1, parentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Swaps the position of row {@code id} with its neighbour under the same parent. Positions may have gaps
     * (deleting leaves them), so the neighbour is the nearest position, and the swap goes through -1 because
     * (parent, position) is unique and both databases check that row by row.
     */
    private static boolean swap(Connection c, String table, String parentColumn, long parentId, long id, boolean up)
            throws SQLException {
        Integer position = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT position FROM " + table + " WHERE id = ? AND "
                + parentColumn + " = ?")) {
            ps.setLong(1, id);
            ps.setLong(2, parentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    position = rs.getInt(1);
                }
            }
        }
        if (position == null) {
            return false;
        }
        long otherId;
        int otherPosition;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, position FROM " + table + " WHERE " + parentColumn
                + " = ? AND position " + (up ? "<" : ">") + " ? ORDER BY position " + (up ? "DESC" : "ASC")
                + " LIMIT 1")) {
            ps.setLong(1, parentId);
            ps.setInt(2, position);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                otherId = rs.getLong(1);
                otherPosition = rs.getInt(2);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET position = ? WHERE id = ?")) {
            ps.setInt(1, -1);
            ps.setLong(2, id);
            ps.executeUpdate();
            ps.setInt(1, position);
            ps.setLong(2, otherId);
            ps.executeUpdate();
            ps.setInt(1, otherPosition);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        return true;
    }

    // ---- guests and transcripts

    /** Replaces an episode's guests. */
    public void setGuests(long episodeId, List<Guest> guests) {
        db.inTransaction(c -> {
            replaceGuests(c, episodeId, guests);
            return null;
        });
    }

    private static void replaceGuests(Connection c, long episodeId, List<Guest> guests) throws SQLException {
        touch(c);
        try (PreparedStatement del = c.prepareStatement("DELETE FROM guests WHERE episode_id = ?")) {
            del.setLong(1, episodeId);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO guests (episode_id, position, name, link) VALUES (?, ?, ?, ?)")) {
            int position = 0;
            for (Guest g : guests) {
                ps.setLong(1, episodeId);
                ps.setInt(2, position++);
                ps.setString(3, g.name());
                ps.setString(4, g.link());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** An episode's guests, in order. */
    public List<Guest> guests(long episodeId) {
        return list("SELECT name, link FROM guests WHERE episode_id = ? ORDER BY position", episodeId,
                rs -> new Guest(rs.getString(1), rs.getString(2)));
    }

    /** Adds a transcript to an episode, or updates the one at the same location. */
    public void saveTranscript(long episodeId, Transcript t) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO transcripts (episode_id, location, mime,"
                    + " language) VALUES (?, ?, ?, ?) ON CONFLICT (episode_id, location) DO UPDATE SET"
                    + " mime = excluded.mime, language = excluded.language")) {
                ps.setLong(1, episodeId);
                ps.setString(2, t.location());
                ps.setString(3, t.mimeType());
                ps.setString(4, t.language());
                ps.executeUpdate();
            }
            touch(c);
            return null;
        });
    }

    /** An episode's transcripts. */
    public List<Transcript> transcripts(long episodeId) {
        return list("SELECT location, mime, language FROM transcripts WHERE episode_id = ? ORDER BY id", episodeId,
                rs -> new Transcript(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    // ---- renditions

    /** Adds a rendition to an episode, replacing the one of the same kind. */
    public void saveRendition(long episodeId, Rendition r) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO renditions (episode_id, kind, media_path,"
                    + " mime, length, duration_ms, torrent_path, torrent_length, infohash, added_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (episode_id, kind) DO UPDATE SET"
                    + " media_path = excluded.media_path, mime = excluded.mime, length = excluded.length,"
                    + " duration_ms = excluded.duration_ms, torrent_path = excluded.torrent_path,"
                    + " torrent_length = excluded.torrent_length, infohash = excluded.infohash,"
                    + " added_at = excluded.added_at")) {
                int i = 1;
                ps.setLong(i++, episodeId);
                ps.setString(i++, r.kind().value());
                ps.setString(i++, r.mediaPath());
                ps.setString(i++, r.mimeType());
                ps.setLong(i++, r.length());
                ps.setLong(i++, r.durationMs());
                ps.setString(i++, r.torrentPath());
                ps.setLong(i++, r.torrentLength());
                ps.setString(i++, r.infoHash());
                ps.setLong(i, System.currentTimeMillis());
                ps.executeUpdate();
            }
            touch(c);
            return null;
        });
    }

    /** An episode's renditions, in {@link RenditionKind} order. */
    public List<Rendition> renditions(long episodeId) {
        List<Rendition> list = new ArrayList<>(list("SELECT kind, media_path, mime, length, duration_ms, torrent_path,"
                + " torrent_length, infohash FROM renditions WHERE episode_id = ?", episodeId,
                rs -> new Rendition(RenditionKind.of(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getLong(5), rs.getString(6), rs.getLong(7), rs.getString(8))));
        list.sort((a, b) -> a.kind().compareTo(b.kind()));
        return list;
    }

    // ---- everything about episodes, for feeds

    /** One episode with its notes, guests, transcripts and renditions. */
    public EpisodeNotes notes(Episode e) {
        return new EpisodeNotes(e, notes(e.id()), guests(e.id()), transcripts(e.id()), renditions(e.id()));
    }

    /** Every episode released by {@code now}, with everything about it, newest first. */
    public List<EpisodeNotes> released(Instant now) {
        return episodes().stream().filter(e -> !e.publishedAt().isAfter(now)).map(this::notes).toList();
    }

    // ---- change time, for the page cache

    /**
     * When the show's pages and feeds last changed as of now: the later of its last write (settings, episodes,
     * notes, guests, transcripts, renditions, chapters, deletions) and the release of its latest released episode,
     * so that an episode scheduled for later appears when its time comes. {@link Instant#EPOCH} for an empty show.
     */
    public Instant lastChange(Instant now) {
        return db.withConnection(c -> {
            long changed = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT changed_at FROM show_changes WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    changed = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MAX(published_at) FROM episodes WHERE published_at <= ?")) {
                ps.setLong(1, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        changed = Math.max(changed, rs.getLong(1));
                    }
                }
            }
            return Instant.ofEpochMilli(changed);
        });
    }

    /** {@link #lastChange(Instant)} as of the system clock. */
    public Instant lastChange() {
        return lastChange(Instant.now());
    }

    /** Moves the show's change time forward, by at least a millisecond, inside the caller's transaction. */
    private static void touch(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO show_changes (id, changed_at) VALUES (1, ?)"
                + " ON CONFLICT (id) DO UPDATE SET changed_at = CASE WHEN excluded.changed_at > show_changes.changed_at"
                + " THEN excluded.changed_at ELSE show_changes.changed_at + 1 END")) {
            ps.setLong(1, System.currentTimeMillis());
            ps.executeUpdate();
        }
    }

    // ---- download counts

    /**
     * Adds counted downloads to the stored counts, in one transaction: per media path, UTC day and kind
     * ({@code full} or {@code range}, see {@link DownloadCounter}). Nothing about who downloaded is stored.
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
                    ps.setString(1, p.file());
                    ps.setString(2, p.day().toString());
                    ps.setString(3, p.rangeStart() ? "range" : "full");
                    ps.setLong(4, p.downloads());
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
        List<EpisodeDownloads> list = new ArrayList<>(db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.number, e.title, r.kind, r.media_path,"
                    + " COALESCE(SUM(d.downloads), 0), COALESCE(SUM(CASE WHEN d.day >= ? THEN d.downloads ELSE 0 END), 0)"
                    + " FROM episodes e JOIN renditions r ON r.episode_id = e.id"
                    + " LEFT JOIN download_counts d ON d.media_path = r.media_path"
                    + " GROUP BY e.number, e.title, r.kind, r.media_path")) {
                ps.setString(1, since.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    List<EpisodeDownloads> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(new EpisodeDownloads(rs.getInt(1), rs.getString(2), RenditionKind.of(rs.getString(3)),
                                rs.getString(4), rs.getLong(5), rs.getLong(6)));
                    }
                    return rows;
                }
            }
        }));
        list.sort(java.util.Comparator.comparingInt(EpisodeDownloads::number).reversed()
                .thenComparing(EpisodeDownloads::kind));
        return list;
    }

    // ---- helpers

    /** Runs {@code work} in a transaction that also moves the show's change time, as every write must. */
    private <T> T changing(Database.SqlWork<T> work) {
        return db.inTransaction(c -> {
            T result = work.run(c);
            touch(c);
            return result;
        });
    }

    private int update(String sql, Object... args) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    if (args[i] == null) {
                        ps.setNull(i + 1, Types.VARCHAR);
                    } else {
                        ps.setObject(i + 1, args[i]);
                    }
                }
                int changed = ps.executeUpdate();
                touch(c);
                return changed;
            }
        });
    }

    private <T> List<T> list(String sql, long id, RowMapper<T> mapper) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    List<T> list = new ArrayList<>();
                    while (rs.next()) {
                        list.add(mapper.map(rs));
                    }
                    return list;
                }
            }
        });
    }

    /** Maps one row. */
    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
