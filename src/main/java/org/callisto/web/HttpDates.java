package org.callisto.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * HTTP dates (RFC 9110): written as IMF-fixdate, always with a two-digit day, and read liberally (one- or two-digit
 * days), as the RFC asks of senders and recipients. Stateless and thread-safe.
 */
public final class HttpDates {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT);

    private HttpDates() {}

    /** {@code t} as an IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    public static String format(Instant t) {
        return IMF_FIXDATE.format(t.atZone(ZoneOffset.UTC));
    }

    /** The instant of an HTTP date header value, or null when it is absent, too long or unreadable. */
    public static Instant parse(String value) {
        if (value == null || value.length() > 64) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null; // an unreadable date is ignored, as RFC 9110 says
        }
    }
}
