package org.callisto.account;

import java.time.Duration;
import java.util.Optional;

/**
 * Device cookies, after OWASP's "Slow brute force" and device-cookie guidance: a browser that logged in to an
 * account gets a cookie {@code callisto_device=USERID.NONCE.TAG}, where the nonce is random and the tag is the HMAC
 * of the rest under the site's {@link ServerKey}. At the next login to the same account that browser is recognised,
 * and is judged by its own failures only: failures of strangers, however many and from wherever, do not block it.
 * The cookie says nothing a thief could use elsewhere (no name, no password, nothing about the session), and a
 * forged or altered one is simply not recognised.
 *
 * <p>One browser holds one device cookie, for the account it last logged in to. Deleting the site's key
 * ({@code server_secrets}) revokes every device cookie at once.
 *
 * <p>Immutable and thread-safe.
 */
public final class DeviceCookies {
    /** The cookie's name. */
    public static final String NAME = "callisto_device";
    /** How long a browser stays recognised after its last login. */
    public static final Duration LIFETIME = Duration.ofDays(365);
    /** Longest value accepted from outside; real ones are about 110 characters. */
    static final int MAX_LENGTH = 200;

    private final ServerKey key;

    DeviceCookies(ServerKey key) {
        this.key = key;
    }

    /** A recognised browser: the account it logged in to and the nonce its failures are counted under. */
    public record Device(long userId, String nonce) {}

    /** A new cookie value for a browser that has just logged in to account {@code userId}. */
    public String newValue(long userId) {
        String body = userId + "." + Secrets.newToken();
        return body + "." + key.sign("device", body);
    }

    /** The browser a cookie value was made for, if the value is well-formed and its tag is this site's. */
    public Optional<Device> recognise(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int last = value.lastIndexOf('.');
        int first = value.indexOf('.');
        if (first <= 0 || last <= first + 1 || last == value.length() - 1) {
            return Optional.empty();
        }
        String body = value.substring(0, last);
        if (!key.verify("device", body, value.substring(last + 1))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Device(Long.parseLong(body.substring(0, first)), body.substring(first + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The device cookie's value in a {@code Cookie} request header, if there is one. */
    public static Optional<String> read(String cookieHeader) {
        if (cookieHeader == null || cookieHeader.isBlank()) {
            return Optional.empty();
        }
        for (String pair : cookieHeader.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equals(NAME)) {
                String value = SessionCookie.unquoted(pair.substring(eq + 1).strip());
                if (!value.isEmpty() && value.length() <= MAX_LENGTH) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }
}
