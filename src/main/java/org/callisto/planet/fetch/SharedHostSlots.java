package org.callisto.planet.fetch;

/**
 * The {@code fetch.per_host} slots of a host, shared by every node that fetches for one planet (the nodes of a
 * cluster on one PostgreSQL database), so that the limit holds for all of them together. A node first takes one of
 * its own slots for the host, then one of the shared ones.
 *
 * <p>Implementations are thread-safe.
 */
public interface SharedHostSlots {
    /** No sharing: each node's own limit is the only one (one node, or SQLite). */
    SharedHostSlots NONE = new SharedHostSlots() {
        @Override
        public int tryTake(String host, int perHost) {
            return 0;
        }

        @Override
        public void give(String host, int slot) {}
    };

    /**
     * Takes a free slot of {@code host}'s {@code perHost} for this node, without waiting.
     *
     * @return the slot taken, or -1 when all are held by fetches in flight
     */
    int tryTake(String host, int perHost);

    /** Gives back a slot taken with {@link #tryTake}. */
    void give(String host, int slot);
}
