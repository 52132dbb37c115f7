package org.callisto.planet.fetch;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.callisto.planet.fetch.FetchFailures.Failure;
import org.callisto.planet.fetch.FetchResult.FetchError;
import org.eclipse.jetty.http.HttpStatus;

/**
 * The redirects of one fetch, followed by hand rather than by Jetty so that each hop is resolved against the URL
 * it came from, checked like the first URL, counted against {@code fetch.max_redirects}, checked for loops and
 * judged permanent (301, 308) or not. The URL where the chain stands is {@link #current()}; it moves only when a
 * hop passes every check.
 *
 * <p>Not thread-safe: one instance per fetch, used by the thread running it.
 */
final class RedirectChain {

    private final URI origin;
    private final int maxRedirects;
    private final Set<String> seen = new HashSet<>();
    private final List<URI> chain = new ArrayList<>();
    private boolean allPermanent = true;
    private URI current;

    /**
     * @param origin       the URL the fetch starts from, without a fragment
     * @param maxRedirects the most redirects followed ({@code fetch.max_redirects})
     */
    RedirectChain(URI origin, int maxRedirects) {
        this.origin = origin;
        this.maxRedirects = maxRedirects;
        this.current = origin;
        seen.add(key(origin));
        chain.add(origin);
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The URL to request next: the origin, or the target of the last redirect followed. */
    URI current() {
        return current;
    }

    /**
     * Follows a redirect answered by {@link #current()}.
     *
     * @param status   the redirect status
     * @param location the Location header, or null
     * @return null when {@link #current()} has moved to the redirect target, else the failure that ends the fetch
     *     (and {@link #current()} stays where it was)
     */
    Failure follow(int status, String location) {
        if (location == null || location.isBlank()) {
            return new Failure(
                    FetchError.HTTP_STATUS,
                    FetchResults.statusWords(status) + " from " + current
                            + " without a Location header; the server is misconfigured");
        }
        URI next;
        try {
            next = FetchUrls.withoutFragment(current.resolve(location.trim()));
        } catch (IllegalArgumentException e) {
            return new Failure(
                    FetchError.BAD_URL, current + " redirects to '" + location + "', which is not a valid URL");
        }
        String bad = FetchUrls.checkUrl(next);
        if (bad != null) {
            return new Failure(FetchError.BAD_URL, current + " redirects elsewhere: " + bad);
        }
        chain.add(next);
        if (!seen.add(key(next))) {
            return new Failure(FetchError.REDIRECT_LOOP, origin + " redirects in a loop: " + arrows());
        }
        if (chain.size() - 1 > maxRedirects) {
            return new Failure(
                    FetchError.TOO_MANY_REDIRECTS,
                    origin + " redirects more than " + maxRedirects + " times (fetch.max_redirects): " + arrows());
        }
        allPermanent &= status == HttpStatus.MOVED_PERMANENTLY_301 || status == HttpStatus.PERMANENT_REDIRECT_308;
        current = next;
        return null;
    }

    /** The URL to store instead of the origin: {@link #current()} if reached only through permanent redirects. */
    URI movedTo() {
        return chain.size() > 1 && allPermanent ? current : null;
    }

    /** The URL as compared for loop detection: case-insensitive scheme and host, default port and path filled in. */
    private static String key(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() != -1 ? url.getPort() : "https".equals(scheme) ? 443 : 80;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port + path + query;
    }

    private String arrows() {
        StringBuilder sb = new StringBuilder();
        for (URI u : chain) {
            if (!sb.isEmpty()) {
                sb.append(" -> ");
            }
            sb.append(u);
        }
        return sb.toString();
    }
}
