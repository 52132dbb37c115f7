package org.callisto.websub;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * The subscribers of this site's hub ({@code websub_hub_subscriptions}) and what the hub last saw of each topic
 * ({@code websub_topics}), in plain SQL. Thread-safe: every call borrows its own connection from the pool.
 */
public final class HubSubscriptionStore {
    private final Database db;

    public HubSubscriptionStore(Database db) {
        this.db = db;
    }

    /** Adds a verified subscription, or renews the one of the same topic and callback with a new lease and secret. */
    void subscribe(String topic, String callback, String secret, Instant leaseUntil, Instant now) {
        db.inTransaction(c -> Sql.update(
                c,
                "INSERT INTO websub_hub_subscriptions (topic, callback, secret, lease_until, created_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (topic, callback)"
                        + " DO UPDATE SET secret = excluded.secret, lease_until = excluded.lease_until",
                topic,
                callback,
                secret,
                leaseUntil,
                now));
    }

    /** Ends a subscription; whether there was one. */
    boolean unsubscribe(String topic, String callback) {
        return db.inTransaction(c ->
                Sql.update(c, "DELETE FROM websub_hub_subscriptions WHERE topic = ? AND callback = ?", topic, callback)
                        > 0);
    }

    void delete(long id) {
        db.inTransaction(c -> Sql.update(c, "DELETE FROM websub_hub_subscriptions WHERE id = ?", id));
    }

    /** Forgets the subscriptions whose lease ended before {@code now}; how many. */
    int expire(Instant now) {
        return db.inTransaction(c -> Sql.update(c, "DELETE FROM websub_hub_subscriptions WHERE lease_until <= ?", now));
    }

    /** The topics with at least one subscriber at {@code now}. */
    List<String> topics(Instant now) {
        return db.withConnection(c -> Sql.list(
                c,
                "SELECT DISTINCT topic FROM websub_hub_subscriptions WHERE lease_until > ? ORDER BY topic",
                rs -> rs.getString(1),
                now));
    }

    /** The subscribers of {@code topic} at {@code now}. */
    public List<HubSubscription> subscribers(String topic, Instant now) {
        return db.withConnection(c -> Sql.list(
                c,
                "SELECT id, topic, callback, secret, lease_until FROM websub_hub_subscriptions"
                        + " WHERE topic = ? AND lease_until > ? ORDER BY id",
                rs -> new HubSubscription(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), Sql.instant(rs, 5)),
                topic,
                now));
    }

    /** The hash of the topic's body when the hub last looked, if it ever did. */
    Optional<String> seen(String topic) {
        return db.withConnection(c ->
                Sql.first(c, "SELECT content_sha256 FROM websub_topics WHERE topic = ?", rs -> rs.getString(1), topic));
    }

    /** Records the hash of the topic's body as seen at {@code at}. */
    void see(String topic, String sha256, Instant at) {
        db.inTransaction(c -> Sql.update(
                c,
                "INSERT INTO websub_topics (topic, content_sha256, checked_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (topic) DO UPDATE SET content_sha256 = excluded.content_sha256,"
                        + " checked_at = excluded.checked_at",
                topic,
                sha256,
                at));
    }
}
