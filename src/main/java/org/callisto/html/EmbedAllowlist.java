package org.callisto.html;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The players an {@code iframe} may show: https URLs whose host is listed and whose path starts with the listed
 * prefix, such as {@code www.youtube-nocookie.com} with {@code /embed/}. Anything else (other hosts, http, user
 * info, explicit ports, dot segments) is refused.
 *
 * <p>PeerTube is federated: every instance serves its player at {@code https://<instance>/videos/embed/<id>}, so
 * matching on that path alone would let any host in. Instances are therefore listed one by one
 * ({@link SanitizePolicy.Builder#allowPeerTubeInstance(String)}), like any other host.
 *
 * <p>Immutable and thread-safe.
 *
 * @param entries host and path prefix pairs, hosts in lower case
 */
public record EmbedAllowlist(List<Entry> entries) {

    /** One allowed player: an exact host and a path prefix ending in {@code /}. */
    public record Entry(String host, String pathPrefix) {
        public Entry {
            if (host == null || host.isBlank() || !host.equals(host.toLowerCase(Locale.ROOT)) || host.contains("/")) {
                throw new IllegalArgumentException("embed host must be a lower-case host name, got: " + host);
            }
            if (pathPrefix == null || !pathPrefix.startsWith("/") || !pathPrefix.endsWith("/")) {
                throw new IllegalArgumentException(
                        "embed path prefix must start and end with '/', got: " + pathPrefix + " for " + host);
            }
        }
    }

    public EmbedAllowlist {
        entries = List.copyOf(entries);
    }

    /** Whether {@code uri} (absolute, already cleaned) points at an allowed player. */
    public boolean allows(URI uri) {
        if (uri == null
                || !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getRawUserInfo() != null
                || uri.getHost() == null
                || (uri.getPort() != -1 && uri.getPort() != 443)) {
            return false;
        }
        String path = uri.getRawPath();
        if (path == null
                || path.contains("/../")
                || path.contains("/./")
                || path.contains("%2e")
                || path.contains("%2E")
                || path.contains("//")) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        for (Entry e : entries) {
            if (e.host().equals(host)
                    && path.startsWith(e.pathPrefix())
                    && path.length() > e.pathPrefix().length()) {
                return true;
            }
        }
        return false;
    }
}
