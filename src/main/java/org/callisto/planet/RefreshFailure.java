package org.callisto.planet;

import java.util.Locale;
import org.callisto.planet.fetch.FetchResult.FetchError;

/**
 * Why refreshing a feed failed: every kind of fetch failure ({@link FetchError}, under the same names) and the
 * refresher's own. A feed's last failure is stored by {@link #name()}, so renaming a constant orphans the rows
 * that hold it (they then read as {@link #OTHER}). Immutable and thread-safe.
 */
public enum RefreshFailure {
    /** The host name could not be resolved. */
    DNS,
    /** The server refused or dropped the connection. */
    CONNECT,
    /** Connecting, reading or the whole fetch took too long. */
    TIMEOUT,
    /** The TLS handshake failed. */
    TLS,
    /** The server answered with an HTTP error status. */
    HTTP_STATUS,
    /** The body, or its decompressed form, exceeded the size limit. */
    TOO_LARGE,
    /** More redirects than allowed. */
    TOO_MANY_REDIRECTS,
    /** A redirect led back to an address already visited. */
    REDIRECT_LOOP,
    /** The address is on a network that is not fetched (loopback, private, link-local...). */
    BLOCKED_ADDRESS,
    /** The feed's URL, or a redirect's, is not a valid http(s) URL. */
    BAD_URL,
    /** The body's compression or encoding could not be decoded. */
    DECODING,
    /** 410 Gone: the feed was removed and is switched off. */
    GONE,
    /** 429 or 503: the server asked to come back later. */
    RATE_LIMITED,
    /** The fetched document is not a feed in any format the parser reads. */
    NOT_A_FEED,
    /** A bug or an unexpected failure in the refresher itself. */
    INTERNAL,
    /** Any other failure, and a stored kind this version does not know. */
    OTHER;

    /** The refresh failure a fetch failure is stored as. */
    public static RefreshFailure of(FetchError error) {
        return switch (error) {
            case DNS -> DNS;
            case CONNECT -> CONNECT;
            case TIMEOUT -> TIMEOUT;
            case TLS -> TLS;
            case HTTP_STATUS -> HTTP_STATUS;
            case TOO_LARGE -> TOO_LARGE;
            case TOO_MANY_REDIRECTS -> TOO_MANY_REDIRECTS;
            case REDIRECT_LOOP -> REDIRECT_LOOP;
            case BLOCKED_ADDRESS -> BLOCKED_ADDRESS;
            case BAD_URL -> BAD_URL;
            case DECODING -> DECODING;
            case GONE -> GONE;
            case RATE_LIMITED -> RATE_LIMITED;
            case OTHER -> OTHER;
        };
    }

    /**
     * Reads a stored kind: null (or blank) for none, the constant of that name (case ignored), or {@link #OTHER}
     * for a name this version does not know, such as one an older or newer version wrote. Never throws.
     */
    public static RefreshFailure ofStored(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String upper = name.strip().toUpperCase(Locale.ROOT);
        for (RefreshFailure kind : values()) {
            if (kind.name().equals(upper)) {
                return kind;
            }
        }
        return OTHER;
    }
}
