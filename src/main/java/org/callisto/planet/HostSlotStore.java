package org.callisto.planet;

import java.time.Clock;
import java.time.Duration;
import org.callisto.db.Database;
import org.callisto.db.Sql;
import org.callisto.planet.fetch.SharedHostSlots;

/**
 * The per-host fetch slots shared by the nodes on one database ({@code fetch_host_slots}): a slot is a row
 * {@code (host, slot)} held by a node until a time; one statement takes a free or expired slot, so two nodes can
 * never hold the same one, and a node that died frees its slots when their time ends.
 *
 * <p>Thread-safe (each call is one statement).
 */
public final class HostSlotStore implements SharedHostSlots {
    private final Database db;
    private final Clock clock;
    private final String node;
    private final Duration hold;

    /**
     * @param node this process's name, as in {@link FeedLeases}
     * @param hold how long a slot is held at most: longer than the longest fetch
     */
    public HostSlotStore(Database db, Clock clock, String node, Duration hold) {
        this.db = db;
        this.clock = clock;
        this.node = node;
        this.hold = hold;
    }

    /**
     * One statement: picks a free or expired slot at random among the host's {@code perHost} and takes it. Two nodes
     * picking the same one at once are told apart by the conflict clause, and the loser gets -1 and asks again.
     */
    @Override
    public int tryTake(String host, int perHost) {
        long now = clock.millis();
        return db.withConnection(c -> Sql.first(
                        c,
                        "WITH RECURSIVE slots(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM slots WHERE n + 1 < ?)"
                                + " INSERT INTO fetch_host_slots (host, slot, node, until_at)"
                                + " SELECT ?, n, ?, ? FROM slots WHERE NOT EXISTS (SELECT 1 FROM fetch_host_slots h"
                                + " WHERE h.host = ? AND h.slot = slots.n AND h.until_at >= ?)"
                                + " ORDER BY random() LIMIT 1"
                                + " ON CONFLICT (host, slot) DO UPDATE SET node = excluded.node,"
                                + " until_at = excluded.until_at WHERE fetch_host_slots.until_at < ?"
                                + " RETURNING slot",
                        rs -> rs.getInt(1),
                        perHost,
                        host,
                        node,
                        now + hold.toMillis(),
                        host,
                        now,
                        now)
                .orElse(-1));
    }

    @Override
    public void give(String host, int slot) {
        db.withConnection(c -> Sql.update(
                c, "DELETE FROM fetch_host_slots WHERE host = ? AND slot = ? AND node = ?", host, slot, node));
    }

    /** Slots held now by any node; for tests. */
    public int heldNow() {
        return db.withConnection(c -> Sql.first(
                        c,
                        "SELECT COUNT(*) FROM fetch_host_slots WHERE until_at >= ?",
                        rs -> rs.getInt(1),
                        clock.millis())
                .orElse(0));
    }
}
