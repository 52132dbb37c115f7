package org.callisto.html;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;

/**
 * The attributes {@link TreeCleaner} writes for an element it keeps, following a {@link SanitizePolicy}: only those
 * the element's rule allows, each value cleaned ({@link UrlCleaner} for URLs, resolved against the base;
 * {@link AttributeValues} for the rest), plus those the policy adds (a lazy-loaded image's {@code src}, {@code alt},
 * {@code sizes}, a link's {@code rel}), or the fixed set of a rebuilt iframe. It also makes the decisions that rest
 * on attributes alone: a tracking pixel, an image or source without a usable URL and an iframe that shows no
 * allowed player go with their content.
 *
 * <p>The result is one reusable {@link AttributeList}, valid until the next call. One instance serves one
 * {@link TreeCleaner}: not thread-safe, cheap to create.
 */
final class AttributeCleaner {
    private static final List<String> LAZY_SOURCES = List.of("data-src", "data-lazy-src", "data-original");
    private static final String[] DIMENSIONS = {"width", "height"};
    private static final Set<String> HTTPS = Set.of("https");

    private final SanitizePolicy policy;
    private final UrlCleaner urls;
    private final BaseUrl base;

    /** Reusable attribute list for the element being copied. */
    private final AttributeList attributes = new AttributeList();

    AttributeCleaner(SanitizePolicy policy, UrlCleaner urls, BaseUrl base) {
        this.policy = policy;
        this.urls = urls;
        this.base = base;
    }

    /**
     * The attributes to write for {@code source}, an element kept under {@code rule}; null when it should go with
     * its content instead (a tracking pixel, an image or source without a usable URL).
     */
    AttributeList forElement(Element source, ElementRules.Rule rule) {
        String name = rule.name();
        Attributes sourceAttributes = source.attributes();
        if (name.equals("img")
                && policy.removeTrackingPixels()
                && AttributeValues.isTrackingPixel(sourceAttributes.get("width"), sourceAttributes.get("height"))) {
            return null;
        }
        AttributeList attrs = attributes;
        attrs.clear();
        for (Attribute attr : sourceAttributes) {
            String key = attr.getKey();
            if (!isLowerCase(key)) {
                key = key.toLowerCase(Locale.ROOT);
            }
            if (!rule.attributes().contains(key) || attrs.has(key)) {
                continue;
            }
            String value = cleanValue(name, key, attr.getValue());
            if (value != null) {
                attrs.put(key, value);
            }
        }
        if (name.equals("img") && !attrs.has("src")) {
            promoteLazySource(sourceAttributes, attrs);
        }
        if ((name.equals("img") && !attrs.has("src"))
                || (name.equals("source") && !attrs.has("src") && !attrs.has("srcset"))) {
            return null;
        }
        if (name.equals("img")) {
            if (!attrs.has("alt")) {
                attrs.put("alt", ""); // HTML requires alt; a feed that gives none gets the decorative empty one
            }
            if (attrs.has("srcset") && !attrs.has("sizes") && hasWidthDescriptor(attrs.get("srcset"))) {
                attrs.put("sizes", "100vw"); // width descriptors need sizes; the column is the viewport's width
            }
        }
        if (name.equals("a") && attrs.has("href") && policy.linkRel() != null) {
            attrs.put("rel", policy.linkRel());
        }
        return attrs;
    }

    /**
     * The attributes of the player an {@code iframe} is rebuilt as, sandboxed; null when it shows no allowed
     * player.
     */
    AttributeList forIframe(Element source) {
        String src = urls.clean(source.attr("src"), base, HTTPS, false);
        if (src == null || !policy.embeds().allows(URI.create(src))) {
            return null;
        }
        AttributeList attrs = attributes;
        attrs.clear();
        attrs.put("src", src);
        for (String dimension : DIMENSIONS) {
            String v = AttributeValues.clean("iframe", dimension, source.attr(dimension));
            if (v != null && source.hasAttr(dimension)) {
                attrs.put(dimension, v);
            }
        }
        if (source.hasAttr("title")) {
            attrs.put("title", source.attr("title"));
        }
        attrs.put("sandbox", policy.iframeSandbox());
        attrs.put("allowfullscreen", "");
        attrs.put("loading", "lazy");
        return attrs;
    }

    private static boolean isLowerCase(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lazy-loading scripts keep an image's URL in {@code data-src} (or a variant) and leave {@code src} empty or a
     * placeholder; without the script the image would be lost, so the first usable such URL becomes {@code src}.
     */
    private void promoteLazySource(Attributes source, AttributeList attrs) {
        for (String key : LAZY_SOURCES) {
            if (source.hasKey(key)) {
                String url = urls.clean(source.get(key), base, policy.mediaSchemes(), false);
                if (url != null) {
                    attrs.put("src", url);
                    return;
                }
            }
        }
    }

    private String cleanValue(String element, String key, String value) {
        switch (key) {
            case "srcset" -> {
                return urls.cleanSrcset(value, base, policy.mediaSchemes());
            }
            case "href", "src", "poster", "cite" -> {
                boolean link = element.equals("a") && key.equals("href");
                boolean dataImage = element.equals("img") && key.equals("src");
                return urls.clean(value, base, link ? policy.linkSchemes() : policy.mediaSchemes(), dataImage);
            }
            default -> {
                return AttributeValues.clean(element, key, value);
            }
        }
    }

    /** Whether a srcset uses width descriptors ({@code 640w}), which HTML allows only together with sizes. */
    static boolean hasWidthDescriptor(String srcset) {
        for (String candidate : srcset.split(",")) {
            String c = candidate.strip();
            int space = c.lastIndexOf(' ');
            if (space > 0 && c.endsWith("w") && c.length() > space + 2) {
                return true;
            }
        }
        return false;
    }

    /** A small ordered attribute list, reused from element to element; a key put twice keeps its first place. */
    static final class AttributeList {
        private String[] keys = new String[8];
        private String[] values = new String[8];
        private int size;

        void clear() {
            size = 0;
        }

        int size() {
            return size;
        }

        String key(int i) {
            return keys[i];
        }

        String value(int i) {
            return values[i];
        }

        boolean has(String key) {
            return indexOf(key) >= 0;
        }

        String get(String key) {
            int i = indexOf(key);
            return i < 0 ? null : values[i];
        }

        void put(String key, String value) {
            int i = indexOf(key);
            if (i >= 0) {
                values[i] = value;
                return;
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size++] = value;
        }

        private int indexOf(String key) {
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
