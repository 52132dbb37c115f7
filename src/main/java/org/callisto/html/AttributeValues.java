package org.callisto.html;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the value of attributes that have a grammar (numbers, keywords, booleans) so that only well-formed values
 * are stored; free-text attributes ({@code alt}, {@code title}, ...) pass unchanged, since jsoup escapes them on
 * output. URL attributes are not handled here but by {@link UrlCleaner}. Stateless and thread-safe.
 */
final class AttributeValues {
    private static final Set<String> BOOLEANS =
            Set.of("controls", "loop", "muted", "open", "reversed", "default", "playsinline", "allowfullscreen");
    private static final Pattern DIMENSION = Pattern.compile("\\d{1,5}");
    private static final Pattern COUNT = Pattern.compile("\\d{1,4}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Map<String, Pattern> KEYWORDS = Map.of(
            "dir", Pattern.compile("ltr|rtl|auto"),
            "scope", Pattern.compile("row|col|rowgroup|colgroup"),
            "kind", Pattern.compile("subtitles|captions|descriptions|chapters|metadata"),
            "preload", Pattern.compile("none|metadata|auto"));

    private AttributeValues() {}

    /**
     * The value to keep for {@code attribute} of {@code element}, normalised, or null to drop the attribute.
     */
    static String clean(String element, String attribute, String value) {
        String v = value.strip();
        if (BOOLEANS.contains(attribute)) {
            return "";
        }
        return switch (attribute) {
            case "width", "height" -> {
                String digits =
                        v.endsWith("px") ? v.substring(0, v.length() - 2).strip() : v;
                yield DIMENSION.matcher(digits).matches() ? String.valueOf(Integer.parseInt(digits)) : null;
            }
            case "colspan", "rowspan", "span" -> COUNT.matcher(v).matches() ? v : null;
            case "start", "value" -> INTEGER.matcher(v).matches() ? v : null;
            case "type" -> element.equals("ol") ? (v.matches("[1aAiI]") ? v : null) : value;
            case "dir", "scope", "kind", "preload" -> {
                String k = v.toLowerCase(Locale.ROOT);
                yield KEYWORDS.get(attribute).matcher(k).matches() ? k : null;
            }
            default -> value;
        };
    }

    /** Whether the {@code width} and {@code height} of an image make it a tracking pixel (each 0 or 1). */
    static boolean isTrackingPixel(String width, String height) {
        return isAtMostOne(width) && isAtMostOne(height);
    }

    private static boolean isAtMostOne(String dimension) {
        if (dimension == null) {
            return false;
        }
        String v = dimension.strip();
        if (v.endsWith("px")) {
            v = v.substring(0, v.length() - 2).strip();
        }
        return v.equals("0") || v.equals("1");
    }
}
