package org.callisto.db;

import java.time.Clock;
import java.time.Duration;

/**
 * Who does a piece of periodic work this period, when several nodes share one database ({@code work_leases}): the
 * first node to stamp a name's row takes it until the period ends, and the others, asking during that period, are
 * told no. A node that dies holds its name no longer than one period. On one node the lease is simply taken each
 * period. One statement ({@code INSERT … ON CONFLICT … DO UPDATE … WHERE} the held period has ended), so two nodes
 * asking at the same instant cannot both win.
 *
 * <p>Thread-safe: every call is one statement.
 */
public final class WorkLeases {
    private final Database db;
    private final Clock clock;
    private final String node;

    /** @param node this process's name in the leases (host, pid and a random part) */
    public WorkLeases(Database db, Clock clock, String node) {
        this.db = db;
        this.clock = clock;
        this.node = node;
    }

    /**
     * Takes the work called {@code name} for the next {@code period} if no node holds it now.
     *
     * @return whether this node is to do the work now
     */
    public boolean tryTake(String name, Duration period) {
        long now = clock.millis();
        return db.withConnection(c -> Sql.first(
                        c,
                        "INSERT INTO work_leases (name, node, until_at) VALUES (?, ?, ?)"
                                + " ON CONFLICT (name) DO UPDATE SET node = excluded.node,"
                                + " until_at = excluded.until_at WHERE work_leases.until_at <= ? RETURNING node",
                        rs -> rs.getString(1),
                        name,
                        node,
                        now + period.toMillis(),
                        now)
                .isPresent());
    }

    /** This process's name in the leases. */
    public String node() {
        return node;
    }
}
