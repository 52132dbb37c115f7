package org.callisto.account;

import java.util.Optional;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * The SQL of {@code rate_limits}: the state of {@link RateLimiter}'s token buckets and {@link FailureBackoff}'s
 * failure counts kept in the database, so that every node on one database counts against the same figures as one
 * node does. One row per key: a bucket's tokens or a key's failures not yet forgiven ({@code amount}), the time they
 * were last changed, and a time after which the row is worth no more than no row at all.
 *
 * <p>Each change is one {@code INSERT … ON CONFLICT … DO UPDATE … RETURNING} statement, so two nodes taking the last
 * token at the same instant cannot both have it: the database applies the two in turn, and the refill since the last
 * change is computed inside the statement from the row as it stands. The rule's figures and the time are written into
 * the statement as numbers (they are the program's own, never input); the key is always a bound parameter.
 *
 * <p>Thread-safe: every call is one statement on a connection of its own.
 */
public final class RateLimitStore {
    private static final String BUCKET = "bucket:";
    private static final String BACKOFF = "backoff:";

    private final Database db;

    public RateLimitStore(Database db) {
        this.db = db;
    }

    /**
     * Takes one token from the bucket of {@code key} if its refilled tokens are at least one.
     *
     * @return whether a token was taken
     */
    boolean take(String key, RateRule rule, long now) {
        String refilled = refilled(rule, now);
        long window = rule.window().toMillis();
        return db.withConnection(c -> Sql.first(
                        c,
                        "INSERT INTO rate_limits (limit_key, amount, updated_at, expires_at) VALUES (?, "
                                + (rule.limit() - 1) + ", " + now + ", " + (now + 2 * window) + ")"
                                + " ON CONFLICT (limit_key) DO UPDATE SET amount = " + refilled + " - 1,"
                                + " updated_at = " + now + ", expires_at = " + (now + 2 * window)
                                + " WHERE " + refilled + " >= 1 RETURNING amount",
                        rs -> rs.getDouble(1),
                        BUCKET + key)
                .isPresent());
    }

    /** Takes one token from the bucket of {@code key} even when none is left, down to minus the rule's limit. */
    void force(String key, RateRule rule, long now) {
        String refilled = refilled(rule, now);
        long window = rule.window().toMillis();
        db.withConnection(c -> Sql.update(
                c,
                "INSERT INTO rate_limits (limit_key, amount, updated_at, expires_at) VALUES (?, " + (rule.limit() - 1)
                        + ", " + now + ", " + (now + 2 * window) + ")"
                        + " ON CONFLICT (limit_key) DO UPDATE SET amount = CASE WHEN " + refilled + " - 1 < -"
                        + rule.limit() + " THEN -" + rule.limit() + " ELSE " + refilled + " - 1 END,"
                        + " updated_at = " + now + ", expires_at = " + (now + 2 * window),
                BUCKET + key));
    }

    /** The tokens in the bucket of {@code key} at {@code now}: the rule's limit when there is no row. */
    double tokens(String key, RateRule rule, long now) {
        return db.withConnection(c -> Sql.first(
                        c,
                        "SELECT amount, updated_at FROM rate_limits WHERE limit_key = ?",
                        rs -> RateLimiter.tokensAt(rs.getDouble(1), rs.getLong(2), now, rule),
                        BUCKET + key)
                .orElse((double) rule.limit()));
    }

    /**
     * Counts one failure for {@code key}, after forgiving those whose time has passed.
     *
     * @return the failures not forgiven, this one included
     */
    double addFailure(String key, BackoffRule rule, long now) {
        long every = rule.forgiveEvery().toMillis();
        String left = "CASE WHEN " + forgiven(every, now) + " > 0 THEN " + forgiven(every, now) + " ELSE 0 END";
        return db.withConnection(c -> Sql.first(
                        c,
                        "INSERT INTO rate_limits (limit_key, amount, updated_at, expires_at) VALUES (?, 1, " + now
                                + ", " + (now + 2 * every) + ")"
                                + " ON CONFLICT (limit_key) DO UPDATE SET amount = " + left + " + 1,"
                                + " updated_at = " + now + ", expires_at = " + now + " + CAST((" + left + " + 2) * "
                                + every + " AS BIGINT) RETURNING amount",
                        rs -> rs.getDouble(1),
                        BACKOFF + key)
                .orElseThrow(() -> new IllegalStateException(
                        "the failure count of '" + key + "' was written but not returned; check the database")));
    }

    /** The failures of {@code key} as stored: their count when last changed and that time. */
    Optional<Failures> failures(String key) {
        return db.withConnection(c -> Sql.first(
                c,
                "SELECT amount, updated_at FROM rate_limits WHERE limit_key = ?",
                rs -> new Failures(rs.getDouble(1), rs.getLong(2)),
                BACKOFF + key));
    }

    /** Forgets the bucket of {@code key}. */
    void resetBucket(String key) {
        delete(BUCKET + key);
    }

    /** Forgets the failures of {@code key}. */
    void resetFailures(String key) {
        delete(BACKOFF + key);
    }

    /** Deletes the rows that are worth no more than no row at {@code now}; returns how many. */
    public int deleteExpired(long now) {
        return db.withConnection(c -> Sql.update(c, "DELETE FROM rate_limits WHERE expires_at < ?", now));
    }

    /** Rows held now; for tests and logs. */
    public int size() {
        return db.withConnection(c -> Sql.first(c, "SELECT COUNT(*) FROM rate_limits", rs -> rs.getInt(1))
                .orElse(0));
    }

    private void delete(String key) {
        db.withConnection(c -> Sql.update(c, "DELETE FROM rate_limits WHERE limit_key = ?", key));
    }

    /** A failure count as stored, and when it was last changed. */
    record Failures(double count, long last) {}

    /** The bucket's tokens refilled up to {@code now}, as {@link RateLimiter#tokensAt} computes them, in SQL. */
    private static String refilled(RateRule rule, long now) {
        String grown = "rate_limits.amount + CAST(" + elapsed(now) + " AS DOUBLE PRECISION) * " + rule.limit() + " / "
                + rule.window().toMillis();
        return "(CASE WHEN " + grown + " >= " + rule.limit() + " THEN " + rule.limit() + " ELSE " + grown + " END)";
    }

    /** The failures left after forgiving one per {@code every} ms since the last change, before clamping at 0. */
    private static String forgiven(long every, long now) {
        return "(rate_limits.amount - CAST(" + elapsed(now) + " AS DOUBLE PRECISION) / " + every + ")";
    }

    private static String elapsed(long now) {
        return "CASE WHEN " + now + " > rate_limits.updated_at THEN " + now + " - rate_limits.updated_at ELSE 0 END";
    }
}
