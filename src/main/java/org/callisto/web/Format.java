package org.callisto.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.callisto.planet.RefreshFailure;

/** How pages write times, addresses and error kinds. Pages are in English and in UTC. Stateless. */
final class Format {
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern(
                    "d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private Format() {}

    static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    static String human(Instant t) {
        return HUMAN.format(t);
    }

    static String day(LocalDate d) {
        return DAY.format(d);
    }

    static String month(LocalDate d) {
        return MONTH.format(d);
    }

    static String date(LocalDate d) {
        return DATE.format(d);
    }

    /** "3 hours ago", "in 12 minutes", "just now". */
    static String relative(Instant t, Instant now) {
        Duration d = Duration.between(now, t);
        boolean future = !d.isNegative();
        long s = Math.abs(d.getSeconds());
        if (s < 60) {
            return future ? "in less than a minute" : "just now";
        }
        String amount;
        if (s < 3600 - 30) {
            amount = plural((s + 30) / 60, "minute");
        } else if (s < 86400 * 2 - 1800) {
            amount = plural((s + 1800) / 3600, "hour");
        } else {
            amount = plural((s + 43200) / 86400, "day");
        }
        return future ? "in " + amount : amount + " ago";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** The address if it is an absolute http(s) URL, else null: anything else is not linked. */
    static String webUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme();
            if (scheme == null || u.getHost() == null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? u.toString() : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /**
     * Why a feed's refresh failed, as a reader would put it: the one place these words are chosen. The switch has
     * no default, so a new kind of failure does not compile until it has words here.
     *
     * @param kind the failure, or null when only a message was stored
     */
    static String errorKind(RefreshFailure kind) {
        if (kind == null) {
            return "Error";
        }
        return switch (kind) {
            case DNS -> "The feed's host name could not be resolved (DNS)";
            case CONNECT -> "The feed's server refused or dropped the connection";
            case TIMEOUT -> "The feed's server did not answer in time";
            case TLS -> "The secure connection (TLS) failed";
            case HTTP_STATUS -> "The feed's server answered with an HTTP error";
            case TOO_LARGE -> "The feed is too large";
            case TOO_MANY_REDIRECTS -> "Too many redirects";
            case REDIRECT_LOOP -> "The feed redirects in a loop";
            case BLOCKED_ADDRESS -> "The feed's address is on a private network, which is not fetched";
            case BAD_URL -> "The feed's URL is not valid";
            case DECODING -> "The feed's bytes could not be decoded";
            case GONE -> "The feed is gone (HTTP 410)";
            case RATE_LIMITED -> "The feed's server asked us to slow down";
            case NOT_A_FEED -> "The address does not serve a feed";
            case INTERNAL -> "Callisto failed while refreshing the feed; the error is in its log";
            case OTHER -> "The fetch failed for a reason not listed here";
        };
    }

    /** Entries per week with one decimal. */
    static String perWeek(double n) {
        return String.format(Locale.ROOT, "%.1f", n);
    }
}
