package org.callisto.show;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The {@code podcast:guid} of a feed: a UUIDv5 (RFC 9562, SHA-1 name-based) of the feed URL with its scheme and
 * trailing slashes stripped, in the namespace {@code ead4c236-bf58-58c6-a2c6-a6b28d128cb6}, as the Podcasting 2.0
 * namespace specifies. A show assigns it once and keeps it when its feed moves. Stateless and thread-safe.
 */
public final class PodcastGuid {
    /** The "podcast" namespace of the specification. */
    public static final UUID NAMESPACE = UUID.fromString("ead4c236-bf58-58c6-a2c6-a6b28d128cb6");

    private PodcastGuid() {}

    /** The guid of the feed at {@code feedUrl}, e.g. {@code podnews.net/rss} gives {@code 9b024349-...}. */
    public static String of(String feedUrl) {
        String name =
                feedUrl.strip().replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "").replaceFirst("/+$", "");
        return uuid5(NAMESPACE, name).toString();
    }

    /** A version 5 UUID of {@code name} (UTF-8) in {@code namespace}. */
    static UUID uuid5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-1", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16);
        ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }
}
