package org.callisto.websub;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the links of HTTP Link headers (RFC 8288) that name a given relation, e.g. {@code <https://hub.example/>;
 * rel="hub"}. Hand-written because neither the JDK nor Jetty parses Link headers; it reads only what WebSub needs
 * (the target and the {@code rel} parameter, quoted or not, with several relation types), skips anything malformed,
 * and resolves targets against the response's URL. Stateless and thread-safe.
 */
final class LinkHeaders {
    private LinkHeaders() {}

    /** The targets, in order, of the links in {@code values} whose relation types include {@code rel}. */
    static List<String> targets(List<String> values, String rel, URI base) {
        List<String> out = new ArrayList<>();
        for (String value : values) {
            int i = 0;
            while (i < value.length()) {
                int open = value.indexOf('<', i);
                if (open < 0) {
                    break;
                }
                int close = value.indexOf('>', open);
                if (close < 0) {
                    break;
                }
                String target = value.substring(open + 1, close).strip();
                int next = nextLink(value, close + 1);
                String params = value.substring(close + 1, next);
                if (relations(params).contains(rel)) {
                    String resolved = resolve(base, target);
                    if (resolved != null) {
                        out.add(resolved);
                    }
                }
                i = next + 1;
            }
        }
        return out;
    }

    /** Where this link ends: the first comma after {@code from} outside quotes, or the end. */
    private static int nextLink(String value, int from) {
        boolean quoted = false;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return i;
            }
        }
        return value.length();
    }

    private static List<String> relations(String params) {
        for (String param : params.split(";")) {
            int eq = param.indexOf('=');
            if (eq < 0 || !param.substring(0, eq).strip().equalsIgnoreCase("rel")) {
                continue;
            }
            String v = param.substring(eq + 1).strip();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1);
            }
            return List.of(v.toLowerCase(Locale.ROOT).strip().split("\\s+"));
        }
        return List.of();
    }

    /** {@code target} resolved against {@code base} (may be null) when it is an http(s) URL with a host; else null. */
    static String resolve(URI base, String target) {
        try {
            URI u = base == null ? new URI(target) : base.resolve(new URI(target));
            String scheme = u.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && u.getHost() != null
                    ? u.toString()
                    : null;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
