package org.callisto.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF tokens for state-changing forms: the token of a form is the HMAC-SHA256 of its form id (such as
 * {@code "comment"} or {@code "logout"}) under the session's random secret, so it differs per session and per form
 * and needs no storage. Tokens are compared in constant time.
 *
 * <p>Stateless and thread-safe.
 */
public final class CsrfTokens {
    /** The name of the hidden form field carrying the token. */
    public static final String FIELD = "csrf";

    private CsrfTokens() {}

    /** The token to put in the hidden field of form {@code formId} for this session. */
    public static String tokenFor(Session session, String formId) {
        if (formId == null || formId.isBlank()) {
            throw new IllegalArgumentException("formId is empty; name the form, e.g. \"comment\"");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(session.csrfSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] tag = mac.doFinal(formId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }

    /** Whether {@code token} is this session's token for form {@code formId}; false when missing or malformed. */
    public static boolean matches(Session session, String formId, String token) {
        if (session == null || !Secrets.plausible(token)) {
            return false;
        }
        byte[] expected = tokenFor(session, formId).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, token.strip().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Refuses a form whose token is missing or wrong.
     *
     * @throws AccountRefusal saying the form should be reloaded and sent again
     */
    public static void require(Session session, String formId, String token) {
        if (token == null || token.isBlank()) {
            throw new AccountRefusal("the form arrived without its security token; reload the page and send it again");
        }
        if (!matches(session, formId, token)) {
            throw new AccountRefusal("the form's security token is not valid (the page may be from an earlier login);"
                    + " reload the page and send it again");
        }
    }
}
