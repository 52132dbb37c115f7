package org.callisto.planet;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.callisto.db.Database;
import org.callisto.db.Sql;
import org.callisto.search.SearchDocuments;

/**
 * The planet's entries: storing what a refresh parsed, and the queries behind the river, category, feed, archive
 * and search pages. New and changed entries move the {@link PlanetChangeTime}, at this store's clock. Thread-safe:
 * every method borrows its own connection from the pool.
 */
public final class EntryStore {
    private static final String ENTRY_COLUMNS = "e.id, e.feed_id,"
            + " COALESCE(NULLIF(f.name, ''), NULLIF(f.title, ''), f.url), f.site_url, e.link, e.title, e.author,"
            + " e.summary_html, e.content_html, e.terms, e.enclosure_url, e.enclosure_type, e.enclosure_length,"
            + " e.published_at, e.updated_at, f.url, e.title_html, e.author_uri, e.comments_url, e.comments_feed_url,"
            + " e.comment_count, e.source_title, e.source_link, e.source_feed_url, e.source_id";

    private final Database db;
    private final Clock clock;
    private final PostStore posts;

    /** @param clock the time of the planet's change time when entries are stored */
    public EntryStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.posts = new PostStore(db, clock);
    }

    /** The posts these entries are copies of: each new entry is filed there as it is stored. */
    public PostStore posts() {
        return posts;
    }

    /**
     * Stores a feed's entries: new keys are inserted, known keys whose content changed are updated in place (never
     * duplicated), the rest are left alone. Each entry joins its feed's categories and any category its own terms
     * name.
     *
     * @param now when the entries were fetched: the first-seen time of new ones, and the latest publication time
     *            any of them gets (a date in the future does not pin an entry on top)
     */
    public StoreResult storeEntries(long feedId, List<EntryRow> rows, Instant now) {
        if (rows.isEmpty()) {
            return new StoreResult(0, 0, 0);
        }
        return db.inTransaction(c -> {
            Map<String, Known> known = new HashMap<>();
            for (Known k : Sql.list(
                    c,
                    "SELECT entry_key, id, published_at, content_hash FROM entries" + " WHERE feed_id = ?",
                    rs -> new Known(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4)),
                    feedId)) {
                known.put(k.key(), k);
            }
            List<Long> feedCategories = EntryFiling.feedCategoryIds(c, feedId);
            Map<String, Long> categoryByName = EntryFiling.categoryIdsByLowerName(c);
            String feedUrl = Sql.first(c, "SELECT url FROM feeds WHERE id = ?", rs -> rs.getString(1), feedId)
                    .orElse(null);
            int added = 0;
            int updated = 0;
            int unchanged = 0;
            Set<String> seen = new LinkedHashSet<>();
            for (EntryRow r : rows) {
                if (!seen.add(r.entryKey())) {
                    unchanged++; // a feed repeating an id: the first occurrence wins
                    continue;
                }
                Known existing = known.get(r.entryKey());
                long entryId;
                long publishedAt;
                if (existing == null) {
                    publishedAt = sortTime(r, now);
                    entryId = insertEntry(c, feedId, r, publishedAt, now);
                    PostStore.file(c, db.dialect(), entryId, feedId, publishedAt, PostStore.Keys.of(r, feedUrl));
                    added++;
                } else if (!r.contentHash().equals(existing.contentHash())) {
                    entryId = existing.id();
                    publishedAt = r.published() != null ? sortTime(r, now) : existing.publishedAt();
                    updateEntry(c, entryId, r, publishedAt);
                    updated++;
                } else {
                    unchanged++;
                    continue;
                }
                SearchDocuments.entry(
                        c, entryId, feedId, r.title(), r.author(), r.summaryHtml(), r.contentHtml(), publishedAt);
                EntryFiling.link(
                        c, entryId, EntryFiling.categoriesOf(feedCategories, categoryByName, r.terms()), publishedAt);
            }
            if (added + updated > 0) {
                PlanetChangeTime.touch(c, clock.instant());
            }
            return new StoreResult(added, updated, unchanged);
        });
    }

    /** A stored entry of the feed being stored, by its key. */
    private record Known(String key, long id, long publishedAt, String contentHash) {}

    private static long sortTime(EntryRow r, Instant now) {
        Instant t = r.published() != null ? r.published() : r.updated() != null ? r.updated() : now;
        // a date in the future does not pin an entry on top
        return t.isAfter(now) ? now.toEpochMilli() : t.toEpochMilli();
    }

    private static long insertEntry(Connection c, long feedId, EntryRow r, long publishedAt, Instant now)
            throws SQLException {
        List<Object> params = new ArrayList<>(Arrays.asList(feedId, r.entryKey()));
        params.addAll(values(r, publishedAt));
        params.add(now);
        params.add(r.contentHash());
        return Sql.first(
                        c,
                        "INSERT INTO entries (feed_id, entry_key, guid, link, title, author,"
                                + " summary_html, content_html, terms, enclosure_url, enclosure_type, enclosure_length,"
                                + " image_url, published_at, updated_at, title_html, author_uri, comments_url,"
                                + " comments_feed_url, comment_count, source_title, source_link, source_feed_url,"
                                + " source_id, first_seen_at, content_hash)"
                                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                        rs -> rs.getLong(1),
                        params.toArray())
                .orElseThrow(() -> new SQLException(
                        "no entry id returned when storing entry '" + r.entryKey() + "' of feed " + feedId));
    }

    private static void updateEntry(Connection c, long entryId, EntryRow r, long publishedAt) throws SQLException {
        List<Object> params = new ArrayList<>(values(r, publishedAt));
        params.add(r.contentHash());
        params.add(entryId);
        Sql.update(
                c,
                "UPDATE entries SET guid = ?, link = ?, title = ?, author = ?, summary_html = ?,"
                        + " content_html = ?, terms = ?, enclosure_url = ?, enclosure_type = ?, enclosure_length = ?,"
                        + " image_url = ?, published_at = ?, updated_at = ?, title_html = ?, author_uri = ?,"
                        + " comments_url = ?, comments_feed_url = ?, comment_count = ?, source_title = ?,"
                        + " source_link = ?, source_feed_url = ?, source_id = ?, content_hash = ? WHERE id = ?",
                params.toArray());
    }

    /** The columns from {@code guid} to {@code source_id}, in the order both statements name them. */
    private static List<Object> values(EntryRow r, long publishedAt) {
        EntryDetails d = r.details();
        return Arrays.asList(
                r.guid(),
                r.link(),
                r.title(),
                r.author(),
                r.summaryHtml(),
                r.contentHtml(),
                r.terms().isEmpty() ? null : String.join(EntryFiling.TERM_SEPARATOR, r.terms()),
                r.enclosureUrl(),
                r.enclosureType(),
                r.enclosureLength(),
                r.imageUrl(),
                publishedAt,
                r.updated(),
                d.titleHtml(),
                d.authorUri(),
                d.commentsUrl(),
                d.commentsFeedUrl(),
                d.commentCount(),
                d.viaTitle(),
                d.viaLink(),
                d.viaFeedUrl(),
                d.viaId());
    }

    /** The river of news: every entry, newest first, from {@code offset}. */
    public List<Entry> river(int offset, int limit) {
        return page(EntryList.river(), offset, limit);
    }

    /** The entries of one category, newest first, from {@code offset}. */
    public List<Entry> categoryEntries(long categoryId, int offset, int limit) {
        return page(EntryList.category(categoryId), offset, limit);
    }

    /** The entries of one feed, newest first, from {@code offset}. */
    public List<Entry> feedEntries(long feedId, int offset, int limit) {
        return page(EntryList.feed(feedId), offset, limit);
    }

    /** The entries published in {@code [from, to)}, newest first, from {@code offset}. */
    public List<Entry> entriesBetween(Instant from, Instant to, int offset, int limit) {
        return page(EntryList.between(from, to), offset, limit);
    }

    /**
     * Up to {@code limit} entries of {@code list} from {@code offset}, newest first. The database counts past every
     * row before the offset, so deep pages cost more and more: pages use {@link #older} and {@link #newer}; this
     * serves old {@code ?page=N} links and the first rows of output feeds.
     */
    public List<Entry> page(EntryList list, int offset, int limit) {
        List<Object> params = new ArrayList<>(list.params);
        params.add(limit);
        params.add(offset);
        return queryEntries(
                list.join + (list.where.isEmpty() ? "" : " WHERE " + list.where) + " ORDER BY " + list.time + " DESC, "
                        + list.id + " DESC LIMIT ? OFFSET ?",
                params.toArray());
    }

    /**
     * Up to {@code limit} entries of {@code list} that come after {@code before} in newest-first order (older, or as
     * old with a smaller id), newest first; the newest entries when {@code before} is null. The query seeks to the
     * place in an index, so every page costs what the first costs.
     */
    public List<Entry> older(EntryList list, EntryCursor before, int limit) {
        return keyset(list, before, "<", "DESC", limit);
    }

    /**
     * Up to {@code limit} entries of {@code list} that come just before {@code after} in newest-first order (newer,
     * or as new with a larger id): the page before the one that starts at {@code after}. Newest first.
     */
    public List<Entry> newer(EntryList list, EntryCursor after, int limit) {
        return keyset(list, after, ">", "ASC", limit).reversed();
    }

    private List<Entry> keyset(EntryList list, EntryCursor at, String op, String direction, int limit) {
        List<Object> params = new ArrayList<>(list.params);
        List<String> conditions = new ArrayList<>();
        if (!list.where.isEmpty()) {
            conditions.add(list.where);
        }
        if (at != null) {
            // a row value: SQLite (3.15+) and PostgreSQL both seek it in a two-column index
            conditions.add("(" + list.time + ", " + list.id + ") " + op + " (?, ?)");
            params.add(at.millis());
            params.add(at.id());
        }
        params.add(limit);
        return queryEntries(
                list.join + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions)) + " ORDER BY "
                        + list.time + " " + direction + ", " + list.id + " " + direction + " LIMIT ?",
                params.toArray());
    }

    /** How many entries {@code list} holds; only old {@code ?page=N} links need it. */
    public long count(EntryList list) {
        return count(list.countSql, list.params.toArray());
    }

    /**
     * Entries published from {@code since} whose title or summary (the content when there is no summary) contains
     * {@code text}, ignoring ASCII case, newest first. {@code %}, {@code _} and {@code \} in the text match
     * themselves: they are escaped for {@code LIKE ... ESCAPE}, which SQLite and PostgreSQL read alike.
     */
    public List<Entry> searchEntries(String text, Instant since, int limit) {
        StringBuilder pattern = new StringBuilder("%");
        for (char ch : text.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch == '%' || ch == '_' || ch == '\\') {
                pattern.append('\\');
            }
            pattern.append(ch);
        }
        pattern.append('%');
        return queryEntries(
                "WHERE e.published_at >= ? AND (LOWER(COALESCE(e.title, '')) LIKE ? ESCAPE '\\'"
                        + " OR LOWER(COALESCE(NULLIF(e.summary_html, ''), e.content_html, '')) LIKE ? ESCAPE '\\')"
                        + " ORDER BY e.published_at DESC, e.id DESC LIMIT ?",
                since,
                pattern.toString(),
                pattern.toString(),
                limit);
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
        return count("SELECT COUNT(*) FROM entries WHERE published_at >= ? AND published_at < ?", from, to);
    }

    /** The publication times of a feed's newest entries, newest first; the scheduler learns its rhythm from them. */
    public List<Instant> recentEntryTimes(long feedId, int limit) {
        return db.withConnection(c -> Sql.list(
                c,
                "SELECT published_at FROM entries WHERE feed_id = ? ORDER BY published_at DESC LIMIT ?",
                rs -> Instant.ofEpochMilli(rs.getLong(1)),
                feedId,
                limit));
    }

    private long count(String sql, Object... params) {
        return db.withConnection(
                c -> Sql.first(c, sql, rs -> rs.getLong(1), params).orElse(0L));
    }

    private List<Entry> queryEntries(String tail, Object... params) {
        return db.withConnection(c -> Sql.list(
                c,
                "SELECT " + ENTRY_COLUMNS + " FROM entries e JOIN feeds f ON f.id = e.feed_id " + tail,
                EntryStore::entry,
                params));
    }

    /** Maps a row of {@link #ENTRY_COLUMNS}. */
    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getLong(13),
                Sql.instant(rs, 14),
                Sql.instant(rs, 15),
                rs.getString(16),
                new EntryDetails(
                        rs.getString(17),
                        rs.getString(18),
                        rs.getString(19),
                        rs.getString(20),
                        Sql.intOrNull(rs, 21),
                        rs.getString(22),
                        rs.getString(23),
                        rs.getString(24),
                        rs.getString(25)));
    }
}
