package org.callisto.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callisto.db.Database;
import org.callisto.db.Sql;
import org.callisto.search.SearchDocuments;

/**
 * All SQL of comments, discussion locks and the moderation log. It stores what it is given and decides nothing;
 * the rules live in {@link Comments}. Every write moves the journal's change clock ({@link JournalStore#lastChange})
 * in its own transaction. The moderation log can only be appended to and read: there is no method that
 * changes or removes a row. Thread-safe: every method borrows its own connection.
 */
public final class CommentStore {
    private static final String COLUMNS = "SELECT c.id, c.story_id, c.parent_id, c.thread_id, c.depth, c.author_id,"
            + " u.username, c.format, c.source, c.html, c.created_at, c.edited_at, c.deleted, c.hidden"
            + " FROM comments c JOIN users u ON u.id = c.author_id";

    private final Database db;
    private final Clock clock;

    /** @param clock the clock of the journal's change clock (the times of comments are given with them) */
    public CommentStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A checked, rendered comment to store. */
    record NewComment(
            long storyId,
            Long parentId,
            Long threadId,
            int depth,
            long authorId,
            StoryFormat format,
            String source,
            String html,
            Instant createdAt) {}

    Comment insert(NewComment n) {
        long id = db.inTransaction(c -> {
            long newId = Sql.first(
                            c,
                            "INSERT INTO comments (story_id, parent_id, thread_id, depth, author_id, format,"
                                    + " source, html, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                            rs -> rs.getLong(1),
                            n.storyId(),
                            n.parentId(),
                            n.threadId(),
                            n.depth(),
                            n.authorId(),
                            n.format().key(),
                            n.source(),
                            n.html(),
                            n.createdAt())
                    .orElseThrow();
            if (n.threadId() == null) {
                Sql.update(c, "UPDATE comments SET thread_id = id WHERE id = ?", newId);
            }
            SearchDocuments.comment(c, newId);
            JournalStore.touch(c, clock.instant());
            return newId;
        });
        return comment(id).orElseThrow();
    }

    /** The comment with this number, whatever its state. */
    public Optional<Comment> comment(long id) {
        return db.withConnection(c -> Sql.first(c, COLUMNS + " WHERE c.id = ?", CommentStore::comment, id));
    }

    /** A story's comments, oldest first. */
    public List<Comment> byStory(long storyId) {
        return query(COLUMNS + " WHERE c.story_id = ? ORDER BY c.created_at, c.id", storyId);
    }

    /** A story's latest comments, newest first. */
    public List<Comment> latest(long storyId, int limit) {
        return query(COLUMNS + " WHERE c.story_id = ? ORDER BY c.created_at DESC, c.id DESC LIMIT ?", storyId, limit);
    }

    /** A member's latest comments that readers can see, under published stories, newest first. */
    public List<Comment> byAuthor(long authorId, Instant now, int limit) {
        return query(
                COLUMNS + " JOIN stories s ON s.id = c.story_id WHERE c.author_id = ? AND c.deleted = 0"
                        + " AND c.hidden = 0 AND s.status = 'published' AND s.published_at <= ?"
                        + " ORDER BY c.created_at DESC, c.id DESC LIMIT ?",
                authorId,
                now,
                limit);
    }

