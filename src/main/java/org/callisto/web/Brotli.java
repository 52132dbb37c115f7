package org.callisto.web;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brotli compression of cached pages, through brotli4j (Google's Brotli encoder with its native library for the
 * platform). Where the library has no native build (FreeBSD, OpenBSD) or it fails to load, pages are kept and sent
 * with gzip only; that is logged once.
 *
 * <p>Quality 9 of 11: within a few percent of the smallest output at a fraction of the time, so a page costs a few
 * milliseconds more when it is rendered after a change, once.
 *
 * <p>Stateless after loading; thread-safe.
 */
final class Brotli {
    private static final Logger LOG = LoggerFactory.getLogger(Brotli.class);
    private static final int QUALITY = 9;
    private static final boolean AVAILABLE = load();

    private Brotli() {}

    /** Whether pages are kept with Brotli here. */
    static boolean available() {
        return AVAILABLE;
    }

    /** {@code body} compressed, or null when Brotli is not available or fails. */
    static byte[] compress(byte[] body) {
        if (!AVAILABLE) {
            return null;
        }
        try {
            return Encoder.compress(body, new Encoder.Parameters().setQuality(QUALITY));
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "web: Brotli compression of a page of {} bytes failed ({}); sending gzip",
                    body.length,
                    e.toString());
            return null;
        }
    }

    private static boolean load() {
        try {
            Brotli4jLoader.ensureAvailability();
            return true;
        } catch (Throwable e) { // no native build for this platform: UnsatisfiedLinkError and friends
            LOG.info(
                    "web: Brotli is not available on this platform ({}); pages are offered with gzip only",
                    e.toString());
            return false;
        }
    }
}
