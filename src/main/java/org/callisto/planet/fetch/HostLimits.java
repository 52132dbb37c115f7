package org.callisto.planet.fetch;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the requests in flight to any one host: a fair semaphore per host name, created on first use and
 * dropped when no fetch holds or waits for it, so the map only holds hosts being fetched right now.
 *
 * <p>Thread-safe: permits may be taken and returned from any thread (virtual threads included).
 */
final class HostLimits {

    /** A taken permit; closing returns it. Close exactly once. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Slot {
        final Semaphore semaphore;
        int users; // guarded by the map's per-key lock (only touched inside compute)

        Slot(int permits) {
            semaphore = new Semaphore(permits, true);
        }
    }

    private final int perHost;
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

    HostLimits(int perHost) {
        if (perHost < 1) {
            throw new IllegalArgumentException("perHost = " + perHost + " must be at least 1 (fetch.per_host)");
        }
        this.perHost = perHost;
    }

    /**
     * Waits for a permit for {@code host}.
     *
     * @return the permit, or null when none came free within the timeout
     */
    Permit acquire(String host, long timeoutNanos) throws InterruptedException {
        String key = host.toLowerCase(Locale.ROOT);
        Slot slot = slots.compute(key, (k, s) -> {
            Slot v = s == null ? new Slot(perHost) : s;
            v.users++;
            return v;
        });
        boolean acquired = false;
        try {
            acquired = slot.semaphore.tryAcquire(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
        } finally {
            if (!acquired) {
                leave(key);
            }
        }
        if (!acquired) {
            return null;
        }
        return () -> {
            slot.semaphore.release();
            leave(key);
        };
    }

    /** Hosts currently fetched or waited for; for tests and metrics. */
    int activeHosts() {
        return slots.size();
    }

    private void leave(String key) {
        slots.computeIfPresent(key, (k, s) -> --s.users == 0 ? null : s);
    }
}
