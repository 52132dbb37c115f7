package org.callisto.websub;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Hub-Signature} of WebSub's authenticated content distribution: {@code method=signature}, an HMAC of
 * the body keyed with the subscription's {@code hub.secret}, in lower-case hex. Signs with sha256; checks sha1,
 * sha256, sha384 and sha512, as the Recommendation lists them. Stateless and thread-safe.
 */
final class Signatures {
    private static final Map<String, String> ALGORITHMS =
            Map.of("sha1", "HmacSHA1", "sha256", "HmacSHA256", "sha384", "HmacSHA384", "sha512", "HmacSHA512");

    private Signatures() {}

    /** The header value for {@code body} under {@code secret}: {@code sha256=...}. */
    static String sign(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", secret, body));
    }

    /** Whether {@code header} is a valid signature of {@code body} under {@code secret}; false when absent. */
    static boolean valid(String secret, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        int eq = header.indexOf('=');
        if (eq < 0) {
            return false;
        }
        String algorithm = ALGORITHMS.get(header.substring(0, eq).strip().toLowerCase(Locale.ROOT));
        if (algorithm == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(eq + 1).strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, hmac(algorithm, secret, body)); // in constant time
    }

    private static byte[] hmac(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm + ", which every JDK has", e);
        }
    }
}
