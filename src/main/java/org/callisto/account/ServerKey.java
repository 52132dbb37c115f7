package org.callisto.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The site's own signing key: 256 random bits made once and kept in the database ({@code server_secrets}), so every
 * process on the same database signs alike and a restart changes nothing. Each use signs under a key of its own,
 * derived from it with HMAC-SHA256 and the name of the use, so a tag made for one use is worthless for another.
 * Tags are HMAC-SHA256 in unpadded URL-safe Base64 and are compared in constant time.
 *
 * <p>Hand-written on the JDK's {@link Mac}: it is the whole of what is needed, and no library does less.
 *
 * <p>Immutable and thread-safe ({@link Mac} instances are made per call).
 */
public final class ServerKey {
    /** The row of {@code server_secrets} this key is kept in. */
    static final String NAME = "hmac";

    private final byte[] key;

    ServerKey(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("a server key needs at least 32 bytes; make one with Secrets.newToken");
        }
        this.key = key.clone();
    }

    /** The key kept in {@code store}'s database, made and stored now if there is none. */
    static ServerKey load(AccountStore store, Instant now) {
        String secret = store.serverSecret(NAME, Secrets.newToken(), now);
        return new ServerKey(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** The tag of {@code message} for {@code use} (such as {@code "form"} or {@code "device"}). */
    String sign(String use, String message) {
        byte[] derived = hmac(key, "callisto " + use);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(derived, message));
    }

    /** Whether {@code tag} is the tag of {@code message} for {@code use}; false for a missing tag. */
    boolean verify(String use, String message, String tag) {
        if (tag == null) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(use, message).getBytes(StandardCharsets.US_ASCII), tag.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "ServerKey[hidden]";
    }
}
