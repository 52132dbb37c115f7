package org.callisto.journal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * All SQL of votes and flags. A member's vote or flag is one row keyed by member and target, so a second one is
 * impossible whatever the requests do at once. Writes move the journal's change clock (points show on shared
 * pages). Decides nothing; the rules live in {@link Votes}. Thread-safe: every method borrows its own connection.
 */
public final class VoteStore {
    private final Database db;
    private final Clock clock;

    public VoteStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Adds a member's vote; false when it was there already. */
    boolean vote(long userId, Target target, long id, long authorId, Instant at) {
        return write(
                "INSERT INTO votes (user_id, target_kind, target_id, target_author_id, created_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                userId,
                target.key(),
                id,
                authorId,
                at);
    }

    /** Takes a member's vote back; false when there was none. */
    boolean unvote(long userId, Target target, long id) {
        return write(
                "DELETE FROM votes WHERE user_id = ? AND target_kind = ? AND target_id = ?", userId, target.key(), id);
    }

    /** Adds a member's flag; false when they flagged it already. */
    boolean flag(long userId, Target target, long id, FlagReason reason, Instant at) {
        return write(
                "INSERT INTO flags (user_id, target_kind, target_id, reason, created_at) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                userId,
                target.key(),
                id,
                reason.key(),
                at);
    }

    /** Votes per target among {@code ids}; targets without any are left out. */
    public Map<Long, Integer> votes(Target target, List<Long> ids) {
        return counts("votes", target, ids);
    }

    /** Flags per target among {@code ids}; targets without any are left out. */
    public Map<Long, Integer> flags(Target target, List<Long> ids) {
        return counts("flags", target, ids);
    }

    /** What one member voted for and flagged among some targets. */
    public record Marks(Set<Long> voted, Set<Long> flagged) {
        public Marks {
            voted = Set.copyOf(voted);
            flagged = Set.copyOf(flagged);
        }

        public static final Marks NONE = new Marks(Set.of(), Set.of());
    }

    /** Which of {@code ids} the member voted for and which they flagged, in one query. */
    public Marks marksBy(long userId, Target target, List<Long> ids) {
        if (ids.isEmpty()) {
            return Marks.NONE;
        }
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            params.add(userId);
            params.add(target.key());
            params.addAll(ids);
        }
        String in = " AND target_id IN (" + marks(ids.size()) + ")";
        return marks(
                "SELECT 0, target_id FROM votes WHERE user_id = ? AND target_kind = ?" + in
                        + " UNION ALL SELECT 1, target_id FROM flags WHERE user_id = ? AND target_kind = ?" + in,
                params.toArray());
    }

    /**
     * Which comments under a story the member voted for and which they flagged, in one short query (a story page
     * asks for all its comments, and a list of hundreds of ids is slow to prepare).
     */
    public Marks commentMarksBy(long userId, long storyId) {
        return marks(
                "SELECT 0, v.target_id FROM comments c JOIN votes v ON v.target_id = c.id"
                        + " WHERE c.story_id = ? AND v.user_id = ? AND v.target_kind = 'comment'"
                        + " UNION ALL SELECT 1, f.target_id FROM comments c JOIN flags f ON f.target_id = c.id"
                        + " WHERE c.story_id = ? AND f.user_id = ? AND f.target_kind = 'comment'",
                storyId,
                userId,
                storyId,
                userId);
    }

    private Marks marks(String sql, Object... params) {
        Set<Long> voted = new HashSet<>();
        Set<Long> flagged = new HashSet<>();
        db.withConnection(c -> Sql.list(c, sql, rs -> Map.entry(rs.getInt(1), rs.getLong(2)), params))
                .forEach(e -> (e.getKey() == 0 ? voted : flagged).add(e.getValue()));
        return new Marks(voted, flagged);
    }

    /** Votes received by a member's stories and comments. */
    public int karma(long userId) {
        return db.withConnection(c -> Sql.first(
                        c, "SELECT COUNT(*) FROM votes WHERE target_author_id = ?", rs -> rs.getInt(1), userId))
                .orElse(0);
    }

    /**
     * Stories and comments flagged by at least {@code threshold} distinct members, most flagged first; hidden
     * comments and unpublished stories are left out (a moderator has dealt with them).
     */
    public List<Flagged> flagged(int threshold, int limit) {
        record Row(String kind, long id, long storyId, int count) {}
        List<Row> rows = db.withConnection(c -> Sql.list(
                c,
                "SELECT f.target_kind, f.target_id, COALESCE(s.id, cm.story_id), COUNT(*) FROM flags f"
                        + " LEFT JOIN stories s ON f.target_kind = 'story' AND s.id = f.target_id"
                        + " AND s.status = 'published'"
                        + " LEFT JOIN comments cm ON f.target_kind = 'comment' AND cm.id = f.target_id"
                        + " AND cm.hidden = 0 AND cm.deleted = 0"
                        + " WHERE s.id IS NOT NULL OR cm.id IS NOT NULL"
                        + " GROUP BY f.target_kind, f.target_id, COALESCE(s.id, cm.story_id)"
                        + " HAVING COUNT(*) >= ? ORDER BY COUNT(*) DESC, f.target_id LIMIT ?",
                rs -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)),
                threshold,
                limit));
        List<Flagged> out = new ArrayList<>();
        for (Row r : rows) {
            List<FlagReason> reasons = db.withConnection(c -> Sql.list(
                    c,
                    "SELECT reason FROM flags WHERE target_kind = ? AND target_id = ? GROUP BY reason"
                            + " ORDER BY COUNT(*) DESC, reason",
                    rs -> FlagReason.of(rs.getString(1)),
                    r.kind(),
                    r.id()));
            out.add(new Flagged(Target.of(r.kind()), r.id(), r.storyId(), r.count(), reasons));
        }
        return out;
    }

    private Map<Long, Integer> counts(String table, Target target, List<Long> ids) {
        Map<Long, Integer> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<Object> params = new ArrayList<>();
        params.add(target.key());
        params.addAll(ids);
        db.withConnection(c -> Sql.list(
                        c,
                        "SELECT target_id, COUNT(*) FROM " + table + " WHERE target_kind = ? AND target_id IN ("
                                + marks(ids.size()) + ") GROUP BY target_id",
                        rs -> Map.entry(rs.getLong(1), rs.getInt(2)),
                        params.toArray()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private boolean write(String sql, Object... params) {
        return db.inTransaction(c -> {
            boolean changed = Sql.update(c, sql, params) == 1;
            if (changed) {
                JournalStore.touch(c, clock.instant());
            }
            return changed;
        });
    }
}
