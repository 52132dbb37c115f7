package org.callisto.planet.fetch;

import org.callisto.config.Config;

/**
 * Fetches feeds politely: conditional GET, compressed bodies, bounded redirects, a body cap enforced while
 * streaming, per-host concurrency limits and an SSRF guard applied after DNS resolution on every hop.
 * Thread-safe: one instance serves all fetches of a process; {@link #fetch} blocks and is meant for virtual threads.
 */
public final class FeedFetcher implements AutoCloseable {

    public FeedFetcher(Config config) {
    }

    /** Fetches one URL; never throws for network or HTTP failures, which are reported in the result. */
    public FetchResult fetch(FetchRequest request) {
        throw new UnsupportedOperationException("not yet written");
    }

    @Override
    public void close() {
    }
}
