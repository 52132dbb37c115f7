package org.callisto.planet;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A planet category such as "FreeBSD": feeds belong to categories, and so do entries whose own terms name one.
 * Immutable.
 *
 * @param id   database id
 * @param slug the URL form, as in {@code /category/freebsd}
 * @param name the display name
 */
public record Category(long id, String slug, String name) {

    /** The slug of a display name: lower case ASCII letters, digits and single dashes. */
    public static String slugOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "category" : slug;
    }
}
