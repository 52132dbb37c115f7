package org.callisto.planet.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.callisto.planet.fetch.FetchFailures.Failure;
import org.callisto.planet.fetch.FetchResult.FetchError;
import org.callisto.planet.fetch.FetchResult.Outcome;
import org.callisto.planet.fetch.HopSender.Answer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;

/**
 * Turns how a fetch ended into its {@link FetchResult}: the final (non-redirect) answer by its status (200, 304,
 * 410, 429 and 503, anything else), with the validators, freshness and Retry-After the server sent, or a
 * {@link Failure} from before any such answer.
 *
 * <p>Stateless and thread-safe.
 */
final class FetchResults {

    private FetchResults() {}

    /**
     * Turns the final (non-redirect) answer into a result. {@code movedTo} is kept only for 2xx and 304: a
     * permanent redirect to a URL that fails is no reason to forget the stored one.
     *
     * @param start when the fetch began, in {@link System#nanoTime()} terms
     * @param clock the time that Retry-After and Expires dates are measured from
     */
    static FetchResult finish(long start, FetchRequest request, URI url, URI movedTo, Answer answer, Clock clock) {
        int status = answer.status();
        HttpFields h = answer.headers();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        String contentType = h.get(HttpHeader.CONTENT_TYPE);
        if (status == HttpStatus.NOT_MODIFIED_304) {
            String etag = h.get(HttpHeader.ETAG);
            String lastModified = h.get(HttpHeader.LAST_MODIFIED);
            return new FetchResult(
                    Outcome.NOT_MODIFIED,
                    status,
                    url,
                    movedTo,
                    null,
                    contentType,
                    null,
                    etag != null ? etag : request.etag(),
                    lastModified != null ? lastModified : request.lastModified(),
                    null,
                    freshFor(h, clock),
                    null,
                    null,
                    elapsed);
        }
        if (status >= 200 && status < 300) {
            return new FetchResult(
                    Outcome.OK,
                    status,
                    url,
                    movedTo,
                    answer.body(),
                    contentType,
                    h.get(HttpHeader.CONTENT_LOCATION),
                    h.get(HttpHeader.ETAG),
                    h.get(HttpHeader.LAST_MODIFIED),
                    null,
                    freshFor(h, clock),
                    null,
                    null,
                    elapsed,
                    h.getValuesList(HttpHeader.LINK));
        }
        if (status == HttpStatus.GONE_410) {
            return withoutBody(
                    Outcome.GONE,
                    status,
                    url,
                    contentType,
                    null,
                    FetchError.GONE,
                    statusWords(status) + " from " + url
                            + ": the feed was removed for good; unsubscribe or look for its new address",
                    elapsed);
        }
        if (status == HttpStatus.TOO_MANY_REQUESTS_429 || status == HttpStatus.SERVICE_UNAVAILABLE_503) {
            Duration retryAfter = ResponseHints.retryAfter(h.get(HttpHeader.RETRY_AFTER), clock.instant());
            FetchError error =
                    status == HttpStatus.TOO_MANY_REQUESTS_429 ? FetchError.RATE_LIMITED : FetchError.HTTP_STATUS;
            String when = retryAfter == null ? "later" : "after " + FetchFailures.words(retryAfter);
            return withoutBody(
                    Outcome.RETRY_LATER,
                    status,
                    url,
                    contentType,
                    retryAfter,
                    error,
                    statusWords(status) + " from " + url + "; the server asks to retry " + when,
                    elapsed);
        }
        return withoutBody(
                Outcome.ERROR,
                status,
                url,
                contentType,
                null,
                FetchError.HTTP_STATUS,
                statusWords(status) + " from " + url,
                elapsed);
    }

    /**
     * A failed fetch.
     *
     * @param start  when the fetch began, in {@link System#nanoTime()} terms
     * @param url    the URL being fetched when it failed
     * @param status the HTTP status received, or 0 when none was
     */
    static FetchResult failed(long start, URI url, int status, Failure failure) {
        return withoutBody(
                Outcome.ERROR,
                status,
                url,
                null,
                null,
                failure.error(),
                failure.message(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** "HTTP 404 Not Found". */
    static String statusWords(int status) {
        String reason = HttpStatus.getMessage(status);
        return reason == null || reason.equals(Integer.toString(status))
                ? "HTTP " + status
                : "HTTP " + status + " " + reason;
    }

    /** A result without body, validators, freshness or a new URL: every outcome but OK and NOT_MODIFIED. */
    private static FetchResult withoutBody(
            Outcome outcome,
            int status,
            URI url,
            String contentType,
            Duration retryAfter,
            FetchError error,
            String message,
            Duration elapsed) {
        return new FetchResult(
                outcome,
                status,
                url,
                null,
                null,
                contentType,
                null,
                null,
                null,
                retryAfter,
                null,
                error,
                message,
                elapsed);
    }

    private static Duration freshFor(HttpFields h, Clock clock) {
        return ResponseHints.freshFor(
                h.get(HttpHeader.CACHE_CONTROL), h.get(HttpHeader.EXPIRES), h.get(HttpHeader.DATE), clock.instant());
    }
}
