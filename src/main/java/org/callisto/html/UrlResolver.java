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

    private UrlResolver() {}

    /**
     * Removes what browsers ignore in a URL attribute: leading and trailing C0 controls and spaces, and tabs and
     * line breaks anywhere. Scheme checks must run on this form, or {@code java&#9;script:} slips through.
     */
    static String strip(String raw) {
        if (isStripped(raw)) {
            return raw;
        }
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

    private static boolean isStripped(String raw) {
        int n = raw.length();
        if (n > 0 && (raw.charAt(0) <= ' ' || raw.charAt(n - 1) <= ' ')) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
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
        return resolve(url, BaseUrl.of(base));
    }

    /** As {@link #resolve(String, URI)}, parsing the base only when {@code url} is relative. */
    static URI resolve(String url, BaseUrl lazyBase) {
        URI ref;
        try {
            ref = new URI(encode(url));
        } catch (URISyntaxException e) {
            return null;
        }
        if (ref.isAbsolute()) {
            return ref;
        }
        URI base = lazyBase.get();
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
                    ? new URI(base.getScheme(), base.getRawAuthority(), "/", null, null)
                    : base;
            if (url.startsWith("#")) {
                return new URI(withoutFragment(base) + encode(url));
            }
            return b.resolve(ref);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Whether {@code url} is an absolute {@code http://} or {@code https://} URL of the plainest form, for which
     * {@link #resolve} gives back the same string with a host: a host name of letters, digits, hyphens and dots
     * whose last label starts with a letter (never an IP address, a port or user information), then only
     * characters {@link URI} accepts unencoded in a path, query and fragment, percent signs starting an escape,
     * and at most one {@code #}. Anything else takes the general path through {@link URI}.
     */
    static boolean isPlainHttpUrl(String url) {
        int n = url.length();
        int i;
        if (url.startsWith("https://")) {
            i = 8;
        } else if (url.startsWith("http://")) {
            i = 7;
        } else {
            return false;
        }
        int labelStart = i;
        int lastLabelStart = i;
        for (; i < n; i++) {
            char c = url.charAt(i);
            if (c == '.') {
                if (i == labelStart || url.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else if (c == '/' || c == '?' || c == '#') {
                break;
            } else if (isAsciiLetter(c) || isDigit(c)) {
                if (i == labelStart) {
                    lastLabelStart = i;
                }
            } else if (c != '-' || i == labelStart) {
                return false; // a port, user information, an IP literal, an odd character: the general path
            }
        }
        int hostEnd = i;
        if (hostEnd == labelStart) {
            // empty host, or a host ending in a dot: only "a.b." is allowed, and only with a label before the dot
            if (hostEnd == (url.startsWith("https://") ? 8 : 7)
                    || url.charAt(hostEnd - 1) != '.'
                    || hostEnd - 1 == lastLabelStart) {
                return false;
            }
        } else if (url.charAt(hostEnd - 1) == '-') {
            return false;
        }
        if (!isAsciiLetter(url.charAt(lastLabelStart))) {
            return false;
        }
        boolean seenHash = false;
        for (; i < n; i++) {
            char c = url.charAt(i);
            if (isAsciiLetter(c) || isDigit(c) || "-_.!~*'()/:@&=+$,;?".indexOf(c) >= 0) {
                continue;
            }
            if (c == '%') {
                if (!(i + 2 < n && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2)))) {
                    return false;
                }
            } else if (c == '#' && !seenHash) {
                seenHash = true;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
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
        if (isEncoded(url)) {
            return url;
        }
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

    /** Whether {@link #encode} would return {@code url} unchanged. */
    private static boolean isEncoded(String url) {
        boolean seenHash = false;
        int n = url.length();
        for (int i = 0; i < n; i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                return false;
            }
            if (c == '%' && !(i + 2 < n && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2)))) {
                return false;
            }
            if (c == '#') {
                if (seenHash) {
                    return false;
                }
                seenHash = true;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
