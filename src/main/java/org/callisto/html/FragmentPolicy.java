package org.callisto.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a member may write in an HTML fragment: the tags, the attributes of each, the URL schemes, and limits on
 * size and nesting. {@link FragmentValidator} checks a fragment against it and {@link #sanitizePolicy()} gives
 * the matching rules for {@link HtmlSanitizer}, so that what is stored is what was validated.
 *
 * <p>Two presets: {@link #comment()} for comments and the stricter base, {@link #submission()} for stories, which
 * adds two heading levels. Images are in neither: a picture from any server on the web would tell that server
 * who reads the journal, and would let a member show readers anything. Editors who want them can allow
 * {@code img} with the builder ({@code .allow("img", "src", "alt", "width", "height")}).
 *
 * <p>Elements and attributes that can run script or change the page around the fragment (script, style, iframe,
 * object, embed, SVG, MathML, forms, {@code on*} and {@code style} attributes, ...) cannot be allowed: the builder
 * refuses them.
 *
 * <p>A value object: immutable and thread-safe.
 *
 * @param name          a short name for messages and the command line, e.g. {@code comment}
 * @param elements      allowed tags, in the order they are listed to members, each with its allowed attributes
 * @param linkSchemes   schemes allowed in {@code a href}, in the order they are listed to members
 * @param mediaSchemes  schemes allowed in {@code src} and {@code cite}
 * @param relativeUrls  whether URLs without a scheme (such as {@code /story/12}) are accepted
 * @param maxLength     the longest fragment accepted, in UTF-16 units
 * @param maxDepth      the deepest nesting of elements accepted
 * @param maxErrors     the number of problems after which checking stops
 * @param linkRel       the {@code rel} every stored link gets
 */
public record FragmentPolicy(
        String name,
        Map<String, Set<String>> elements,
        List<String> linkSchemes,
        List<String> mediaSchemes,
        boolean relativeUrls,
        int maxLength,
        int maxDepth,
        int maxErrors,
        String linkRel) {

    /** The rel members' links get: not endorsed, user-generated, no access to the opening page. */
    public static final String MEMBER_LINK_REL = "nofollow ugc noopener";

    /** Elements no policy may allow: they run script, embed other documents, or submit or restyle the page. */
    static final Set<String> SCRIPT_CAPABLE = Set.of(
            "script",
            "style",
            "iframe",
            "frame",
            "frameset",
            "object",
            "embed",
            "applet",
            "param",
            "svg",
            "math",
            "form",
            "input",
            "button",
            "select",
            "option",
            "textarea",
            "base",
            "link",
            "meta",
            "noscript",
            "template",
            "xmp",
            "plaintext",
            "noembed",
            "noframes",
            "title",
            "head",
            "body",
            "html",
            "portal",
            "fencedframe",
            "canvas",
            "dialog",
            "marquee",
            "isindex",
            "keygen");

    /**
     * Attributes no policy may allow: styles, inline documents, and URL-valued attributes whose URLs the validator
     * does not check (only those in {@link #URL_ATTRIBUTES} are).
     */
    static final Set<String> UNCHECKED_ATTRIBUTES = Set.of(
            "style",
            "srcdoc",
            "srcset",
            "poster",
            "action",
            "formaction",
            "background",
            "data",
            "codebase",
            "ping",
            "manifest",
            "lowsrc",
            "dynsrc",
            "longdesc",
            "usemap",
            "itemtype",
            "archive",
            "classid",
            "profile",
            "icon");

    /** Attributes whose value is a URL; their scheme is checked. */
    static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "cite");

    public FragmentPolicy {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("policy name must not be blank");
        }
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        elements.forEach(
                (element, attrs) -> copy.put(element, Collections.unmodifiableSet(new LinkedHashSet<>(attrs))));
        elements = Collections.unmodifiableMap(copy);
        linkSchemes = List.copyOf(linkSchemes);
        mediaSchemes = List.copyOf(mediaSchemes);
        if (maxLength < 1 || maxDepth < 1 || maxErrors < 1) {
            throw new IllegalArgumentException("maxLength, maxDepth and maxErrors must be at least 1, got " + maxLength
                    + ", " + maxDepth + ", " + maxErrors);
        }
        for (var e : elements.entrySet()) {
            if (SCRIPT_CAPABLE.contains(e.getKey())) {
                throw new IllegalArgumentException("<" + e.getKey() + "> can run script or embed pages; refused");
            }
            for (String attr : e.getValue()) {
                if (attr.startsWith("on") || attr.contains(":") || UNCHECKED_ATTRIBUTES.contains(attr)) {
                    throw new IllegalArgumentException("attribute " + attr + " on <" + e.getKey() + "> refused");
                }
            }
        }
        for (String s : concat(linkSchemes, mediaSchemes)) {
            if (!s.equals("http") && !s.equals("https") && !s.equals("mailto")) {
                throw new IllegalArgumentException("scheme " + s + " refused; only http, https and mailto");
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Comments: simple formatting, links, lists, quotes and code. */
    public static FragmentPolicy comment() {
        return commentBuilder().build();
    }

    /** Stories: what comments allow, plus the headings {@code h3} and {@code h4} for sections. */
    public static FragmentPolicy submission() {
        return commentBuilder()
                .name("submission")
                .allow("h3")
                .allow("h4")
                .maxLength(200_000)
                .build();
    }

    private static Builder commentBuilder() {
        return builder("comment")
                .allow("a", "href", "title")
                .allow("b")
                .allow("i")
                .allow("em")
                .allow("strong")
                .allow("code")
                .allow("pre")
                .allow("p")
                .allow("br")
                .allow("ul")
                .allow("ol", "start")
                .allow("li")
                .allow("blockquote", "cite")
                .allow("del")
                .allow("table")
                .allow("thead")
                .allow("tbody")
                .allow("tr")
                .allow("th")
                .allow("td");
    }

    /** Whether {@code element} (lower case) is allowed. */
    public boolean allows(String element) {
        return elements.containsKey(element);
    }

    /** Whether {@code attribute} (lower case) may appear on {@code element}. */
    public boolean allows(String element, String attribute) {
        Set<String> attrs = elements.get(element);
        return attrs != null && attrs.contains(attribute);
    }

    /** The schemes allowed in {@code attribute} of {@code element}. */
    public List<String> schemes(String element, String attribute) {
        return element.equals("a") && attribute.equals("href") ? linkSchemes : mediaSchemes;
    }

    /**
     * The sanitizer rules that match this policy: the same tags and attributes, the same schemes, everything
     * script-capable removed with its content, links given {@link #linkRel()}.
     */
    public SanitizePolicy sanitizePolicy() {
        SanitizePolicy.Builder b = SanitizePolicy.builder();
        elements.forEach((element, attrs) -> b.allow(element, attrs.toArray(String[]::new)));
        for (String dropped : SCRIPT_CAPABLE) {
            b.dropWithContent(dropped);
        }
        return b.linkSchemes(linkSchemes.toArray(String[]::new))
                .mediaSchemes(mediaSchemes.toArray(String[]::new))
                .removeTrackingPixels(true)
                .linkRel(linkRel)
                .build();
    }

    /** A builder with no tags allowed, http, https and mailto links, relative URLs and default limits. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder starting from this policy's rules. */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        elements.forEach((element, attrs) -> b.allow(element, attrs.toArray(String[]::new)));
        b.linkSchemes.clear();
        b.linkSchemes.addAll(linkSchemes);
        b.mediaSchemes.clear();
        b.mediaSchemes.addAll(mediaSchemes);
        return b.relativeUrls(relativeUrls)
                .maxLength(maxLength)
                .maxDepth(maxDepth)
                .maxErrors(maxErrors)
                .linkRel(linkRel);
    }

    /** Collects a policy's rules; not thread-safe, but the policy it builds is. */
    public static final class Builder {
        private String name;
        private final Map<String, Set<String>> elements = new LinkedHashMap<>();
        private final List<String> linkSchemes = new ArrayList<>(List.of("http", "https", "mailto"));
        private final List<String> mediaSchemes = new ArrayList<>(List.of("http", "https"));
        private boolean relativeUrls = true;
        private int maxLength = 50_000;
        private int maxDepth = 20;
        private int maxErrors = 100;
        private String linkRel = MEMBER_LINK_REL;

        private Builder(String name) {
            this.name = name;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Allows {@code element} with the given attributes (added to those already allowed). */
        public Builder allow(String element, String... attributes) {
            Set<String> attrs = elements.computeIfAbsent(lower(element), k -> new LinkedHashSet<>());
            for (String a : attributes) {
                attrs.add(lower(a));
            }
            return this;
        }

        /** Removes {@code element} and its attributes from the allowed tags. */
        public Builder disallow(String element) {
            elements.remove(lower(element));
            return this;
        }

        public Builder linkSchemes(String... schemes) {
            linkSchemes.clear();
            for (String s : schemes) {
                linkSchemes.add(lower(s));
            }
            return this;
        }

        public Builder mediaSchemes(String... schemes) {
            mediaSchemes.clear();
            for (String s : schemes) {
                mediaSchemes.add(lower(s));
            }
            return this;
        }

        public Builder relativeUrls(boolean allowed) {
            this.relativeUrls = allowed;
            return this;
        }

        public Builder maxLength(int chars) {
            this.maxLength = chars;
            return this;
        }

        public Builder maxDepth(int depth) {
            this.maxDepth = depth;
            return this;
        }

        public Builder maxErrors(int errors) {
            this.maxErrors = errors;
            return this;
        }

        public Builder linkRel(String rel) {
            this.linkRel = rel;
            return this;
        }

        public FragmentPolicy build() {
            return new FragmentPolicy(
                    name, elements, linkSchemes, mediaSchemes, relativeUrls, maxLength, maxDepth, maxErrors, linkRel);
        }

        private static String lower(String s) {
            if (s == null || s.isBlank()) {
                throw new IllegalArgumentException("name must not be blank, got: " + s);
            }
            return s.trim().toLowerCase(Locale.ROOT);
        }
    }
}
