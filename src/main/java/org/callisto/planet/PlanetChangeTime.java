package org.callisto.planet;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * The time the planet's visible content last changed (entries, feeds, categories), kept as {@code changed_at} in
 * {@code planet_state}: pages and output feeds derive their ETag and Last-Modified from it, on every node that
 * shares the database. The stores move it in the transaction of each visible change. Thread-safe: every call
 * borrows its own connection from the pool.
 */
public final class PlanetChangeTime {
    private final Database db;

    public PlanetChangeTime(Database db) {
        this.db = db;
    }

    /** The time of the last visible change, or {@link Instant#EPOCH} before the first. */
    public Instant lastChange() {
        return db.withConnection(c -> Sql.first(
                        c,
                        "SELECT value FROM planet_state WHERE key = 'changed_at'",
                        rs -> Instant.ofEpochMilli(Long.parseLong(rs.getString(1))))
                .orElse(Instant.EPOCH));
    }

    /** Records a visible change at {@code at}, inside the caller's transaction on {@code c}. */
    static void touch(Connection c, Instant at) throws SQLException {
        Sql.update(
                c,
                "INSERT INTO planet_state (key, value) VALUES ('changed_at', ?)"
                        + " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                Long.toString(at.toEpochMilli()));
    }
}
