package org.callisto.journal;

import java.time.Instant;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * All SQL of moderators' notes on members: added and read, never changed. Thread-safe: every method borrows its
 * own connection.
 */
public final class MemberNoteStore {
    private final Database db;

    public MemberNoteStore(Database db) {
        this.db = db;
    }

    /** A moderator's note. Immutable. */
    public record Note(long id, String authorName, String text, Instant at) {}

    void add(long userId, long authorId, String note, Instant at) {
        db.inTransaction(c -> Sql.update(
                c,
                "INSERT INTO member_notes (user_id, author_id, note, created_at) VALUES (?, ?, ?, ?)",
                userId,
                authorId,
                note,
                at));
    }

    /** The notes on a member, newest first. */
    public List<Note> notes(long userId) {
        return db.withConnection(c -> Sql.list(
                c,
                "SELECT n.id, u.username, n.note, n.created_at FROM member_notes n JOIN users u ON u.id = n.author_id"
                        + " WHERE n.user_id = ? ORDER BY n.created_at DESC, n.id DESC",
                rs -> new Note(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))),
                userId));
    }
}
