package org.callisto.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * All SQL of notifications. Every read and change names the member it is for, so that no one can read or mark
 * another's notifications by guessing a number. Decides nothing; the rules live in {@link Notifications}.
 * Thread-safe: every method borrows its own connection.
 */
public final class NotificationStore {
    private static final String COLUMNS = "SELECT n.id, n.user_id, n.kind, a.username, n.story_id, s.title,"
            + " n.comment_id, n.created_at, n.read_at FROM notifications n"
            + " LEFT JOIN users a ON a.id = n.actor_id LEFT JOIN stories s ON s.id = n.story_id";

    private final Database db;

    public NotificationStore(Database db) {
        this.db = db;
    }

    /** Stores a notification and returns it. */
    Notification insert(long userId, Notification.Kind kind, Long actorId, Long storyId, Long commentId, Instant at) {
        long id = db.inTransaction(c -> Sql.first(
                        c,
                        "INSERT INTO notifications (user_id, kind, actor_id, story_id, comment_id, created_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                        rs -> rs.getLong(1),
                        userId,
                        kind.key(),
                        actorId,
                        storyId,
                        commentId,
                        at)
                .orElseThrow());
        return db.withConnection(c -> Sql.first(c, COLUMNS + " WHERE n.id = ?", NotificationStore::notification, id))
                .orElseThrow();
    }

    /** A member's latest notifications, newest first. */
    public List<Notification> latest(long userId, int limit) {
        return db.withConnection(c -> Sql.list(
                c,
                COLUMNS + " WHERE n.user_id = ? ORDER BY n.created_at DESC, n.id DESC LIMIT ?",
                NotificationStore::notification,
                userId,
                limit));
    }

    /** How many of a member's notifications are unread. */
    public int unread(long userId) {
        return db.withConnection(c -> Sql.first(
                        c,
                        "SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL",
                        rs -> rs.getInt(1),
                        userId))
                .orElse(0);
    }

    /** Marks one of the member's notifications read; false when it is not theirs, not there, or read already. */
    boolean markRead(long userId, long id, Instant at) {
        return db.inTransaction(c -> Sql.update(
                        c,
                        "UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL",
                        at,
                        id,
                        userId))
                == 1;
    }

    /** Marks all of a member's notifications read; how many were unread. */
    int markAllRead(long userId, Instant at) {
        return db.inTransaction(c -> Sql.update(
                c, "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL", at, userId));
    }

    private static Notification notification(ResultSet rs) throws SQLException {
        return new Notification(
                rs.getLong(1),
                rs.getLong(2),
                Notification.Kind.of(rs.getString(3)),
                rs.getString(4),
                Sql.longOrNull(rs, 5),
                rs.getString(6),
                Sql.longOrNull(rs, 7),
                Instant.ofEpochMilli(rs.getLong(8)),
                Sql.instant(rs, 9));
    }
}
