package org.callisto.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.callisto.db.Database;
import org.callisto.db.LikePatterns;
import org.callisto.db.Sql;
import org.callisto.search.SearchDocuments;

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
    private final Clock clock;

    /** @param clock the clock of the journal's change clock (the times of stories are given with them) */
    public JournalStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The database, for the journal's other stores. */
    Database database() {
        return db;
    }

    /** A checked, rendered submission to store as pending. */
    record NewStory(
            long authorId,
            String title,
            String dept,
            List<String> topics,
            StoryFormat format,
            String introSource,
            String bodySource,
            String introHtml,
            String bodyHtml,
            String sourceUrl,
            Long duplicateOf,
            Instant submittedAt) {}

    /** Stores a pending story and returns it. */
    Story insert(NewStory s) {
        long id = db.inTransaction(c -> {
            long newId = Sql.first(
                            c,
                            "INSERT INTO stories (author_id, title, dept, topics, format, intro_source,"
                                    + " body_source, intro_html, body_html, source_url, duplicate_of, status, submitted_at)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?) RETURNING id",
                            rs -> rs.getLong(1),
                            s.authorId(),
                            s.title(),
                            s.dept(),
                            String.join("\n", s.topics()),
                            s.format().key(),
                            s.introSource(),
                            s.bodySource(),
                            s.introHtml(),
                            s.bodyHtml(),
                            s.sourceUrl(),
                            s.duplicateOf(),
                            s.submittedAt())
                    .orElseThrow();
            SearchDocuments.story(c, newId);
            touch(c, clock.instant());
            return newId;
        });
        return story(id).orElseThrow();
    }

    /**
     * Replaces a pending story's text (an editor's revision before deciding); its author, submission time and
     * status stay. False when the story is no longer pending.
     */
    boolean revise(long id, NewStory s) {
        return update(
                id,
                "UPDATE stories SET title = ?, dept = ?, topics = ?, format = ?, intro_source = ?,"
                        + " body_source = ?, intro_html = ?, body_html = ?, source_url = ?, duplicate_of = ?"
                        + " WHERE id = ? AND status = 'pending'",
                s.title(),
                s.dept(),
                String.join("\n", s.topics()),
                s.format().key(),
                s.introSource(),
                s.bodySource(),
                s.introHtml(),
                s.bodyHtml(),
                s.sourceUrl(),
                s.duplicateOf(),
                id);
    }

    /** The story with this number, whatever its status. */
    public Optional<Story> story(long id) {
        return db.withConnection(c -> Sql.first(c, COLUMNS + FROM + " WHERE s.id = ?", JournalStore::story, id));
    }

    /** Published stories whose publication time has come by {@code now}, newest first. */
    public List<Story> published(int offset, int limit, Instant now) {
        return query(
                COLUMNS + FROM + " WHERE s.status = 'published' AND s.published_at <= ?"
                        + " ORDER BY s.published_at DESC, s.id DESC LIMIT ? OFFSET ?",
                now,
                limit,
                offset);
    }

    /** Published stories tagged {@code tag} whose publication time has come by {@code now}, newest first. */
    public List<Story> publishedWithTag(String tag, Instant now, int limit) {
        return query(
                COLUMNS + FROM + " JOIN story_tags t ON t.story_id = s.id AND t.tag = ?"
                        + " WHERE s.status = 'published' AND s.published_at <= ?"
                        + " ORDER BY s.published_at DESC, s.id DESC LIMIT ?",
                tag,
                now,
                limit);
    }

    /** A member's published stories whose time has come by {@code now}, newest first. */
    public List<Story> publishedBy(long authorId, Instant now, int limit) {
        return query(
                COLUMNS + FROM + " WHERE s.author_id = ? AND s.status = 'published' AND s.published_at <= ?"
                        + " ORDER BY s.published_at DESC, s.id DESC LIMIT ?",
                authorId,
                now,
                limit);
    }

    /** Stories accepted for a time after {@code now}, soonest first. */
    public List<Story> scheduled(Instant now) {
        return query(
                COLUMNS + FROM + " WHERE s.status = 'published' AND s.published_at > ?"
                        + " ORDER BY s.published_at, s.id",
                now);
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
     * themselves, see {@link LikePatterns#containing}), newest first.
     */
    public List<Story> searchPublished(String text, int limit) {
        String pattern = LikePatterns.containing(text);
        return query(
                COLUMNS + FROM + " WHERE s.status = 'published' AND (LOWER(s.title) LIKE ? ESCAPE '\\'"
                        + " OR LOWER(s.intro_source) LIKE ? ESCAPE '\\') ORDER BY s.published_at DESC, s.id DESC LIMIT ?",
                pattern,
                pattern,
                limit);
    }

    /** The earliest story, pending or published, about this link. */
    Optional<Long> earliestWithSource(String sourceUrl) {
        return db.withConnection(c -> Sql.first(
                c,
                "SELECT id FROM stories WHERE source_url = ?" + " AND status <> 'rejected' ORDER BY id LIMIT 1",
                rs -> rs.getLong(1),
                sourceUrl));
    }

    /**
     * Records an editor's decision on a pending story; false when the story is not pending (any more).
     *
     * @param reason the rejection reason, or null when publishing
     */
    boolean decide(long id, StoryStatus status, String reason, long editorId, Instant publishAt) {
        return update(
                id,
                "UPDATE stories SET status = ?, reject_reason = ?, editor_id = ?, published_at = ?"
                        + " WHERE id = ? AND status = 'pending'",
                status.key(),
                reason,
                editorId,
                status == StoryStatus.PUBLISHED ? publishAt : null,
                id);
    }

    /** Moves a published story's publication time (a discussion following its episode); false when not published. */
    boolean reschedule(long id, Instant publishAt) {
        return update(id, "UPDATE stories SET published_at = ? WHERE id = ? AND status = 'published'", publishAt, id);
    }

    /** The journal's change clock alone: moved by every write to stories, comments, locks or the log. */
    public long changeClock() {
        return db.withConnection(
                        c -> Sql.first(c, "SELECT changed_at FROM journal_changes WHERE id = 1", rs -> rs.getLong(1)))
                .orElse(0L);
    }

    /**
     * The time of the journal's latest visible change, in the clock of the pages' cache: the later of the last
     * write to stories, comments, locks or the moderation log, and the latest publication time that has passed by
     * {@code now} (so a story published for a later time shows once that time comes, without any write).
     */
    public Instant lastChange(Instant now) {
        return db.withConnection(c -> {
            long changed = Sql.first(c, "SELECT changed_at FROM journal_changes WHERE id = 1", rs -> rs.getLong(1))
                    .orElse(0L);
            long published = Sql.first(
                            c,
                            "SELECT MAX(published_at) FROM stories WHERE status = 'published'"
                                    + " AND published_at <= ?",
                            rs -> rs.getLong(1),
                            now)
                    .orElse(0L);
            return Instant.ofEpochMilli(Math.max(changed, published));
        });
    }

    /**
     * Moves the journal's change clock forward, inside the caller's write transaction: to {@code now}, or by one
     * millisecond when {@code now} is not later than the last change, so every write gives a new version.
     */
    static void touch(java.sql.Connection c, Instant now) throws SQLException {
        Sql.update(
                c,
                "UPDATE journal_changes SET changed_at = CASE WHEN changed_at < ? THEN ? ELSE changed_at + 1 END"
                        + " WHERE id = 1",
                now,
                now);
    }

    /** When the latest story whose time has come by {@code now} was published, or the epoch when none was. */
    public Instant lastPublished(Instant now) {
        return db.withConnection(c -> Instant.ofEpochMilli(Sql.first(
                        c,
                        "SELECT MAX(published_at) FROM stories" + " WHERE status = 'published' AND published_at <= ?",
                        rs -> rs.getLong(1),
                        now)
                .orElse(0L)));
    }

    /** Runs one write and, when it changed a row, moves the journal's change clock in the same transaction. */
    /** Runs one update of story {@code storyId}; when it changed the story, re-indexes it and moves the clock. */
    private boolean update(long storyId, String sql, Object... params) {
        return db.inTransaction(c -> {
            boolean changed = Sql.update(c, sql, params) == 1;
            if (changed) {
                SearchDocuments.story(c, storyId);
                touch(c, clock.instant());
            }
            return changed;
        });
    }

    private List<Story> query(String sql, Object... params) {
        return db.withConnection(c -> Sql.list(c, sql, JournalStore::story, params));
    }

    private static Story story(ResultSet rs) throws SQLException {
        String topics = rs.getString(6);
        Optional<Long> duplicateOf = Optional.ofNullable(Sql.longOrNull(rs, 13));
        Instant publishedAt = Sql.instant(rs, 17);
        Long editorId = Sql.longOrNull(rs, 18);
        return new Story(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                topics == null || topics.isEmpty() ? List.of() : Arrays.asList(topics.split("\n")),
                StoryFormat.of(rs.getString(7)),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                duplicateOf,
                StoryStatus.of(rs.getString(14)),
                rs.getString(15),
                Instant.ofEpochMilli(rs.getLong(16)),
                publishedAt,
                editorId);
    }
}
