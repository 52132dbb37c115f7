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

    /** How long a fetch waiting for a slot held by another node sleeps before asking again. */
    static final long SHARED_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HostLimits.class);

    private final int perHost;
    private final SharedHostSlots shared;
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

    HostLimits(int perHost) {
        this(perHost, SharedHostSlots.NONE);
    }

    /** Limits that also take one of the slots shared with other nodes ({@code shared}) for each request. */
    HostLimits(int perHost, SharedHostSlots shared) {
        this.shared = shared;
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
        int sharedSlot;
        try {
            sharedSlot = takeShared(key, System.nanoTime() + Math.max(0, timeoutNanos));
        } catch (InterruptedException | RuntimeException e) {
            slot.semaphore.release();
            leave(key);
            throw e;
        }
        if (sharedSlot == TIMED_OUT) {
            slot.semaphore.release();
            leave(key);
            return null;
        }
        return () -> {
            try {
                if (sharedSlot >= 0) {
                    shared.give(key, sharedSlot);
                }
            } catch (RuntimeException e) {
                LOG.warn(
                        "fetch: could not give back the shared slot {} of {}; it frees itself when its lease ends: {}",
                        sharedSlot,
                        key,
                        e.getMessage());
            } finally {
                slot.semaphore.release();
                leave(key);
            }
        };
    }

    private static final int TIMED_OUT = -2;
    private static final int UNSHARED = -1;

    /**
     * Waits for one of the host's slots shared with the other nodes, until {@code deadline}. When the shared slots
     * cannot be read (the database is away), this node's own limit is the only one: fetching goes on.
     */
    private int takeShared(String key, long deadline) throws InterruptedException {
        if (shared == SharedHostSlots.NONE) {
            return UNSHARED;
        }
        while (true) {
            int taken;
            try {
                taken = shared.tryTake(key, perHost);
            } catch (RuntimeException e) {
                LOG.warn(
                        "fetch: the shared per-host slots cannot be read ({}); limiting {} on this node only",
                        e.getMessage(),
                        key);
                return UNSHARED;
            }
            if (taken >= 0) {
                return taken;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return TIMED_OUT;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, SHARED_POLL_NANOS));
        }
    }

    /** Hosts currently fetched or waited for; for tests and metrics. */
    int activeHosts() {
        return slots.size();
    }

    private void leave(String key) {
        slots.computeIfPresent(key, (k, s) -> --s.users == 0 ? null : s);
    }
}
