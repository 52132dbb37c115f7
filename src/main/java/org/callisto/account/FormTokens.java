package org.callisto.account;

import java.util.Optional;

/**
 * CSRF tokens for the forms sent before login ({@code /login}, {@code /register}, {@code /feedback}), where there
 * is no session to derive one from: a signed double submit. The browser holds a random value in a cookie; the form
 * carries the HMAC of that value and the form's id under the site's {@link ServerKey}. A forged request must carry
 * both, and although another site may be able to plant a cookie (from a sibling subdomain, or over plain HTTP), it
 * cannot make the matching token without the server's key: a planted cookie with an equal field is refused.
 *
 * <p>Immutable and thread-safe.
 */
public final class FormTokens {
    /** The cookie holding the browser's random value. */
    public static final String COOKIE = "callisto_form";

    private final ServerKey key;

    FormTokens(ServerKey key) {
        this.key = key;
    }

    /** A new random value for the cookie: 43 characters of URL-safe Base64. */
    public String newCookieValue() {
        return Secrets.newToken();
    }

    /** The cookie's value if it looks like one this site made (43 URL-safe Base64 characters), else empty. */
    public static Optional<String> plausibleCookie(String value) {
        if (value == null || value.length() != 43) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return Optional.empty();
            }
        }
        return Optional.of(value);
    }

    /** The token for the hidden field of form {@code formId} in a browser whose cookie holds {@code cookieValue}. */
    public String tokenFor(String cookieValue, String formId) {
        if (formId == null || formId.isBlank()) {
            throw new IllegalArgumentException("formId is empty; name the form, e.g. \"login\"");
        }
        return key.sign("form", formId + "\n" + cookieValue);
    }

    /**
     * Whether {@code token} is the token of form {@code formId} for the cookie value; false when either is missing
     * or malformed.
     */
    public boolean matches(String cookieValue, String formId, String token) {
        if (plausibleCookie(cookieValue).isEmpty() || !Secrets.plausible(token)) {
            return false;
        }
        return key.verify("form", formId + "\n" + cookieValue, token.strip());
    }
}
