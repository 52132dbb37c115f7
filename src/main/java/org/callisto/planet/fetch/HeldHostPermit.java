package org.callisto.planet.fetch;

import java.util.Locale;

/**
 * The per-host permit one fetch holds, kept from hop to hop while its redirects stay on the same host, so that a
 * redirect is never queued behind other fetches from that host: a fetch that already has a slot on a host keeps it
 * until it is answered, and a redirect loop or a long chain is seen for what it is instead of waiting out the total
 * timeout behind slow feeds. A hop to another host first returns the permit it holds, then waits for one on the new
 * host (never holding one while waiting for another, so two fetches cannot wait on each other).
 *
 * <p>Not thread-safe: one instance per fetch, used by the thread running it; close it when the fetch ends.
 */
final class HeldHostPermit implements AutoCloseable {

    private final HostLimits limits;
    private String host;
    private HostLimits.Permit permit;

    HeldHostPermit(HostLimits limits) {
        this.limits = limits;
    }

    /**
     * Makes sure a permit for {@code host} is held: keeps the one held when it is for that host, else returns it and
     * waits for one.
     *
     * @return false when no permit for {@code host} came free within the timeout
     */
    boolean acquire(String host, long timeoutNanos) throws InterruptedException {
        String key = host.toLowerCase(Locale.ROOT);
        if (permit != null && key.equals(this.host)) {
            return true;
        }
        close();
        HostLimits.Permit taken = limits.acquire(key, timeoutNanos);
        if (taken == null) {
            return false;
        }
        this.permit = taken;
        this.host = key;
        return true;
    }

    /** Returns the permit held, if any; safe to call more than once. */
    @Override
    public void close() {
        if (permit != null) {
            HostLimits.Permit held = permit;
            permit = null;
            host = null;
            held.close();
        }
    }
}
