package org.callisto.planet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.callisto.planet.parse.ParsedEntry;

/**
 * Decides which stored entry a parsed entry is: its {@code id}/{@code guid}, else its link, else a hash of its
 * content. Stateless and thread-safe.
 */
public final class EntryIdentity {
    private EntryIdentity() {}

    /** The identity key of an entry within its feed. */
    public static String keyOf(ParsedEntry e) {
        if (e.id() != null && !e.id().isBlank()) {
            return "id:" + e.id().strip();
        }
        if (e.link() != null && !e.link().isBlank()) {
            return "link:" + e.link().strip();
        }
        return "hash:" + sha256(nz(e.title()), nz(e.summary()), nz(e.content()));
    }

    /** A hash of the fields a reader sees, to tell an update from a repeat. */
    public static String sha256(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update(nz(p).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
