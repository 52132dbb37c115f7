package org.callisto.html;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether one URL attribute value may stay, and makes it absolute when it does. Only the schemes a policy
 * names survive; {@code data:} survives only as a raster image ({@code image/png}, {@code image/jpeg},
 * {@code image/gif}, {@code image/webp}) in {@code img src}, never SVG (which can carry script). Immutable and
 * thread-safe.
 */
final class UrlCleaner {
    private static final Pattern DATA_IMAGE =
            Pattern.compile("data:image/([a-z]+)(;[a-z0-9_.=-]+)*,[a-z0-9+/=%._~-]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRCSET_DESCRIPTOR = Pattern.compile("\\d{1,5}w|\\d{1,3}(\\.\\d{1,3})?x");

    private final Set<String> dataImageTypes;

    /** @param dataImageTypes the subtypes of {@code image/} allowed as data URLs, lower case, e.g. {@code png} */
    UrlCleaner(Set<String> dataImageTypes) {
        this.dataImageTypes = Set.copyOf(dataImageTypes);
    }

    /**
     * Cleans one URL.
     *
     * @param raw        the attribute value, entities already decoded
     * @param base       the page URL relative URLs are resolved against, or null
     * @param schemes    the allowed schemes, lower case
     * @param dataImages whether a raster image {@code data:} URL is allowed here
     * @return the absolute URL to keep, or null to drop the attribute
     */
    String clean(String raw, URI base, Set<String> schemes, boolean dataImages) {
        return clean(raw, BaseUrl.of(base), schemes, dataImages);
    }

    /** As {@link #clean(String, URI, Set, boolean)}, parsing the base only if the URL is relative. */
    String clean(String raw, BaseUrl base, Set<String> schemes, boolean dataImages) {
        String url = UrlResolver.strip(raw);
        String scheme = UrlResolver.scheme(url);
        if (scheme.equals("data")) {
            return dataImages && isRasterDataImage(url) ? url : null;
        }
        if (!scheme.isEmpty() && !schemes.contains(scheme)) {
            return null;
        }
        if (UrlResolver.isPlainHttpUrl(url)) {
            return url; // what the general path below returns for it, without building a URI
        }
        URI resolved = UrlResolver.resolve(url, base);
        if (resolved == null || resolved.getScheme() == null) {
            return null;
        }
        String finalScheme = resolved.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(finalScheme)) {
            return null;
        }
        if ((finalScheme.equals("http") || finalScheme.equals("https")) && resolved.getHost() == null) {
            return null;
        }
        return resolved.toString();
    }

    /** Whether {@code url} (stripped) is a {@code data:} URL of an allowed raster image type. */
    boolean isRasterDataImage(String url) {
        var m = DATA_IMAGE.matcher(url);
        return m.matches() && dataImageTypes.contains(m.group(1).toLowerCase(Locale.ROOT));
    }

    /**
     * Cleans a {@code srcset}: each candidate's URL is cleaned as an image URL (no {@code data:}), candidates with
     * an unusable URL or descriptor are dropped.
     *
     * @return the cleaned srcset, or null when no candidate is left
     */
    String cleanSrcset(String raw, BaseUrl base, Set<String> schemes) {
        List<String> kept = new ArrayList<>();
        int i = 0;
        int n = raw.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(raw.charAt(i)) || raw.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(raw.charAt(i))) {
                i++;
            }
            String url = raw.substring(start, i);
            String descriptor = "";
            if (url.endsWith(",")) {
                url = url.replaceAll(",+$", "");
            } else {
                int descStart = i;
                while (i < n && raw.charAt(i) != ',') {
                    i++;
                }
                descriptor = raw.substring(descStart, i).trim();
            }
            if (url.isEmpty()) {
                continue;
            }
            if (!descriptor.isEmpty() && !SRCSET_DESCRIPTOR.matcher(descriptor).matches()) {
                continue;
            }
            String clean = clean(url, base, schemes, false);
            if (clean != null && clean.indexOf(',') < 0) {
                kept.add(descriptor.isEmpty() ? clean : clean + " " + descriptor);
            }
        }
        return kept.isEmpty() ? null : String.join(", ", kept);
    }
}
