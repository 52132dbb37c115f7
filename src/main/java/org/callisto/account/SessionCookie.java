package org.callisto.account;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The session cookie's {@code Set-Cookie} values: {@code callisto_session=ID; Path=/; Max-Age=N; HttpOnly;
 * SameSite=Lax}, plus {@code ; Secure} when the site is served over HTTPS ({@code site.url}), and the reading of
 * the id back from a {@code Cookie} header.
 *
 * <p>Immutable and thread-safe.
 */
public final class SessionCookie {
    public static final String NAME = "callisto_session";

    private final boolean secure;

    /** Cookies for a site at {@code siteUrl}: {@code Secure} when its scheme is https. */
    public SessionCookie(URI siteUrl) {
        this.secure = siteUrl != null && "https".equalsIgnoreCase(siteUrl.getScheme());
    }

    /** The {@code Set-Cookie} value that gives the browser this session until it expires. */
    public String set(Session session, Instant now) {
        Duration left = Duration.between(now, session.expiresAt());
        return set(session.id(), left.isNegative() ? Duration.ZERO : left);
    }

    /** The {@code Set-Cookie} value for a session id and lifetime. */
    public String set(String sessionId, Duration maxAge) {
        if (!Secrets.plausible(sessionId) || !sessionId.chars().allMatch(SessionCookie::tokenChar)) {
            throw new IllegalArgumentException(
                    "session id is empty, too long or not URL-safe Base64;" + " pass the id of a Session");
        }
        return NAME + "=" + sessionId + "; Path=/; Max-Age=" + maxAge.toSeconds() + attributes();
    }

    /** The {@code Set-Cookie} value that removes the cookie, for logout. */
    public String clear() {
        return NAME + "=; Path=/; Max-Age=0" + attributes();
    }

    private String attributes() {
        return "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    /** The session id in a {@code Cookie} request header, if there is a plausible one. */
    public static Optional<String> read(String cookieHeader) {
        if (cookieHeader == null || cookieHeader.isBlank()) {
            return Optional.empty();
        }
        for (String pair : cookieHeader.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equals(NAME)) {
                String value = unquoted(pair.substring(eq + 1).strip());
                if (Secrets.plausible(value) && value.chars().allMatch(SessionCookie::tokenChar)) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    /** A cookie value without the double quotes RFC 6265 allows around it (RFC 2965 clients send them). */
    static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    private static boolean tokenChar(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }
}