    /** How many comments readers can see under each of these stories; stories without any are left out. */
    public Map<Long, Integer> counts(List<Long> storyIds) {
        Map<Long, Integer> out = new HashMap<>();
        if (storyIds.isEmpty()) {
            return out;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(storyIds.size(), "?"));
        db.withConnection(c -> Sql.list(
                        c,
                        "SELECT story_id, COUNT(*) FROM comments WHERE deleted = 0 AND hidden = 0"
                                + " AND story_id IN (" + marks + ") GROUP BY story_id",
                        rs -> Map.entry(rs.getLong(1), rs.getInt(2)),
                        storyIds.toArray()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Changes a comment's text; false when it is deleted or hidden (or gone). */
    boolean edit(long id, StoryFormat format, String source, String html, Instant at) {
        return update(
                id,
                "UPDATE comments SET format = ?, source = ?, html = ?, edited_at = ? WHERE id = ?"
                        + " AND deleted = 0 AND hidden = 0",
                format.key(),
                source,
                html,
                at,
                id);
    }

    /** Marks a comment deleted; false when it already was. */
    boolean delete(long id) {
        return update(id, "UPDATE comments SET deleted = 1 WHERE id = ? AND deleted = 0", id);
    }

    /** Marks a comment hidden; false when it already was. */
    boolean hide(long id) {
        return update(id, "UPDATE comments SET hidden = 1 WHERE id = ? AND hidden = 0", id);
    }

    /** Shows a hidden comment again; false when it was not hidden. */
    boolean unhide(long id) {
        return update("UPDATE comments SET hidden = 0 WHERE id = ? AND hidden = 1", id);
    }

    /** Closes a story's discussion; false when it already was closed. */
    boolean lock(long storyId, long moderatorId, Instant at) {
        return update(
                "INSERT INTO comment_locks (story_id, locked_by, locked_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (story_id) DO NOTHING",
                storyId,
                moderatorId,
                at);
    }

    /** Opens a story's discussion again; false when it was open. */
    boolean unlock(long storyId) {
        return update("DELETE FROM comment_locks WHERE story_id = ?", storyId);
    }

    /** Whether a story's discussion is closed. */
    public boolean locked(long storyId) {
        return db.withConnection(
                c -> Sql.first(c, "SELECT 1 FROM comment_locks WHERE story_id = ?", rs -> true, storyId)
                        .isPresent());
    }

    // ---- the moderation log: append and read, nothing else

    /** Adds a row to the moderation log. */
    void append(Instant at, long moderatorId, String action, String targetKind, long targetId, String reason) {
        update(
                "INSERT INTO moderation_log (at, moderator_id, action, target_kind, target_id, reason)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                at,
                moderatorId,
                action,
                targetKind,
                targetId,
                reason);
    }

    /**
     * Adds a row about something outside the journal to the moderation log, such as an editor deleting a show's
     * episode ({@code targetKind} {@code episode}, {@code targetId} its number).
     */
    public void appendOther(
            Instant at, long moderatorId, String action, String targetKind, long targetId, String reason) {
        append(at, moderatorId, action, targetKind, targetId, reason);
    }

    /** The latest rows of the moderation log, newest first. */
    public List<ModerationEntry> log(int offset, int limit) {
        return db.withConnection(c -> Sql.list(
                c,
                "SELECT m.id, m.at, m.moderator_id, mu.username, m.action,"
                        + " m.target_kind, m.target_id, CASE WHEN m.target_kind = 'story' THEN m.target_id"
                        + " ELSE tc.story_id END, tu.username, m.reason FROM moderation_log m"
                        + " JOIN users mu ON mu.id = m.moderator_id"
                        + " LEFT JOIN comments tc ON m.target_kind = 'comment' AND tc.id = m.target_id"
                        + " LEFT JOIN users tu ON m.target_kind = 'user' AND tu.id = m.target_id"
                        + " ORDER BY m.at DESC, m.id DESC LIMIT ? OFFSET ?",
                rs -> new ModerationEntry(
                        rs.getLong(1),
                        Instant.ofEpochMilli(rs.getLong(2)),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7),
                        Sql.longOrNull(rs, 8),
                        rs.getString(9),
                        rs.getString(10)),
                limit,
                offset));
    }

    // ---- helpers

    /** Runs one write and, when it changed a row, moves the journal's change clock in the same transaction. */
    private boolean update(String sql, Object... params) {
        return db.inTransaction(c -> {
            boolean changed = Sql.update(c, sql, params) == 1;
            if (changed) {
                JournalStore.touch(c, clock.instant());
            }
            return changed;
        });
    }

    /** Runs one update of comment {@code commentId}; when it changed it, re-indexes it and moves the clock. */
    private boolean update(long commentId, String sql, Object... params) {
        return db.inTransaction(c -> {
            boolean changed = Sql.update(c, sql, params) == 1;
            if (changed) {
                SearchDocuments.comment(c, commentId);
                JournalStore.touch(c, clock.instant());
            }
            return changed;
        });
    }

    private List<Comment> query(String sql, Object... params) {
        return db.withConnection(c -> Sql.list(c, sql, CommentStore::comment, params));
    }

    private static Comment comment(ResultSet rs) throws SQLException {
        return new Comment(
                rs.getLong(1),
                rs.getLong(2),
                Sql.longOrNull(rs, 3),
                rs.getLong(4),
                rs.getInt(5),
                rs.getLong(6),
                rs.getString(7),
                StoryFormat.of(rs.getString(8)),
                rs.getString(9),
                rs.getString(10),
                Instant.ofEpochMilli(rs.getLong(11)),
                Sql.instant(rs, 12),
                Sql.bool(rs, 13),
                Sql.bool(rs, 14));
    }
}
