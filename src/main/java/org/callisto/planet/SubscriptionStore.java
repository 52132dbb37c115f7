package org.callisto.planet;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * The planet's subscriptions: feeds, the categories each is in, and their fetch state (status of the last attempt,
 * validators, when each is due). Every change a reader can see moves the {@link PlanetChangeTime}, at this store's
 * clock. Thread-safe: every method borrows its own connection from the pool.
 */
public final class SubscriptionStore {
    private static final String FEED_COLUMNS = "f.id, f.url, f.name, f.title, f.site_url, f.description,"
            + " f.image_url, f.format, f.disabled, f.disabled_reason, f.created_at, f.last_fetch_at,"
            + " f.last_success_at, f.next_fetch_at, f.last_status, f.last_error_kind, f.last_error, f.error_count,"
            + " f.ill_formed, f.problems";

    private final Database db;
    private final Clock clock;

    /** @param clock the time of new subscriptions and of the planet's change time */
    public SubscriptionStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Subscribes to a feed, or updates the name and categories of an existing subscription to the same URL.
     *
     * @param name          the planet's name for the feed, or null to use its own title
     * @param categoryNames categories to put it in (created when new); replaces its categories when not null
     */
    public Feed addFeed(String url, String name, List<String> categoryNames) {
        long id = db.inTransaction(c -> {
            Instant now = clock.instant();
            long feedId = Sql.first(
                            c,
                            "INSERT INTO feeds (url, name, created_at) VALUES (?, ?, ?)"
                                    + " ON CONFLICT (url) DO UPDATE SET name = COALESCE(excluded.name, feeds.name)"
                                    + " RETURNING id",
                            rs -> rs.getLong(1),
                            url,
                            blankToNull(name),
                            now)
                    .orElseThrow(() -> new SQLException("no feed id returned when subscribing to " + url));
            if (categoryNames != null) {
                replaceCategories(c, feedId, categoryNames);
            }
            PlanetChangeTime.touch(c, now);
            return feedId;
        });
        return feed(id).orElseThrow();
    }

    /**
     * Writes one batch of an import in one transaction (see {@link SubscriptionBatch}) and returns the outcome of
     * each feed, in order.
     */
    List<SubscriptionImport.Outcome> importFeeds(List<ImportedFeed> feeds) {
        return db.inTransaction(c -> SubscriptionBatch.write(c, feeds, clock.instant()));
    }

    /** Replaces the categories of a feed, creating categories that do not exist yet. */
    public void setFeedCategories(long feedId, List<String> categoryNames) {
        db.inTransaction(c -> {
            replaceCategories(c, feedId, categoryNames);
            PlanetChangeTime.touch(c, clock.instant());
            return null;
        });
    }

