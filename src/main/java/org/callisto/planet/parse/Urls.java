package org.callisto.planet.parse;

import java.net.URI;

/** Resolves possibly relative URLs found in feeds against a base. Stateless and thread-safe. */
final class Urls {
    private Urls() {}

    /**
     * Resolves {@code url} against {@code base}. Returns {@code url} unchanged when it is already absolute, when
     * there is no base, or when either cannot be parsed as a URI (feeds contain spaces and worse); null for null.
     */
    static String resolve(String base, String url) {
        if (url == null) {
            return null;
        }
        String u = url.trim();
        if (base == null || base.isEmpty() || isAbsolute(u)) {
            return u;
        }
        try {
            URI b = new URI(base.trim());
            if (u.isEmpty()) {
                return b.toString();
            }
            if (b.getPath() == null || b.getPath().isEmpty() && b.getHost() != null) {
                b = new URI(b.getScheme(), b.getAuthority(), "/", b.getQuery(), b.getFragment());
            }
            if (u.startsWith("//")) {
                return b.getScheme() == null ? u : b.getScheme() + ":" + u;
            }
            try {
                return b.resolve(u).toString();
            } catch (IllegalArgumentException notAUri) {
                return b.resolve(u.replace(" ", "%20").replace("|", "%7C")).toString();
            }
        } catch (Exception e) {
            return u;
        }
    }

    /** True when the URL starts with a scheme such as {@code http:} or {@code mailto:}. */
    static boolean isAbsolute(String u) {
        int n = Math.min(u.length(), 32);
        for (int i = 0; i < n; i++) {
            char c = u.charAt(i);
            if (c == ':') {
                return i > 0;
            }
            if (!(c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'))) {
                return false;
            }
        }
        return false;
    }
}
