package org.callisto.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random identifiers and their digests: session ids, CSRF secrets and invitation codes are 256 random bits in
 * URL-safe Base64; the database keeps only their SHA-256. Thread-safe ({@link SecureRandom} is).
 */
final class Secrets {
    /** Longest id or code accepted from outside; real ones are 43 characters. */
    static final int MAX_TOKEN_LENGTH = 128;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** 32 random bytes as 43 characters of unpadded URL-safe Base64. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The lowercase hex SHA-256 of a token, as stored. */
    static String digest(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Whether a token from outside is worth looking up: present, not blank, not absurdly long. */
    static boolean plausible(String token) {
        return token != null && !token.isBlank() && token.length() <= MAX_TOKEN_LENGTH;
    }
}