    private static void replaceCategories(Connection c, long feedId, List<String> names) throws SQLException {
        Sql.update(c, "DELETE FROM feed_categories WHERE feed_id = ?", feedId);
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            long categoryId = CategoryStore.ensure(c, name.strip()).id();
            Sql.update(
                    c,
                    "INSERT INTO feed_categories (feed_id, category_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    feedId,
                    categoryId);
        }
        EntryFiling.refile(c, feedId);
    }

    /** Removes a subscription and its entries. Returns false when there was none with that id. */
    public boolean removeFeed(long feedId) {
        return db.inTransaction(c -> {
            boolean removed = Sql.update(c, "DELETE FROM feeds WHERE id = ?", feedId) > 0;
            FeedFaces.set(c, feedId, null);
            PlanetChangeTime.touch(c, clock.instant());
            return removed;
        });
    }

    /**
     * Sets the face of a feed: the address of an image of its author (Planet Venus's {@code face}), shown beside its
     * entries; a blank or null {@code url} removes it, so that generated initials are shown instead.
     *
     * @return whether the feed exists
     * @throws IllegalArgumentException naming the URL when it is not an absolute http(s) address
     */
    public boolean setFace(long feedId, String url) {
        String face = FeedFaces.checked(url);
        return db.inTransaction(c -> {
            if (Sql.first(c, "SELECT id FROM feeds WHERE id = ?", rs -> rs.getLong(1), feedId)
                    .isEmpty()) {
                return false;
            }
            FeedFaces.set(c, feedId, face);
            PlanetChangeTime.touch(c, clock.instant());
            return true;
        });
    }

    /**
     * The face URL {@link #setFace} would store for {@code url}: null for a blank one, else the trimmed URL.
     *
     * @throws IllegalArgumentException naming the URL when it is not an absolute http(s) address
     */
    public static String checkedFace(String url) {
        return FeedFaces.checked(url);
    }

    /** Every feed's face URL, by feed id; feeds without one are absent. */
    public Map<Long, String> faces() {
        return db.withConnection(FeedFaces::all);
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

    /**
     * How many feeds are in each state: {@code disabled}, {@code new} (never fetched), {@code failing} (the last
     * attempt failed) and {@code ok}. Every state is present, with 0 when no feed is in it.
     */
    public Map<String, Long> countByState() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String state : FEED_STATES) {
            counts.put(state, 0L);
        }
        db.withConnection(c -> Sql.list(
                        c,
                        "SELECT CASE WHEN disabled = 1 THEN 'disabled' WHEN last_fetch_at IS NULL THEN 'new'"
                                + " WHEN error_count > 0 THEN 'failing' ELSE 'ok' END AS state, COUNT(*) FROM feeds"
                                + " GROUP BY 1",
                        rs -> Map.entry(rs.getString(1), rs.getLong(2))))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** The states of {@link #countByState()}. */
    public static final List<String> FEED_STATES = List.of("ok", "failing", "new", "disabled");

    /** Enabled feeds due at {@code now}, the most overdue first. */
    public List<Feed> dueFeeds(Instant now, int limit) {
        return queryFeeds("WHERE f.disabled = 0 AND f.next_fetch_at <= ? ORDER BY f.next_fetch_at LIMIT " + limit, now);
    }

    /** The feeds with these ids, in no particular order; ids of removed feeds are left out. */
    List<Feed> feedsWithIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        return queryFeeds("WHERE f.id IN (" + marks + ")", ids.toArray());
    }

    /** Switches a feed on or off by hand. */
    public void setDisabled(long feedId, boolean disabled, String reason) {
        db.inTransaction(c -> {
            Sql.update(
                    c,
                    "UPDATE feeds SET disabled = ?, disabled_reason = ?, next_fetch_at = 0 WHERE id = ?",
                    disabled,
                    disabled ? reason : null,
                    feedId);
            PlanetChangeTime.touch(c, clock.instant()); // the subscriptions and feed pages show it
            return null;
        });
    }

    /** Writes back the outcome of one fetch attempt. */
    public void recordStatus(long feedId, FeedStatus s) {
        db.inTransaction(c -> {
            StringBuilder sql = new StringBuilder("UPDATE feeds SET last_fetch_at = ?, next_fetch_at = ?,"
                    + " last_status = ?, last_error_kind = ?, last_error = ?,"
                    + " error_count = CASE WHEN ? = 1 THEN 0 ELSE error_count + 1 END,"
                    + " last_success_at = CASE WHEN ? = 1 THEN ? ELSE last_success_at END,"
                    + " etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified)");
            List<Object> params = new ArrayList<>(List.of(s.attemptedAt(), s.nextFetchAt(), s.status()));
            params.add(s.errorKind() == null ? null : s.errorKind().name());
            params.add(s.error());
            params.add(s.success());
            params.add(s.success());
            params.add(s.attemptedAt());
            params.add(s.etag());
            params.add(s.lastModified());
            if (s.disable()) {
                sql.append(", disabled = 1, disabled_reason = ?");
                params.add(s.error());
            }
            if (s.meta() != null) {
                sql.append(", title = ?, site_url = ?, description = ?, image_url = ?, format = ?, encoding = ?,"
                        + " ill_formed = ?, problems = ?, ttl_minutes = ?");
                FeedStatus.FeedMeta m = s.meta();
                params.addAll(Arrays.asList(
                        m.title(),
                        m.siteUrl(),
                        m.description(),
                        m.imageUrl(),
                        m.format(),
                        m.encoding(),
                        m.illFormed(),
                        m.problems(),
                        m.ttlMinutes()));
            }
            sql.append(" WHERE id = ?");
            params.add(feedId);
            Sql.update(c, sql.toString(), params.toArray());
            if (s.movedTo() != null) {
                moveFeed(c, feedId, s.movedTo());
            }
            if (s.meta() != null || s.disable()) {
                PlanetChangeTime.touch(c, clock.instant());
            }
            return null;
        });
    }

    private static void moveFeed(Connection c, long feedId, String newUrl) throws SQLException {
        if (Sql.first(c, "SELECT id FROM feeds WHERE url = ?", rs -> rs.getLong(1), newUrl)
                .isPresent()) {
            return; // already subscribed under the new URL: keep both rather than lose one
        }
        Sql.update(c, "UPDATE feeds SET url = ? WHERE id = ?", newUrl, feedId);
    }

    /**
     * What the next fetch of a feed needs from the last one: its validators and its ttl.
     *
     * @param ttl the feed's own ttl, or null
     */
    public record FetchState(String etag, String lastModified, Duration ttl) {}

    /** The conditional-GET validators and ttl stored for a feed. */
    public FetchState fetchState(long feedId) {
        return db.withConnection(c -> Sql.first(
                        c,
                        "SELECT etag, last_modified, ttl_minutes FROM feeds WHERE id = ?",
                        rs -> {
                            Integer ttl = Sql.intOrNull(rs, 3);
                            return new FetchState(
                                    rs.getString(1), rs.getString(2), ttl == null ? null : Duration.ofMinutes(ttl));
                        },
                        feedId)
                .orElse(new FetchState(null, null, null)));
    }

    private List<Feed> queryFeeds(String where, Object... params) {
        return db.withConnection(c -> {
            Map<Long, List<Category>> cats = new HashMap<>();
            for (FeedCategory fc : Sql.list(
                    c,
                    "SELECT fc.feed_id, cat.id, cat.slug, cat.name"
                            + " FROM feed_categories fc JOIN categories cat ON cat.id = fc.category_id ORDER BY cat.name",
                    rs -> new FeedCategory(
                            rs.getLong(1), new Category(rs.getLong(2), rs.getString(3), rs.getString(4))))) {
                cats.computeIfAbsent(fc.feedId(), k -> new ArrayList<>()).add(fc.category());
            }
            return Sql.list(
                    c,
                    "SELECT " + FEED_COLUMNS + " FROM feeds f " + where,
                    rs -> feed(rs, cats.getOrDefault(rs.getLong(1), List.of())),
                    params);
        });
    }

    /** One feed's place in one category. */
    private record FeedCategory(long feedId, Category category) {}

    /** Maps a row of {@link #FEED_COLUMNS}. */
    private static Feed feed(ResultSet rs, List<Category> categories) throws SQLException {
        return new Feed(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                Sql.bool(rs, 9),
                rs.getString(10),
                Sql.instant(rs, 11),
                Sql.instant(rs, 12),
                Sql.instant(rs, 13),
                Sql.instant(rs, 14),
                rs.getInt(15),
                RefreshFailure.ofStored(rs.getString(16)),
                rs.getString(17),
                rs.getInt(18),
                Sql.bool(rs, 19),
                rs.getString(20),
                List.copyOf(categories));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
