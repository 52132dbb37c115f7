package org.callisto.planet.fetch;

import java.net.URI;
import java.util.Locale;

/**
 * Which URLs can be fetched at all, for the URL a fetch starts from and for every redirect target alike, and
 * their fragment-free form, since a fragment is never sent to the server.
 *
 * <p>Stateless and thread-safe.
 */
final class FetchUrls {

    private FetchUrls() {}

    /** Why {@code url} cannot be fetched at all, or null when it can. */
    static String checkUrl(URI url) {
        if (url == null) {
            return "no URL given; a feed needs an absolute http:// or https:// URL";
        }
        String scheme = url.getScheme() == null ? null : url.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return "'" + url + "' is not an http:// or https:// URL; only web feeds can be fetched";
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            return "'" + url + "' has no host name; write it as e.g. https://example.org/feed.xml";
        }
        return null;
    }

    static URI withoutFragment(URI url) {
        if (url.getRawFragment() == null) {
            return url;
        }
        String s = url.toString();
        return URI.create(s.substring(0, s.indexOf('#')));
    }
}
