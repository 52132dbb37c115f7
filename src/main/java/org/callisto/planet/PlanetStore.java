package org.callisto.planet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.callisto.db.Database;

/**
 * All SQL of the planet: subscriptions, categories, entries and the queries behind the planet's pages.
 * Thread-safe: every method borrows its own connection from the pool.
 */
public final class PlanetStore {
    private static final String FEED_COLUMNS = "f.id, f.url, f.name, f.title, f.site_url, f.description, f.image_url,"
            + " f.format, f.disabled, f.disabled_reason, f.created_at, f.last_fetch_at, f.last_success_at,"
            + " f.next_fetch_at, f.last_status, f.last_error_kind, f.last_error, f.error_count, f.ill_formed, f.problems";
    private static final String ENTRY_COLUMNS = "e.id, e.feed_id, COALESCE(NULLIF(f.name, ''), NULLIF(f.title, ''), f.url),"
            + " f.site_url, e.link, e.title, e.author, e.summary_html, e.content_html, e.terms, e.enclosure_url,"
            + " e.enclosure_type, e.enclosure_length, e.published_at, e.updated_at";

    private final Database db;

    public PlanetStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    // ---- subscriptions

    /**
     * Subscribes to a feed, or updates the name and categories of an existing subscription to the same URL.
     *
     * @param name          the planet's name for the feed, or null to use its own title
     * @param categoryNames categories to put it in (created when new); replaces its categories when not null
     */
    public Feed addFeed(String url, String name, List<String> categoryNames) {
        long id = db.inTransaction(c -> {
            long feedId;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO feeds (url, name, created_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT (url) DO UPDATE SET name = COALESCE(excluded.name, feeds.name)"
                            + " RETURNING id")) {
                ps.setString(1, url);
                ps.setString(2, blankToNull(name));
                ps.setLong(3, System.currentTimeMillis());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    feedId = rs.getLong(1);
                }
            }
            if (categoryNames != null) {
                replaceCategories(c, feedId, categoryNames);
            }
            touch(c);
            return feedId;
        });
        return feed(id).orElseThrow();
    }

    /** Replaces the categories of a feed, creating categories that do not exist yet. */
    public void setFeedCategories(long feedId, List<String> categoryNames) {
        db.inTransaction(c -> {
            replaceCategories(c, feedId, categoryNames);
            touch(c);
            return null;
        });
    }

    private void replaceCategories(Connection c, long feedId, List<String> names) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM feed_categories WHERE feed_id = ?")) {
            del.setLong(1, feedId);
            del.executeUpdate();
        }
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            long categoryId = ensureCategory(c, name.strip()).id();
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO feed_categories (feed_id, category_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                ins.setLong(1, feedId);
                ins.setLong(2, categoryId);
                ins.executeUpdate();
            }
        }
        relinkEntries(c, feedId);
    }

    /**
     * Files a feed's stored entries again after its categories changed: each entry belongs to its feed's categories
     * and to any category one of its own terms names, as {@link #storeEntries} files new ones.
     */
    private static void relinkEntries(Connection c, long feedId) throws SQLException {
        List<Long> feedCategories = feedCategoryIds(c, feedId);
        Map<String, Long> categoryByName = categoryIdsByLowerName(c);
        Map<Long, long[]> entries = new LinkedHashMap<>();
        Map<Long, String> terms = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, published_at, terms FROM entries WHERE feed_id = ?")) {
            ps.setLong(1, feedId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.put(rs.getLong(1), new long[] {rs.getLong(2)});
                    terms.put(rs.getLong(1), rs.getString(3));
                }
            }
        }
        for (Map.Entry<Long, long[]> e : entries.entrySet()) {
            Set<Long> cats = new LinkedHashSet<>(feedCategories);
            String stored = terms.get(e.getKey());
            if (stored != null) {
                for (String term : stored.split(", ")) {
                    Long id = categoryByName.get(term.strip().toLowerCase(Locale.ROOT));
                    if (id != null) {
                        cats.add(id);
                    }
                }
            }
            linkCategories(c, e.getKey(), cats, e.getValue()[0]);
        }
    }

    /** Removes a subscription and its entries. Returns false when there was none with that id. */
    public boolean removeFeed(long feedId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM feeds WHERE id = ?")) {
                ps.setLong(1, feedId);
                boolean removed = ps.executeUpdate() > 0;
                touch(c);
                return removed;
            }
        });
    }

    public Optional<Feed> feed(long id) {
        List<Feed> list = queryFeeds("WHERE f.id = ?", id);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.getFirst());
    }

    public Optional<Feed> feedByUrl(String url) {
        List<Feed> list = queryFeeds("WHERE f.url = ?", url);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.getFirst());
    }

    /** Every subscription, by display name. */
    public List<Feed> feeds() {
        List<Feed> all = new ArrayList<>(queryFeeds(""));
        all.sort((a, b) -> a.displayName().compareToIgnoreCase(b.displayName()));
        return all;
    }

    /** Enabled feeds due at {@code now}, the most overdue first. */
    public List<Feed> dueFeeds(Instant now, int limit) {
        return queryFeeds("WHERE f.disabled = 0 AND f.next_fetch_at <= ? ORDER BY f.next_fetch_at LIMIT " + limit,
                now.toEpochMilli());
    }

    /** Switches a feed on or off by hand. */
    public void setDisabled(long feedId, boolean disabled, String reason) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE feeds SET disabled = ?, disabled_reason = ?, next_fetch_at = 0 WHERE id = ?")) {
                ps.setInt(1, disabled ? 1 : 0);
                ps.setString(2, disabled ? reason : null);
                ps.setLong(3, feedId);
                ps.executeUpdate();
            }
            touch(c); // the subscriptions and feed pages show it
            return null;
        });
    }

    /** Writes back the outcome of one fetch attempt. */
    public void recordStatus(long feedId, FeedStatus s) {
        db.inTransaction(c -> {
            StringBuilder sql = new StringBuilder("UPDATE feeds SET last_fetch_at = ?, next_fetch_at = ?, last_status = ?,"
                    + " last_error_kind = ?, last_error = ?, error_count = CASE WHEN ? = 1 THEN 0 ELSE error_count + 1 END,"
                    + " last_success_at = CASE WHEN ? = 1 THEN ? ELSE last_success_at END,"
                    + " etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified)");
            if (s.disable()) {
                sql.append(", disabled = 1, disabled_reason = ?");
            }
            if (s.meta() != null) {
                sql.append(", title = ?, site_url = ?, description = ?, image_url = ?, format = ?, encoding = ?,"
                        + " ill_formed = ?, problems = ?, ttl_minutes = ?");
            }
            sql.append(" WHERE id = ?");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                ps.setLong(i++, s.attemptedAt().toEpochMilli());
                ps.setLong(i++, s.nextFetchAt().toEpochMilli());
                ps.setInt(i++, s.status());
                ps.setString(i++, s.errorKind() == null ? null : s.errorKind().name());
                ps.setString(i++, s.error());
                ps.setInt(i++, s.success() ? 1 : 0);
                ps.setInt(i++, s.success() ? 1 : 0);
                ps.setLong(i++, s.attemptedAt().toEpochMilli());
                ps.setString(i++, s.etag());
                ps.setString(i++, s.lastModified());
                if (s.disable()) {
                    ps.setString(i++, s.error());
                }
                if (s.meta() != null) {
                    FeedStatus.FeedMeta m = s.meta();
                    ps.setString(i++, m.title());
                    ps.setString(i++, m.siteUrl());
                    ps.setString(i++, m.description());
                    ps.setString(i++, m.imageUrl());
                    ps.setString(i++, m.format());
                    ps.setString(i++, m.encoding());
                    ps.setInt(i++, m.illFormed() ? 1 : 0);
                    ps.setString(i++, m.problems());
                    if (m.ttlMinutes() == null) {
                        ps.setNull(i++, Types.INTEGER);
                    } else {
                        ps.setInt(i++, m.ttlMinutes());
                    }
                }
                ps.setLong(i, feedId);
                ps.executeUpdate();
            }
            if (s.movedTo() != null) {
                moveFeed(c, feedId, s.movedTo());
            }
            if (s.meta() != null || s.disable()) {
                touch(c);
            }
            return null;
        });
    }

    private static void moveFeed(Connection c, long feedId, String newUrl) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement("SELECT id FROM feeds WHERE url = ?")) {
            exists.setString(1, newUrl);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return; // already subscribed under the new URL: keep both rather than lose one
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE feeds SET url = ? WHERE id = ?")) {
            ps.setString(1, newUrl);
            ps.setLong(2, feedId);
            ps.executeUpdate();
        }
    }

    /**
     * What the next fetch of a feed needs from the last one: its validators and its ttl.
     *
     * @param ttl the feed's own ttl, or null
     */
    public record FetchState(String etag, String lastModified, java.time.Duration ttl) {
    }

    /** The conditional-GET validators and ttl stored for a feed. */
    public FetchState fetchState(long feedId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT etag, last_modified, ttl_minutes FROM feeds WHERE id = ?")) {
                ps.setLong(1, feedId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new FetchState(null, null, null);
                    }
                    int ttl = rs.getInt(3);
                    return new FetchState(rs.getString(1), rs.getString(2),
                            rs.wasNull() ? null : java.time.Duration.ofMinutes(ttl));
                }
            }
        });
    }

    // ---- categories

    public List<Category> categories() {
        return db.withConnection(c -> {
            List<Category> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, slug, name FROM categories ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Category(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        });
    }

    public Optional<Category> categoryBySlug(String slug) {
        return categories().stream().filter(cat -> cat.slug().equals(slug)).findFirst();
    }

    private static Category ensureCategory(Connection c, String name) throws SQLException {
        String slug = Category.slugOf(name);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO categories (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO UPDATE SET slug = excluded.slug"
                        + " RETURNING id, slug, name")) {
            ps.setString(1, slug);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Category(rs.getLong(1), rs.getString(2), rs.getString(3));
            }
        }
    }

    // ---- entries

    /**
     * Stores a feed's entries: new keys are inserted, known keys whose content changed are updated in place (never
     * duplicated), the rest are left alone. Each entry joins its feed's categories and any category its own terms name.
     */
    public StoreResult storeEntries(long feedId, List<EntryRow> rows, Instant now) {
        if (rows.isEmpty()) {
            return new StoreResult(0, 0, 0);
        }
        return db.inTransaction(c -> {
            Map<String, long[]> known = new HashMap<>(); // key -> {id, published_at}
            Map<String, String> knownHash = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT entry_key, id, published_at, content_hash FROM entries WHERE feed_id = ?")) {
                ps.setLong(1, feedId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        known.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                        knownHash.put(rs.getString(1), rs.getString(4));
                    }
                }
            }
            List<Long> feedCategories = feedCategoryIds(c, feedId);
            Map<String, Long> categoryByName = categoryIdsByLowerName(c);
            int added = 0;
            int updated = 0;
            int unchanged = 0;
            Set<String> seen = new LinkedHashSet<>();
            for (EntryRow r : rows) {
                if (!seen.add(r.entryKey())) {
                    unchanged++; // a feed repeating an id: the first occurrence wins
                    continue;
                }
                long[] existing = known.get(r.entryKey());
                long entryId;
                long publishedAt;
                if (existing == null) {
                    publishedAt = sortTime(r, now);
                    entryId = insertEntry(c, feedId, r, publishedAt, now);
                    added++;
                } else if (!r.contentHash().equals(knownHash.get(r.entryKey()))) {
                    entryId = existing[0];
                    publishedAt = r.published() != null ? sortTime(r, now) : existing[1];
                    updateEntry(c, entryId, r, publishedAt);
                    updated++;
                } else {
                    unchanged++;
                    continue;
                }
                Set<Long> cats = new LinkedHashSet<>(feedCategories);
                for (String term : r.terms()) {
                    Long id = categoryByName.get(term.strip().toLowerCase(Locale.ROOT));
                    if (id != null) {
                        cats.add(id);
                    }
                }
                linkCategories(c, entryId, cats, publishedAt);
            }
            if (added + updated > 0) {
                touch(c);
            }
            return new StoreResult(added, updated, unchanged);
        });
    }

    private static long sortTime(EntryRow r, Instant now) {
        Instant t = r.published() != null ? r.published() : r.updated() != null ? r.updated() : now;
        return t.isAfter(now) ? now.toEpochMilli() : t.toEpochMilli(); // a date in the future does not pin an entry on top
    }

    private static long insertEntry(Connection c, long feedId, EntryRow r, long publishedAt, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO entries (feed_id, entry_key, guid, link, title, author,"
                + " summary_html, content_html, terms, enclosure_url, enclosure_type, enclosure_length, image_url,"
                + " published_at, updated_at, first_seen_at, content_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                + " RETURNING id")) {
            ps.setLong(1, feedId);
            ps.setString(2, r.entryKey());
            int i = bindEntry(ps, 3, r, publishedAt);
            ps.setLong(i++, now.toEpochMilli());
            ps.setString(i, r.contentHash());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void updateEntry(Connection c, long entryId, EntryRow r, long publishedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE entries SET guid = ?, link = ?, title = ?, author = ?,"
                + " summary_html = ?, content_html = ?, terms = ?, enclosure_url = ?, enclosure_type = ?,"
                + " enclosure_length = ?, image_url = ?, published_at = ?, updated_at = ?, content_hash = ? WHERE id = ?")) {
            int i = bindEntry(ps, 1, r, publishedAt);
            ps.setString(i++, r.contentHash());
            ps.setLong(i, entryId);
            ps.executeUpdate();
        }
    }

    private static int bindEntry(PreparedStatement ps, int i, EntryRow r, long publishedAt) throws SQLException {
        ps.setString(i++, r.guid());
        ps.setString(i++, r.link());
        ps.setString(i++, r.title());
        ps.setString(i++, r.author());
        ps.setString(i++, r.summaryHtml());
        ps.setString(i++, r.contentHtml());
        ps.setString(i++, r.terms().isEmpty() ? null : String.join(", ", r.terms()));
        ps.setString(i++, r.enclosureUrl());
        ps.setString(i++, r.enclosureType());
        ps.setLong(i++, r.enclosureLength());
        ps.setString(i++, r.imageUrl());
        ps.setLong(i++, publishedAt);
        if (r.updated() == null) {
            ps.setNull(i++, Types.BIGINT);
        } else {
            ps.setLong(i++, r.updated().toEpochMilli());
        }
        return i;
    }

    private static List<Long> feedCategoryIds(Connection c, long feedId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT category_id FROM feed_categories WHERE feed_id = ?")) {
            ps.setLong(1, feedId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static Map<String, Long> categoryIdsByLowerName(Connection c) throws SQLException {
        Map<String, Long> map = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, slug FROM categories");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                map.put(rs.getString(2).toLowerCase(Locale.ROOT), rs.getLong(1));
                map.putIfAbsent(rs.getString(3), rs.getLong(1));
            }
        }
        return map;
    }

    private static void linkCategories(Connection c, long entryId, Set<Long> categoryIds, long publishedAt)
            throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM entry_categories WHERE entry_id = ?")) {
            del.setLong(1, entryId);
            del.executeUpdate();
        }
        if (categoryIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO entry_categories (entry_id, category_id, published_at) VALUES (?, ?, ?)")) {
            for (long categoryId : categoryIds) {
                ins.setLong(1, entryId);
                ins.setLong(2, categoryId);
                ins.setLong(3, publishedAt);
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    /** The river of news: every entry, newest first. */
    public List<Entry> river(int offset, int limit) {
        return queryEntries("ORDER BY e.published_at DESC, e.id DESC LIMIT ? OFFSET ?", limit, offset);
    }

    /** The entries of one category, newest first. */
    public List<Entry> categoryEntries(long categoryId, int offset, int limit) {
        return queryEntries("JOIN entry_categories ec ON ec.entry_id = e.id WHERE ec.category_id = ?"
                + " ORDER BY ec.published_at DESC, e.id DESC LIMIT ? OFFSET ?", categoryId, limit, offset);
    }

    /** The entries of one feed, newest first. */
    public List<Entry> feedEntries(long feedId, int offset, int limit) {
        return queryEntries("WHERE e.feed_id = ? ORDER BY e.published_at DESC, e.id DESC LIMIT ? OFFSET ?",
                feedId, limit, offset);
    }

    /** The entries published in {@code [from, to)}, newest first. */
    public List<Entry> entriesBetween(Instant from, Instant to, int offset, int limit) {
        return queryEntries("WHERE e.published_at >= ? AND e.published_at < ?"
                + " ORDER BY e.published_at DESC, e.id DESC LIMIT ? OFFSET ?",
                from.toEpochMilli(), to.toEpochMilli(), limit, offset);
    }

    /**
     * Entries published from {@code since} whose title or summary (the content when there is no summary) contains
     * {@code text}, ignoring ASCII case, newest first. {@code %}, {@code _} and {@code \} in the text match
     * themselves: they are escaped for {@code LIKE ... ESCAPE}, which SQLite and PostgreSQL read alike.
     */
    public List<Entry> searchEntries(String text, Instant since, int limit) {
        StringBuilder pattern = new StringBuilder("%");
        for (char ch : text.strip().toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (ch == '%' || ch == '_' || ch == '\\') {
                pattern.append('\\');
            }
            pattern.append(ch);
        }
        pattern.append('%');
        return queryEntries("WHERE e.published_at >= ? AND (LOWER(COALESCE(e.title, '')) LIKE ? ESCAPE '\\'"
                + " OR LOWER(COALESCE(NULLIF(e.summary_html, ''), e.content_html, '')) LIKE ? ESCAPE '\\')"
                + " ORDER BY e.published_at DESC, e.id DESC LIMIT ?", since.toEpochMilli(), pattern.toString(),
                pattern.toString(), limit);
    }

    public Optional<Entry> entry(long id) {
        List<Entry> list = queryEntries("WHERE e.id = ?", id);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.getFirst());
    }

    /** How many entries the river holds. */
    public long countEntries() {
        return count("SELECT COUNT(*) FROM entries");
    }

    /** How many entries one category holds. */
    public long countCategoryEntries(long categoryId) {
        return count("SELECT COUNT(*) FROM entry_categories WHERE category_id = ?", categoryId);
    }

    /** How many entries one feed holds. */
    public long countFeedEntries(long feedId) {
        return count("SELECT COUNT(*) FROM entries WHERE feed_id = ?", feedId);
    }

    /** How many entries were published in {@code [from, to)}. */
    public long countEntriesBetween(Instant from, Instant to) {
        return count("SELECT COUNT(*) FROM entries WHERE published_at >= ? AND published_at < ?",
                from.toEpochMilli(), to.toEpochMilli());
    }

    /** The categories each of the given entries belongs to, by name; entries without any are left out. */
    public Map<Long, List<Category>> entryCategories(List<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(entryIds.size(), "?"));
        return db.withConnection(c -> {
            Map<Long, List<Category>> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ec.entry_id, cat.id, cat.slug, cat.name"
                    + " FROM entry_categories ec JOIN categories cat ON cat.id = ec.category_id"
                    + " WHERE ec.entry_id IN (" + marks + ") ORDER BY cat.name")) {
                bind(ps, entryIds.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new Category(rs.getLong(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    /** The publication times of the oldest and newest entries, or empty when there are none. */
    public Optional<Instant[]> entryTimeRange() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(published_at), MAX(published_at) FROM entries");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Instant[]>empty();
                }
                long min = rs.getLong(1);
                if (rs.wasNull()) {
                    return Optional.<Instant[]>empty();
                }
                return Optional.of(new Instant[] {Instant.ofEpochMilli(min), Instant.ofEpochMilli(rs.getLong(2))});
            }
        });
    }

    /**
     * Counts entries in consecutive periods: {@code bounds} are ascending instants, and the result holds the count
     * for each {@code [bounds[i], bounds[i + 1])}.
     */
    public long[] countEntriesIn(List<Instant> bounds) {
        return db.withConnection(c -> {
            long[] out = new long[Math.max(0, bounds.size() - 1)];
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM entries WHERE published_at >= ? AND published_at < ?")) {
                for (int i = 0; i < out.length; i++) {
                    ps.setLong(1, bounds.get(i).toEpochMilli());
                    ps.setLong(2, bounds.get(i + 1).toEpochMilli());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        out[i] = rs.getLong(1);
                    }
                }
            }
            return out;
        });
    }

    /** The latest fetch attempt of any feed, or {@link Instant#EPOCH} before the first. */
    public Instant lastFetch() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(last_fetch_at) FROM feeds");
                 ResultSet rs = ps.executeQuery()) {
                long v = rs.next() ? rs.getLong(1) : 0;
                return Instant.ofEpochMilli(v);
            }
        });
    }

    private long count(String sql, Object... params) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /** The publication times of a feed's newest entries, newest first; the scheduler learns its rhythm from them. */
    public List<Instant> recentEntryTimes(long feedId, int limit) {
        return db.withConnection(c -> {
            List<Instant> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT published_at FROM entries WHERE feed_id = ? ORDER BY published_at DESC LIMIT ?")) {
                ps.setLong(1, feedId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Instant.ofEpochMilli(rs.getLong(1)));
                    }
                }
            }
            return out;
        });
    }

    /** Entries per week for every feed, averaged over the {@code weeks} weeks before {@code now}. */
    public Map<Long, Double> entriesPerWeek(Instant now, int weeks) {
        long since = now.minusSeconds(weeks * 7L * 86400).toEpochMilli();
        return db.withConnection(c -> {
            Map<Long, Double> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT feed_id, COUNT(*) FROM entries WHERE published_at >= ? GROUP BY feed_id")) {
                ps.setLong(1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), rs.getLong(2) / (double) weeks);
                    }
                }
            }
            return out;
        });
    }

    /** Entry counts: all, and per feed. */
    public Map<Long, Long> entryCountsByFeed() {
        return db.withConnection(c -> {
            Map<Long, Long> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT feed_id, COUNT(*) FROM entries GROUP BY feed_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /**
     * The time the planet's visible content last changed (entries, feeds, categories); pages and output feeds derive
     * their ETag and Last-Modified from it, on every node that shares the database.
     */
    public Instant lastChange() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM planet_state WHERE key = 'changed_at'");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Instant.ofEpochMilli(Long.parseLong(rs.getString(1))) : Instant.EPOCH;
            }
        });
    }

    private static void touch(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO planet_state (key, value) VALUES ('changed_at', ?)"
                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, Long.toString(System.currentTimeMillis()));
            ps.executeUpdate();
        }
    }

    // ---- mapping

    private List<Feed> queryFeeds(String where, Object... params) {
        return db.withConnection(c -> {
            Map<Long, List<Category>> cats = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT fc.feed_id, cat.id, cat.slug, cat.name"
                    + " FROM feed_categories fc JOIN categories cat ON cat.id = fc.category_id ORDER BY cat.name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cats.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Category(rs.getLong(2), rs.getString(3), rs.getString(4)));
                }
            }
            List<Feed> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + FEED_COLUMNS + " FROM feeds f " + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        out.add(new Feed(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9) != 0, rs.getString(10),
                                instant(rs, 11), instant(rs, 12), instant(rs, 13), instant(rs, 14), rs.getInt(15),
                                RefreshFailure.ofStored(rs.getString(16)), rs.getString(17), rs.getInt(18),
                                rs.getInt(19) != 0, rs.getString(20),
                                List.copyOf(cats.getOrDefault(id, List.of()))));
                    }
                }
            }
            return out;
        });
    }

    private List<Entry> queryEntries(String tail, Object... params) {
        return db.withConnection(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ENTRY_COLUMNS
                    + " FROM entries e JOIN feeds f ON f.id = e.feed_id " + tail)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                rs.getString(10), rs.getString(11), rs.getString(12), rs.getLong(13),
                                instant(rs, 14), instant(rs, 15)));
                    }
                }
            }
            return out;
        });
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, (String) p);
            }
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
