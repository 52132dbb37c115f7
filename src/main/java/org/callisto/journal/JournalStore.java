package org.callisto.journal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.callisto.db.Database;

/**
 * All SQL of the journal's stories, and the journal's change clock ({@link #lastChange}) that every write to
 * stories, comments, locks and the moderation log moves. It stores what it is given and decides nothing; the rules
 * live in {@link Submissions}. Thread-safe: every method borrows its own connection.
 */
public final class JournalStore {
    private static final String COLUMNS = "SELECT s.id, s.author_id, u.username, s.title, s.dept, s.topics, s.format,"
            + " s.intro_source, s.body_source, s.intro_html, s.body_html, s.source_url, s.duplicate_of, s.status,"
            + " s.reject_reason, s.submitted_at, s.published_at, s.editor_id";
    private static final String FROM = " FROM stories s JOIN users u ON u.id = s.author_id";

    private final Database db;

    public JournalStore(Database db) {
        this.db = db;
    }

    /** A checked, rendered submission to store as pending. */
    record NewStory(long authorId, String title, String dept, List<String> topics, StoryFormat format,
                    String introSource, String bodySource, String introHtml, String bodyHtml, String sourceUrl,
                    Long duplicateOf, Instant submittedAt) {
    }

    /** Stores a pending story and returns it. */
    Story insert(NewStory s) {
        long id = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO stories (author_id, title, dept, topics,"
                    + " format, intro_source, body_source, intro_html, body_html, source_url, duplicate_of, status,"
                    + " submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?) RETURNING id")) {
                ps.setLong(1, s.authorId());
                ps.setString(2, s.title());
                ps.setString(3, s.dept());
                ps.setString(4, String.join("\n", s.topics()));
                ps.setString(5, s.format().key());
                ps.setString(6, s.introSource());
                ps.setString(7, s.bodySource());
                ps.setString(8, s.introHtml());
                ps.setString(9, s.bodyHtml());
                ps.setString(10, s.sourceUrl());
                if (s.duplicateOf() == null) {
                    ps.setNull(11, Types.BIGINT);
                } else {
                    ps.setLong(11, s.duplicateOf());
                }
                ps.setLong(12, s.submittedAt().toEpochMilli());
                long newId;
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    newId = rs.getLong(1);
                }
                touch(c);
                return newId;
            }
        });
        return story(id).orElseThrow();
    }

    /**
     * Replaces a pending story's text (an editor's revision before deciding); its author, submission time and
     * status stay. False when the story is no longer pending.
     */
    boolean revise(long id, NewStory s) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE stories SET title = ?, dept = ?, topics = ?,"
                    + " format = ?, intro_source = ?, body_source = ?, intro_html = ?, body_html = ?, source_url = ?,"
                    + " duplicate_of = ? WHERE id = ? AND status = 'pending'")) {
                ps.setString(1, s.title());
                ps.setString(2, s.dept());
                ps.setString(3, String.join("\n", s.topics()));
                ps.setString(4, s.format().key());
                ps.setString(5, s.introSource());
                ps.setString(6, s.bodySource());
                ps.setString(7, s.introHtml());
                ps.setString(8, s.bodyHtml());
                ps.setString(9, s.sourceUrl());
                if (s.duplicateOf() == null) {
                    ps.setNull(10, Types.BIGINT);
                } else {
                    ps.setLong(10, s.duplicateOf());
                }
                ps.setLong(11, id);
                boolean changed = ps.executeUpdate() == 1;
                if (changed) {
                    touch(c);
                }
                return changed;
            }
        });
    }

    /** The story with this number, whatever its status. */
    public Optional<Story> story(long id) {
        List<Story> found = query(COLUMNS + FROM + " WHERE s.id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** Published stories whose publication time has come by {@code now}, newest first. */
    public List<Story> published(int offset, int limit, Instant now) {
        return query(COLUMNS + FROM + " WHERE s.status = 'published' AND s.published_at <= ?"
                + " ORDER BY s.published_at DESC, s.id DESC LIMIT ? OFFSET ?", now.toEpochMilli(), limit, offset);
    }

    /** Stories accepted for a time after {@code now}, soonest first. */
    public List<Story> scheduled(Instant now) {
        return query(COLUMNS + FROM + " WHERE s.status = 'published' AND s.published_at > ?"
                + " ORDER BY s.published_at, s.id", now.toEpochMilli());
    }

    /** Stories waiting for an editor, oldest first. */
    public List<Story> pending() {
        return query(COLUMNS + FROM + " WHERE s.status = 'pending' ORDER BY s.submitted_at, s.id");
    }

    /** The stories an account submitted, newest first. */
    public List<Story> byAuthor(long authorId) {
        return query(COLUMNS + FROM + " WHERE s.author_id = ? ORDER BY s.submitted_at DESC, s.id DESC", authorId);
    }

    /**
     * Published stories whose title or intro contains {@code text} (ignoring ASCII case; wildcards match
     * themselves, see {@link FeedbackStore#likePattern}), newest first.
     */
    public List<Story> searchPublished(String text, int limit) {
        String pattern = FeedbackStore.likePattern(text);
        return query(COLUMNS + FROM + " WHERE s.status = 'published' AND (LOWER(s.title) LIKE ? ESCAPE '\\'"
                + " OR LOWER(s.intro_source) LIKE ? ESCAPE '\\') ORDER BY s.published_at DESC, s.id DESC LIMIT ?",
                pattern, pattern, limit);
    }

    /** The earliest story, pending or published, about this link. */
    Optional<Long> earliestWithSource(String sourceUrl) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM stories WHERE source_url = ?"
                    + " AND status <> 'rejected' ORDER BY id LIMIT 1")) {
                ps.setString(1, sourceUrl);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Records an editor's decision on a pending story; false when the story is not pending (any more).
     *
     * @param reason the rejection reason, or null when publishing
     */
    boolean decide(long id, StoryStatus status, String reason, long editorId, Instant publishAt) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE stories SET status = ?, reject_reason = ?,"
                    + " editor_id = ?, published_at = ? WHERE id = ? AND status = 'pending'")) {
                ps.setString(1, status.key());
                ps.setString(2, reason);
                ps.setLong(3, editorId);
                if (status == StoryStatus.PUBLISHED) {
                    ps.setLong(4, publishAt.toEpochMilli());
                } else {
                    ps.setNull(4, Types.BIGINT);
                }
                ps.setLong(5, id);
                boolean decided = ps.executeUpdate() == 1;
                if (decided) {
                    touch(c);
                }
                return decided;
            }
        });
    }

    /** The journal's change clock alone: moved by every write to stories, comments, locks or the log. */
    public long changeClock() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT changed_at FROM journal_changes WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /**
     * The time of the journal's latest visible change, in the clock of the pages' cache: the later of the last
     * write to stories, comments, locks or the moderation log, and the latest publication time that has passed by
     * {@code now} (so a story published for a later time shows once that time comes, without any write).
     */
    public Instant lastChange(Instant now) {
        return db.withConnection(c -> {
            long changed = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT changed_at FROM journal_changes WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    changed = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(published_at) FROM stories"
                    + " WHERE status = 'published' AND published_at <= ?")) {
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

    /**
     * Moves the journal's change clock forward, inside the caller's write transaction: to now, or by one
     * millisecond when now is not later than the last change, so every write gives a new version.
     */
    static void touch(java.sql.Connection c) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement ps = c.prepareStatement("UPDATE journal_changes SET changed_at = CASE WHEN"
                + " changed_at < ? THEN ? ELSE changed_at + 1 END WHERE id = 1")) {
            ps.setLong(1, now);
            ps.setLong(2, now);
            ps.executeUpdate();
        }
    }

    /** When the latest story whose time has come by {@code now} was published, or the epoch when none was. */
    public Instant lastPublished(Instant now) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MAX(published_at) FROM stories WHERE status = 'published' AND published_at <= ?")) {
                ps.setLong(1, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    long t = rs.next() ? rs.getLong(1) : 0;
                    return Instant.ofEpochMilli(t);
                }
            }
        });
    }

    private List<Story> query(String sql, Object... params) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    if (params[i] instanceof Long l) {
                        ps.setLong(i + 1, l);
                    } else if (params[i] instanceof Integer n) {
                        ps.setInt(i + 1, n);
                    } else {
                        ps.setString(i + 1, (String) params[i]);
                    }
                }
                List<Story> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(story(rs));
                    }
                }
                return out;
            }
        });
    }

    private static Story story(ResultSet rs) throws SQLException {
        String topics = rs.getString(6);
        long duplicate = rs.getLong(13);
        Optional<Long> duplicateOf = rs.wasNull() ? Optional.empty() : Optional.of(duplicate);
        long published = rs.getLong(17);
        Instant publishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(published);
        long editor = rs.getLong(18);
        Long editorId = rs.wasNull() ? null : editor;
        return new Story(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                topics == null || topics.isEmpty() ? List.of() : Arrays.asList(topics.split("\n")),
                StoryFormat.of(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), duplicateOf, StoryStatus.of(rs.getString(14)),
                rs.getString(15), Instant.ofEpochMilli(rs.getLong(16)), publishedAt, editorId);
    }
}
