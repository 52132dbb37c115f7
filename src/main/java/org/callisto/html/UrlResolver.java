package org.callisto.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Resolves a URL found in HTML against the URL of the page it came from, the way a browser would for the cases
 * that matter here, and returns it in a form {@link URI} accepts. Characters a browser tolerates but {@link URI}
 * rejects (spaces, non-ASCII, stray {@code %}, a second {@code #}) are percent-encoded first, so the result of
 * resolving an already resolved URL is the same string. Stateless and thread-safe.
 */
final class UrlResolver {
    private static final String HEX = "0123456789ABCDEF";

    private UrlResolver() {
    }

    /**
     * Removes what browsers ignore in a URL attribute: leading and trailing C0 controls and spaces, and tabs and
     * line breaks anywhere. Scheme checks must run on this form, or {@code java&#9;script:} slips through.
     */
    static String strip(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && raw.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && raw.charAt(end - 1) <= ' ') {
            end--;
        }
        StringBuilder sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The scheme of a stripped URL in lower case, or the empty string when it has none (a relative URL).
     * Follows the WHATWG rule: letters, then letters, digits, {@code +}, {@code -} or {@code .}, then {@code :}.
     */
    static String scheme(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return i == 0 ? "" : url.substring(0, i).toLowerCase(Locale.ROOT);
            }
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            boolean other = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
            if (!letter && !(i > 0 && other)) {
                return "";
            }
        }
        return "";
    }

    /**
     * Resolves {@code url} (already {@linkplain #strip stripped}) against {@code base}.
     *
     * @param base an absolute http(s) URI, or null when relative URLs cannot be resolved
     * @return the absolute URI, or null when the URL is malformed or relative with no base
     */
    static URI resolve(String url, URI base) {
        URI ref;
        try {
            ref = new URI(encode(url));
        } catch (URISyntaxException e) {
            return null;
        }
        if (ref.isAbsolute()) {
            return ref;
        }
        if (base == null) {
            return null;
        }
        try {
            if (url.isEmpty()) {
                return withoutFragment(base);
            }
            if (url.startsWith("?")) {
                // URI.resolve drops the last path segment for a query-only reference (RFC 2396 behaviour).
                return new URI(base.getScheme() + "://" + base.getRawAuthority() + rawPathOf(base) + encode(url));
            }
            URI b = base.getRawPath() == null || base.getRawPath().isEmpty()
                    ? new URI(base.getScheme(), base.getRawAuthority(), "/", null, null) : base;
            if (url.startsWith("#")) {
                return new URI(withoutFragment(base) + encode(url));
            }
            return b.resolve(ref);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Parses a page URL usable as a base: absolute http or https with a host; null otherwise. */
    static URI base(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(encode(strip(baseUrl)));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
            return null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String rawPathOf(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static URI withoutFragment(URI uri) throws URISyntaxException {
        String s = uri.toString();
        int hash = s.indexOf('#');
        return hash < 0 ? uri : new URI(s.substring(0, hash));
    }

    /** Percent-encodes the characters {@link URI} rejects but browsers accept. */
    static String encode(String url) {
        StringBuilder sb = new StringBuilder(url.length() + 16);
        boolean seenHash = false;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '%' && !(i + 2 < url.length() && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2)))) {
                sb.append("%25");
            } else if (c == '#') {
                sb.append(seenHash ? "%23" : "#");
                seenHash = true;
            } else if (c <= ' ' || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                int end = Character.isHighSurrogate(c) && i + 1 < url.length() ? i + 2 : i + 1;
                for (byte b : url.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
                }
                i = end - 1;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
