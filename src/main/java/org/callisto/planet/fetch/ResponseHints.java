package org.callisto.planet.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.jetty.http.HttpDateTime;

/**
 * Reads the scheduling hints a server puts in its headers: {@code Retry-After} (delta-seconds or HTTP-date) and
 * freshness ({@code Cache-Control: max-age} or {@code s-maxage}, else {@code Expires} minus {@code Date}).
 * Unparseable values are ignored (null), never an error: they are hints, not contracts.
 *
 * <p>Stateless and thread-safe.
 */
final class ResponseHints {

    private ResponseHints() {}

    /**
     * Parses a Retry-After value.
     *
     * @param value the header value, or null
     * @param now   the current time, for the HTTP-date form
     * @return the wait, never negative, or null when absent or unparseable
     */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return null; // absurdly many digits
            }
        }
        Instant at = httpDate(v);
        return at == null ? null : nonNegative(Duration.between(now, at));
    }

    /**
     * How long the response stays fresh.
     *
     * @param cacheControl the Cache-Control header, or null
     * @param expires      the Expires header, or null
     * @param date         the Date header, or null (then {@code now} stands for it)
     * @param now          the current time
     * @return the freshness lifetime, never negative, or null when the server gives none
     */
    static Duration freshFor(String cacheControl, String expires, String date, Instant now) {
        if (cacheControl != null) {
            Duration maxAge = null;
            Duration sMaxAge = null;
            for (String directive : cacheControl.split(",")) {
                String d = directive.trim().toLowerCase(Locale.ROOT);
                if (d.startsWith("max-age=")) {
                    maxAge = seconds(d.substring("max-age=".length()));
                } else if (d.startsWith("s-maxage=")) {
                    sMaxAge = seconds(d.substring("s-maxage=".length()));
                }
            }
            if (maxAge != null) {
                return maxAge;
            }
            if (sMaxAge != null) {
                return sMaxAge;
            }
        }
        if (expires != null) {
            Instant exp = httpDate(expires.trim());
            if (exp == null) {
                return Duration.ZERO; // RFC 9111: an invalid Expires means "already expired"
            }
            Instant base = date == null ? null : httpDate(date.trim());
            return nonNegative(Duration.between(base == null ? now : base, exp));
        }
        return null;
    }

    /** Parses any of the three HTTP-date forms; null when it is not one. */
    static Instant httpDate(String value) {
        try {
            long millis = HttpDateTime.parseToEpoch(value);
            return millis < 0 ? null : Instant.ofEpochMilli(millis);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Duration seconds(String s) {
        String v = s.trim();
        if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.isEmpty() || !v.chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
