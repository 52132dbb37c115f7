package org.callisto.planet.fetch;

import java.io.IOException;

/** Raised by {@link BodyReader} as soon as a body passes the cap, so the download can be aborted at once. */
final class BodyTooLargeException extends IOException {

    private final long limit;
    private final boolean decompressed;

    BodyTooLargeException(long limit, boolean decompressed) {
        super((decompressed ? "decompressed body" : "body") + " exceeds " + limit + " bytes");
        this.limit = limit;
        this.decompressed = decompressed;
    }

    long limit() {
        return limit;
    }

    /** Whether the cap was passed by the decompressed bytes (a compression bomb) rather than the bytes on the wire. */
    boolean decompressed() {
        return decompressed;
    }
}
