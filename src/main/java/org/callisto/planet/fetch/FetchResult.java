package org.callisto.planet.fetch;

import java.net.URI;
import java.time.Duration;

/**
 * The outcome of one fetch, redirects included. Immutable.
 *
 * @param outcome      what happened, in one word
 * @param status       the final HTTP status, or 0 when no response was received
 * @param finalUrl     the URL the body finally came from (after redirects)
 * @param movedTo      for {@link Outcome#OK} and {@link Outcome#NOT_MODIFIED} reached only through permanent
 *                     redirects (301/308), the new URL to store; else null
 * @param body         the (decompressed) body for {@link Outcome#OK}, else null
 * @param contentType  the Content-Type header, or null
 * @param contentLocation the Content-Location header of a 200 (the parser's base for relative URLs), or null
 * @param etag         the ETag header of a 200; for a 304 the one it sent, else the one in the request; or null
 * @param lastModified the Last-Modified header of a 200; for a 304 as for {@code etag}; or null
 * @param retryAfter   the Retry-After of a 429/503, or null
 * @param freshFor     how long the server says the answer stays fresh (Cache-Control max-age, Expires), or null
 * @param error        the kind of failure for {@link Outcome#ERROR}, {@link Outcome#RETRY_LATER} and
 *                     {@link Outcome#GONE}, else null
 * @param message      the failure in words a person understands, naming the URL, else null
 * @param elapsed      wall time of the whole fetch
 * @param links        the values of the Link headers (RFC 8288) of a 200, where a feed names its WebSub hub; else
 *                     empty
 */
public record FetchResult(
        Outcome outcome,
        int status,
        URI finalUrl,
        URI movedTo,
        byte[] body,
        String contentType,
        String contentLocation,
        String etag,
        String lastModified,
        Duration retryAfter,
        Duration freshFor,
        FetchError error,
        String message,
        Duration elapsed,
        java.util.List<String> links) {

    public FetchResult {
        links = links == null ? java.util.List.of() : java.util.List.copyOf(links);
    }

    /** A result without Link headers. */
    public FetchResult(
            Outcome outcome,
            int status,
            URI finalUrl,
            URI movedTo,
            byte[] body,
            String contentType,
            String contentLocation,
            String etag,
            String lastModified,
            Duration retryAfter,
            Duration freshFor,
            FetchError error,
            String message,
            Duration elapsed) {
        this(
                outcome,
                status,
                finalUrl,
                movedTo,
                body,
                contentType,
                contentLocation,
                etag,
                lastModified,
                retryAfter,
                freshFor,
                error,
                message,
                elapsed,
                java.util.List.of());
    }

    /** What happened to a fetch. */
    public enum Outcome {
        /** 200 with a body. */
        OK,
        /** 304: nothing changed since the validators were issued. */
        NOT_MODIFIED,
        /** 410: the feed is gone for good and should be disabled. */
        GONE,
        /** 429 or 503: try again after {@code retryAfter} (or the backoff). */
        RETRY_LATER,
        /** Any other failure; back off and try again. */
        ERROR
    }

    /** Why a fetch failed, for the subscriptions page. */
    public enum FetchError {
        DNS,
        CONNECT,
        TIMEOUT,
        TLS,
        HTTP_STATUS,
        TOO_LARGE,
        TOO_MANY_REDIRECTS,
        REDIRECT_LOOP,
        BLOCKED_ADDRESS,
        BAD_URL,
        DECODING,
        GONE,
        RATE_LIMITED,
        OTHER
    }
}
