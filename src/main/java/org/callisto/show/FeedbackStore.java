package org.callisto.show;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.callisto.db.Database;
import org.callisto.db.LikePatterns;
import org.callisto.db.Sql;

/**
 * All SQL of listener feedback (table {@code feedback} from {@code V007__feedback.sql}). It stores what it is given
 * and decides nothing; the rules live in {@link ListenerFeedback}. Thread-safe: every method borrows its own
 * connection.
 */
public final class FeedbackStore {
    private static final String COLUMNS =
            "SELECT id, name, email, subject, message, status, received_at," + " used_in_episode FROM feedback";

    private final Database db;

    public FeedbackStore(Database db) {
        this.db = db;
    }

    /** Stores a new message and returns it. */
    Feedback insert(String name, String email, String subject, String message, Instant receivedAt) {
        long id = db.inTransaction(c -> Sql.first(
                        c,
                        "INSERT INTO feedback (name, email, subject, message, status,"
                                + " received_at) VALUES (?, ?, ?, ?, 'new', ?) RETURNING id",
                        rs -> rs.getLong(1),
                        name,
                        email,
                        subject,
                        message,
                        receivedAt)
                .orElseThrow());
        return feedback(id).orElseThrow();
    }

    /** The message with this number. */
    public Optional<Feedback> feedback(long id) {
        return db.withConnection(c -> Sql.first(c, COLUMNS + " WHERE id = ?", FeedbackStore::feedback, id));
    }

    /** Messages with the given status, oldest first, at most {@code limit}. */
    public List<Feedback> withStatus(FeedbackStatus status, int limit) {
        return query(COLUMNS + " WHERE status = ? ORDER BY received_at, id LIMIT ?", status.value(), limit);
    }

    /** Messages answered or archived, newest decision first, at most {@code limit}. */
    public List<Feedback> decided(int limit) {
        return query(COLUMNS + " WHERE status <> 'new' ORDER BY decided_at DESC, id DESC LIMIT ?", limit);
    }

    /**
     * Open messages whose subject, message or name contains {@code text} (ignoring ASCII case; {@code %}, {@code _}
     * and {@code \} match themselves), oldest first.
     */
    public List<Feedback> searchOpen(String text, int limit) {
        String pattern = LikePatterns.containing(text);
        return query(
                COLUMNS + " WHERE status = 'new' AND (LOWER(subject) LIKE ? ESCAPE '\\'"
                        + " OR LOWER(message) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(name, '')) LIKE ? ESCAPE '\\')"
                        + " ORDER BY received_at, id LIMIT ?",
                pattern,
                pattern,
                pattern,
                limit);
    }

    /** What importing an archived message did. */
    public enum Imported {
        ADDED,
        UPDATED,
        UNCHANGED
    }

    /** The id of an imported message and what importing it did. */
    public record ImportedFeedback(long id, Imported outcome) {}

    /**
     * Adds or updates a message from a show's archive, found by its key: answered in its episode and public. A
     * message whose name, subject, text and episode are unchanged is not written.
     *
     * @param at when it is stamped as received and answered, the first time only
     */
    public ImportedFeedback importArchived(ArchivedFeedback f, Instant at) {
        return db.inTransaction(c -> {
            record Row(long id, String name, String subject, String message, Integer episode) {}
            java.util.Optional<Row> old = Sql.first(
                    c,
                    "SELECT id, name, subject, message, used_in_episode FROM feedback WHERE import_key = ?",
                    rs -> new Row(
                            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), Sql.intOrNull(rs, 5)),
                    f.key());
            if (old.isEmpty()) {
                long id = Sql.first(
                                c,
                                "INSERT INTO feedback (name, subject, message, status, received_at, decided_at,"
                                        + " used_in_episode, used_at, import_key, published)"
                                        + " VALUES (?, ?, ?, 'answered', ?, ?, ?, ?, ?, 1) RETURNING id",
                                rs -> rs.getLong(1),
                                f.name(),
                                f.subject(),
                                f.message(),
                                at,
                                at,
                                f.episode(),
                                at,
                                f.key())
                        .orElseThrow();
                return new ImportedFeedback(id, Imported.ADDED);
            }
            Row r = old.get();
            if (java.util.Objects.equals(r.name(), f.name())
                    && r.subject().equals(f.subject())
                    && r.message().equals(f.message())
                    && java.util.Objects.equals(r.episode(), f.episode())) {
                return new ImportedFeedback(r.id(), Imported.UNCHANGED);
            }
            Sql.update(
                    c,
                    "UPDATE feedback SET name = ?, subject = ?, message = ?, used_in_episode = ?, published = 1"
                            + " WHERE id = ?",
                    f.name(),
                    f.subject(),
                    f.message(),
                    f.episode(),
                    r.id());
            return new ImportedFeedback(r.id(), Imported.UPDATED);
        });
    }

    /** The message with this number if it is public (imported from a show's archive). */
    public Optional<Feedback> published(long id) {
        return db.withConnection(
                c -> Sql.first(c, COLUMNS + " WHERE id = ? AND published = 1", FeedbackStore::feedback, id));
    }

    /** Sets a message's status; false when there is no such message. */
    boolean setStatus(long id, FeedbackStatus status, Instant at) {
        return update("UPDATE feedback SET status = ?, decided_at = ? WHERE id = ?", status.value(), at, id) > 0;
    }

    /** Records that episode {@code number}'s notes took the message up; false when there is no such message. */
    public boolean markUsed(long id, int episodeNumber, Instant at) {
        return update("UPDATE feedback SET used_in_episode = ?, used_at = ? WHERE id = ?", episodeNumber, at, id) > 0;
    }

    private int update(String sql, Object... params) {
        return db.inTransaction(c -> Sql.update(c, sql, params));
    }

    private List<Feedback> query(String sql, Object... params) {
        return db.withConnection(c -> Sql.list(c, sql, FeedbackStore::feedback, params));
    }

    private static Feedback feedback(ResultSet rs) throws SQLException {
        return new Feedback(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                FeedbackStatus.of(rs.getString(6)),
                Instant.ofEpochMilli(rs.getLong(7)),
                Sql.intOrNull(rs, 8));
    }
}
