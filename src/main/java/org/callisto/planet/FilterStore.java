package org.callisto.planet;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * The stored filter rules and the entries they dropped. Rules are checked when added, so every stored rule compiles.
 * Thread-safe: every method borrows its own connection from the pool.
 */
public final class FilterStore {
    /** The dropped entries a feed's page lists, newest first. */
    public static final int SHOWN_DROPPED = 20;

    private final Database db;
    private final Clock clock;

    public FilterStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Stores a rule after checking it.
     *
     * @throws IllegalArgumentException when the pattern is not valid (with what and where) or the feed does not
     *                                  exist
     */
    public FilterRule add(
            Long feedId,
            FilterRule.Action action,
            FilterRule.Field field,
            FilterRule.Kind kind,
            String pattern,
            String origin) {
        FilterRule.compile(kind, pattern);
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            if (feedId != null
                    && Sql.first(c, "SELECT id FROM feeds WHERE id = ?", rs -> rs.getLong(1), feedId)
                            .isEmpty()) {
                throw new IllegalArgumentException(
                        "there is no feed " + feedId + "; `callisto feeds list` shows the feeds and their ids");
            }
            Optional<FilterRule> same = Sql.first(
                    c,
                    "SELECT " + COLUMNS + " FROM entry_filters WHERE COALESCE(feed_id, 0) = ?"
                            + " AND action = ? AND field = ? AND kind = ? AND pattern = ?",
                    FilterStore::rule,
                    feedId == null ? 0L : feedId,
                    action.key(),
                    field.key(),
                    kind.key(),
                    pattern);
            if (same.isPresent()) {
                return same.get(); // the same rule twice would change nothing; importing twice stays idempotent
            }
            long id = Sql.first(
                            c,
                            "INSERT INTO entry_filters (feed_id, action, field, kind, pattern, origin, created_at)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                            rs -> rs.getLong(1),
                            feedId,
                            action.key(),
                            field.key(),
                            kind.key(),
                            pattern,
                            origin,
                            now)
                    .orElseThrow(() -> new SQLException("no id returned for the new filter rule"));
            return new FilterRule(id, feedId, action, field, kind, pattern, origin, now);
        });
    }

    /** Removes a rule; the entries it dropped are forgotten, so they are stored at their feed's next fetch. */
    public boolean remove(long id) {
        return db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM filtered_entries WHERE rule_id = ?", id);
            return Sql.update(c, "DELETE FROM entry_filters WHERE id = ?", id) > 0;
        });
    }

    /** Every rule, global ones first, then by feed, in the order they were added. */
    public List<FilterRule> rules() {
        return db.withConnection(c -> Sql.list(
                c,
                "SELECT " + COLUMNS + " FROM entry_filters ORDER BY CASE WHEN feed_id IS NULL THEN 0 ELSE 1 END,"
                        + " feed_id, id",
                FilterStore::rule));
    }

    /** The rules that apply to one feed: the global ones and its own. */
    public List<FilterRule> rulesFor(long feedId) {
        return db.withConnection(c -> Sql.list(
                c,
                "SELECT " + COLUMNS + " FROM entry_filters WHERE feed_id IS NULL OR feed_id = ? ORDER BY id",
                FilterStore::rule,
                feedId));
    }

    public Optional<FilterRule> rule(long id) {
        return db.withConnection(
                c -> Sql.first(c, "SELECT " + COLUMNS + " FROM entry_filters WHERE id = ?", FilterStore::rule, id));
    }

    /**
     * Records entries a rule dropped from a feed, once each, and removes any copy of them stored before the rule
     * existed (with its search document), in one transaction.
     *
     * @return how many stored entries were removed
     */
    public int recordDropped(long feedId, Collection<EntryFilters.Dropped> dropped) {
        if (dropped.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            int removed = 0;
            for (EntryFilters.Dropped d : dropped) {
                Sql.update(
                        c,
                        "INSERT INTO filtered_entries (feed_id, entry_key, title, link, rule_id, filtered_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (feed_id, entry_key) DO UPDATE SET"
                                + " title = excluded.title, link = excluded.link, rule_id = excluded.rule_id",
                        feedId,
                        d.row().entryKey(),
                        d.row().title(),
                        d.row().link(),
                        d.rule().id(),
                        now);
                removed += removeStored(c, feedId, d.row().entryKey());
            }
            if (removed > 0) {
                PlanetChangeTime.touch(c, now);
            }
            return removed;
        });
    }

    private static int removeStored(Connection c, long feedId, String entryKey) throws SQLException {
        Optional<Long> id = Sql.first(
                c, "SELECT id FROM entries WHERE feed_id = ? AND entry_key = ?", rs -> rs.getLong(1), feedId, entryKey);
        if (id.isEmpty()) {
            return 0;
        }
        Sql.update(c, "DELETE FROM search_documents WHERE kind = 'entry' AND ref_id = ?", id.get());
        Sql.update(c, "DELETE FROM entry_categories WHERE entry_id = ?", id.get());
        return Sql.update(c, "DELETE FROM entries WHERE id = ?", id.get());
    }

    /** An entry a rule dropped, as the pages list it. */
    public record DroppedEntry(long feedId, String title, String link, long ruleId, Instant at) {}

    /** How many entries the rules dropped, in all feeds. */
    public long droppedTotal() {
        return db.withConnection(c -> Sql.first(c, "SELECT COUNT(*) FROM filtered_entries", rs -> rs.getLong(1))
                .orElse(0L));
    }

    /** The latest entries the rules dropped from any feed, newest first. */
    public List<DroppedEntry> recentDropped(int limit) {
        return db.withConnection(c -> Sql.list(
                c,
                "SELECT feed_id, title, link, rule_id, filtered_at FROM filtered_entries"
                        + " ORDER BY filtered_at DESC, entry_key LIMIT ?",
                FilterStore::dropped,
                limit));
    }

    private static DroppedEntry dropped(ResultSet rs) throws SQLException {
        return new DroppedEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), Sql.instant(rs, 5));
    }

    /** How many entries of a feed the rules dropped. */
    public long droppedCount(long feedId) {
        return db.withConnection(c -> Sql.first(
                        c, "SELECT COUNT(*) FROM filtered_entries WHERE feed_id = ?", rs -> rs.getLong(1), feedId)
                .orElse(0L));
    }

    /** The latest entries the rules dropped from a feed, newest first. */
    public List<DroppedEntry> dropped(long feedId) {
        return db.withConnection(c -> Sql.list(
                c,
                "SELECT feed_id, title, link, rule_id, filtered_at FROM filtered_entries WHERE feed_id = ?"
                        + " ORDER BY filtered_at DESC, entry_key LIMIT " + SHOWN_DROPPED,
                FilterStore::dropped,
                feedId));
    }

    private static final String COLUMNS = "id, feed_id, action, field, kind, pattern, origin, created_at";

    private static FilterRule rule(ResultSet rs) throws SQLException {
        return new FilterRule(
                rs.getLong(1),
                Sql.longOrNull(rs, 2),
                FilterRule.parse(FilterRule.Action.class, rs.getString(3), "action"),
                FilterRule.parse(FilterRule.Field.class, rs.getString(4), "field"),
                FilterRule.parse(FilterRule.Kind.class, rs.getString(5), "kind"),
                rs.getString(6),
                rs.getString(7),
                Sql.instant(rs, 8));
    }
}
