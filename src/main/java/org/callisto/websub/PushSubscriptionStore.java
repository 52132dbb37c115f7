package org.callisto.websub;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * The planet's subscriptions to hubs ({@code websub_subscriptions}), in plain SQL. Thread-safe: every call borrows
 * its own connection from the pool.
 */
public final class PushSubscriptionStore {
    private static final String COLUMNS = "id, feed_id, hub, topic, secret, state, requested_at, verified_at,"
            + " lease_until, pushed_at, last_error";

    private final Database db;

    public PushSubscriptionStore(Database db) {
        this.db = db;
    }

    /** Stores a new subscription as requested at {@code at}. */
    void add(PushSubscription s) {
        db.inTransaction(c -> Sql.update(
                c,
                "INSERT INTO websub_subscriptions (id, feed_id, hub, topic, secret, state, requested_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                s.id(),
                s.feedId(),
                s.hub(),
                s.topic(),
                s.secret(),
                s.state(),
                s.requestedAt()));
    }

    public Optional<PushSubscription> find(String id) {
        return db.withConnection(
                c -> Sql.first(c, "SELECT " + COLUMNS + " FROM websub_subscriptions WHERE id = ?", this::row, id));
    }

    /** The subscriptions of one feed, oldest request first. */
    public List<PushSubscription> forFeed(long feedId) {
        return db.withConnection(c -> Sql.list(
                c,
                "SELECT " + COLUMNS + " FROM websub_subscriptions WHERE feed_id = ? ORDER BY requested_at, id",
                this::row,
                feedId));
    }

    /** Whether a hub pushes the updates of {@code feedId}: a verified subscription whose lease runs at {@code now}. */
    boolean pushed(long feedId, Instant now) {
        return db.withConnection(c -> Sql.first(
                        c,
                        "SELECT 1 FROM websub_subscriptions WHERE feed_id = ? AND state = ? AND lease_until > ?",
                        rs -> true,
                        feedId,
                        PushSubscription.ACTIVE,
                        now)
                .orElse(false));
    }

    /**
     * Verified subscriptions with less than a fifth of their lease left at {@code now}, and requests that stayed
     * unverified or failed since before {@code retryBefore}: the ones to (re)subscribe.
     */
    List<PushSubscription> dueForRenewal(Instant now, Instant retryBefore) {
        return db.withConnection(c -> Sql.list(
                c,
                "SELECT " + COLUMNS + " FROM websub_subscriptions"
                        + " WHERE (state = ? AND lease_until - (lease_until - verified_at) / 5 <= ?)"
                        + " OR (state IN (?, ?) AND requested_at <= ?) ORDER BY requested_at",
                this::row,
                PushSubscription.ACTIVE,
                now,
                PushSubscription.REQUESTED,
                PushSubscription.FAILED,
                retryBefore));
    }

    /** A subscription request was sent (again) at {@code at}; a verified subscription stays active meanwhile. */
    void requested(String id, Instant at) {
        db.inTransaction(c -> Sql.update(
                c,
                "UPDATE websub_subscriptions SET requested_at = ?,"
                        + " state = CASE WHEN state = ? THEN state ELSE ? END WHERE id = ?",
                at,
                PushSubscription.ACTIVE,
                PushSubscription.REQUESTED,
                id));
    }

    /** The hub verified the intent to subscribe at {@code at}, with a lease until {@code leaseUntil}. */
    void verified(String id, Instant at, Instant leaseUntil) {
        db.inTransaction(c -> Sql.update(
                c,
                "UPDATE websub_subscriptions SET state = ?, verified_at = ?, lease_until = ?, last_error = NULL"
                        + " WHERE id = ?",
                PushSubscription.ACTIVE,
                at,
                leaseUntil,
                id));
    }

    /** Sets the state and the reason, e.g. denied by the hub or a failed request. */
    void state(String id, String state, String error) {
        db.inTransaction(c -> Sql.update(
                c, "UPDATE websub_subscriptions SET state = ?, last_error = ? WHERE id = ?", state, error, id));
    }

    /** A signed document arrived at {@code at}, or a push was refused ({@code error}). */
    void pushed(String id, Instant at, String error) {
        db.inTransaction(c -> error == null
                ? Sql.update(c, "UPDATE websub_subscriptions SET pushed_at = ? WHERE id = ?", at, id)
                : Sql.update(c, "UPDATE websub_subscriptions SET last_error = ? WHERE id = ?", error, id));
    }

    void delete(String id) {
        db.inTransaction(c -> Sql.update(c, "DELETE FROM websub_subscriptions WHERE id = ?", id));
    }

    private PushSubscription row(ResultSet rs) throws SQLException {
        return new PushSubscription(
                rs.getString(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                Sql.instant(rs, 7),
                Sql.instant(rs, 8),
                Sql.instant(rs, 9),
                Sql.instant(rs, 10),
                rs.getString(11));
    }
}
