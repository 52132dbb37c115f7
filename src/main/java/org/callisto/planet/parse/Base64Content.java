package org.callisto.planet.parse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Decodes the content of Atom 0.3 elements written with {@code mode="base64"}: the text is Base64 (MIME line breaks
 * and stray whitespace allowed), and the bytes it gives are UTF-8, as feedparser reads them. Stateless and
 * thread-safe.
 */
public final class Base64Content {
    private Base64Content() {}

    /**
     * The decoded text of {@code base64}, or null when it is null, blank or not Base64 (the caller then keeps the
     * text as written and records a problem). Bytes that are not UTF-8 become U+FFFD.
     */
    public static String decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        try {
            // the MIME decoder skips line breaks and any character outside the Base64 alphabet
            byte[] bytes = Base64.getMimeDecoder().decode(base64.strip());
            return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
