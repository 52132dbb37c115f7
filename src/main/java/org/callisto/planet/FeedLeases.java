package org.callisto.planet;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.Dialect;
import org.callisto.db.Sql;

/**
 * Leases on due feeds, so that several nodes (or a {@code serve} and a {@code fetch}) on one database never fetch
 * the same feed at once: a node claims due feeds by stamping {@code claimed_by} and {@code claimed_until} in one
 * statement, fetches them, and gives each back when its outcome is stored. A lease whose time has passed belongs to
 * nobody, so the feeds of a node that died are claimed by the others within the lease plus one scheduler tick.
 *
 * <p>Plain SQL rather than db-scheduler: a feed's schedule already lives in its row ({@code next_fetch_at}), and
 * db-scheduler would keep a second copy of it in its own table for every feed. On PostgreSQL the claim picks its
 * rows with {@code FOR UPDATE SKIP LOCKED}, so nodes claiming at the same moment pass over each other's rows instead
 * of waiting; on SQLite the statement is atomic under the database's one write lock.
 *
 * <p>Thread-safe (every call is one statement or transaction).
 */
public final class FeedLeases {
    private final Database db;
    private final SubscriptionStore subscriptions;
    private final Clock clock;
    private final String node;
    private final Duration lease;

    /**
     * @param node  this process's name in {@code claimed_by} (host, pid and a random part)
     * @param lease how long a claim holds: longer than the longest fetch ({@code fetch.total_timeout}) with room to
     *              store it
     */
    public FeedLeases(Database db, SubscriptionStore subscriptions, Clock clock, String node, Duration lease) {
        this.db = db;
        this.subscriptions = subscriptions;
        this.clock = clock;
        this.node = node;
        this.lease = lease;
    }

    /** This process's name in the leases. */
    public String node() {
        return node;
    }

    /** How long a claim holds. */
    public Duration lease() {
        return lease;
    }

    /** Claims up to {@code limit} feeds that are due now and leased to nobody, the most overdue first. */
    public List<Feed> claim(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        long now = clock.millis();
        String lock = db.dialect() == Dialect.POSTGRES ? " FOR UPDATE SKIP LOCKED" : "";
        List<Long> ids = db.inTransaction(c -> Sql.list(
                c,
                "UPDATE feeds SET claimed_by = ?, claimed_until = ? WHERE id IN (SELECT id FROM feeds"
                        + " WHERE disabled = 0 AND next_fetch_at <= ? AND claimed_until <= ?"
                        + " ORDER BY next_fetch_at LIMIT " + limit + lock + ") RETURNING id",
                rs -> rs.getLong(1),
                node,
                now + lease.toMillis(),
                now,
                now));
        List<Feed> feeds = new ArrayList<>(subscriptions.feedsWithIds(ids));
        feeds.sort(java.util.Comparator.comparing(
                Feed::nextFetchAt, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        return feeds;
    }

    /** Gives back this node's lease on a feed (its outcome is stored, so it is no longer due). */
    public void release(long feedId) {
        db.withConnection(c -> Sql.update(
                c,
                "UPDATE feeds SET claimed_by = NULL, claimed_until = 0 WHERE id = ? AND claimed_by = ?",
                feedId,
                node));
    }

    /** Feeds leased now, by any node; for tests and the subscriptions page. */
    public int leasedNow() {
        return db.withConnection(c -> Sql.first(
                        c, "SELECT COUNT(*) FROM feeds WHERE claimed_until > ?", rs -> rs.getInt(1), clock.millis())
                .orElse(0));
    }
}
