package org.callisto.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a kind of content may contain after sanitizing: the elements kept and their attributes, the elements
 * removed together with everything inside them, the URL schemes allowed, the players an {@code iframe} may embed.
 * Elements neither allowed nor removed are unwrapped: their children stay, the tag goes.
 *
 * <p>A value object: immutable and thread-safe. Build one with {@link #builder()}, or take a preset such as
 * {@link #aggregated()}.
 *
 * @param elements             allowed element names mapped to the attributes each may carry (besides the global ones)
 * @param globalAttributes     attributes allowed on every allowed element
 * @param droppedWithContent   elements removed with all their content (script, style, forms controls, ...)
 * @param renamed              elements kept under another name, e.g. {@code section} as {@code div}
 * @param linkSchemes          schemes allowed in {@code a href}
 * @param mediaSchemes         schemes allowed in {@code src}, {@code srcset}, {@code poster} and {@code cite}
 * @param dataImageTypes       {@code image/} subtypes allowed as {@code data:} URLs in {@code img src}
 * @param embeds               the players an {@code iframe} may show; every other iframe is removed
 * @param iframeSandbox        the {@code sandbox} value every kept iframe gets
 * @param removeTrackingPixels whether images of at most 1×1 pixels are removed
 * @param linkRel              the {@code rel} every link with an {@code href} gets, or null to set none
 */
public record SanitizePolicy(
        Map<String, Set<String>> elements,
        Set<String> globalAttributes,
        Set<String> droppedWithContent,
        Map<String, String> renamed,
        Set<String> linkSchemes,
        Set<String> mediaSchemes,
        Set<String> dataImageTypes,
        EmbedAllowlist embeds,
        String iframeSandbox,
        boolean removeTrackingPixels,
        String linkRel) {

    /** The sandbox given to embedded players: they need script and their own origin, nothing else. */
    public static final String PLAYER_SANDBOX = "allow-scripts allow-same-origin allow-presentation";

    public SanitizePolicy {
        Map<String, Set<String>> copy = new HashMap<>();
        elements.forEach((name, attrs) -> copy.put(name, Set.copyOf(attrs)));
        elements = Map.copyOf(copy);
        globalAttributes = Set.copyOf(globalAttributes);
        droppedWithContent = Set.copyOf(droppedWithContent);
        renamed = Map.copyOf(renamed);
        linkSchemes = Set.copyOf(linkSchemes);
        mediaSchemes = Set.copyOf(mediaSchemes);
        dataImageTypes = Set.copyOf(dataImageTypes);
        if (embeds == null) {
            throw new IllegalArgumentException("embeds must not be null (use an empty allowlist)");
        }
        if (iframeSandbox == null) {
            throw new IllegalArgumentException("iframeSandbox must not be null: kept iframes are always sandboxed");
        }
        for (String name : elements.keySet()) {
            if (droppedWithContent.contains(name)) {
                throw new IllegalArgumentException("element both allowed and dropped: " + name);
            }
        }
        for (var e : renamed.entrySet()) {
            if (!elements.containsKey(e.getValue())) {
                throw new IllegalArgumentException(
                        "element " + e.getKey() + " renamed to " + e.getValue() + ", which is not allowed");
            }
        }
    }

    /** Whether {@code element} (a lower-case name, after renaming) is kept. */
    public boolean allows(String element) {
        return elements.containsKey(element);
    }

    /** Whether {@code attribute} may stay on {@code element}. */
    public boolean allows(String element, String attribute) {
        Set<String> attrs = elements.get(element);
        return attrs != null && (attrs.contains(attribute) || globalAttributes.contains(attribute));
    }

    /**
     * The policy for entries aggregated from blogs' feeds: permissive about structure and media, since these are
     * articles written by people we chose to follow, but with nothing that runs script, submits forms, styles the
     * page or tracks readers. Embedded video is limited to YouTube and Vimeo players, sandboxed.
     */
    public static SanitizePolicy aggregated() {
        Builder b = builder();
        for (String name : List.of(
                "p",
                "br",
                "hr",
                "div",
                "span",
                "h1",
                "h2",
                "h3",
                "h4",
                "h5",
                "h6",
                "strong",
                "b",
                "em",
                "i",
                "u",
                "s",
                "sub",
                "sup",
                "small",
                "mark",
                "abbr",
                "cite",
                "dfn",
                "code",
                "pre",
                "kbd",
                "samp",
                "var",
                "ul",
                "dl",
                "dt",
                "dd",
                "table",
                "thead",
                "tbody",
                "tfoot",
                "tr",
                "caption",
                "figure",
                "figcaption",
                "picture",
                "summary",
                "wbr",
                "bdi",
                "ruby",
                "rt",
                "rp")) {
            b.allow(name);
        }
        b.allow("a", "href")
                .allow("blockquote", "cite")
                .allow("q", "cite")
                .allow("del", "cite", "datetime")
                .allow("ins", "cite", "datetime")
                .allow("bdo", "dir")
                .allow("ol", "start", "type", "reversed")
                .allow("li", "value")
                .allow("th", "colspan", "rowspan", "scope")
                .allow("td", "colspan", "rowspan")
                .allow("colgroup", "span")
                .allow("col", "span")
                .allow("img", "src", "srcset", "sizes", "alt", "width", "height")
                .allow("source", "src", "srcset", "sizes", "type", "media")
                .allow("audio", "src", "controls", "loop", "muted", "preload")
                .allow(
                        "video",
                        "src",
                        "controls",
                        "poster",
                        "width",
                        "height",
                        "loop",
                        "muted",
                        "playsinline",
                        "preload")
                .allow("track", "src", "kind", "srclang", "label", "default")
                .allow("details", "open")
                .allow("time", "datetime")
                .globalAttributes("title", "lang", "dir");
        for (String name : List.of(
                "script",
                "style",
                "noscript",
                "template",
                "object",
                "embed",
                "applet",
                "param",
                "frame",
                "frameset",
                "noframes",
                "noembed",
                "xmp",
                "plaintext",
                "iframe",
                "form",
                "input",
                "button",
                "select",
                "option",
                "optgroup",
                "datalist",
                "textarea",
                "keygen",
                "head",
                "title",
                "meta",
                "link",
                "base",
                "svg",
                "math",
                "canvas",
                "map",
                "area",
                "marquee",
                "dialog",
                "portal",
                "fencedframe")) {
            b.dropWithContent(name);
        }
        for (String name : List.of(
                "section", "article", "header", "footer", "aside", "nav", "main", "address", "center", "hgroup",
                "search")) {
            b.rename(name, "div");
        }
        return b.linkSchemes("http", "https", "mailto")
                .mediaSchemes("http", "https")
                .dataImageTypes("png", "jpeg", "gif", "webp")
                .allowEmbed("www.youtube.com", "/embed/")
                .allowEmbed("www.youtube-nocookie.com", "/embed/")
                .allowEmbed("player.vimeo.com", "/video/")
                .removeTrackingPixels(true)
                .linkRel("noopener noreferrer")
                .build();
    }

    /**
     * The policy for entry titles that a feed marked up: inline phrasing only ({@code em}, {@code strong}, {@code code},
     * {@code sub}, {@code sup}...), no links, no media, no attributes but {@code lang} and {@code dir}, so that a title
     * can sit inside the link to its entry. Everything {@link #aggregated()} removes with its content is removed here
     * too; any other element is unwrapped to its text.
     */
    public static SanitizePolicy inlineTitle() {
        Builder b = builder();
        for (String name : List.of(
                "em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark", "abbr", "cite", "dfn", "code", "kbd",
                "samp", "var", "q", "bdi", "wbr", "del", "ins")) {
            b.allow(name);
        }
        b.allow("bdo", "dir").globalAttributes("lang", "dir");
        for (String name : aggregated().droppedWithContent()) {
            b.dropWithContent(name);
        }
        return b.build();
    }

    /** The policy for members' stories: the rules of {@link FragmentPolicy#submission()}. */
    public static SanitizePolicy submission() {
        return FragmentPolicy.submission().sanitizePolicy();
    }

    /** The policy for members' comments: the rules of {@link FragmentPolicy#comment()}. */
    public static SanitizePolicy comment() {
        return FragmentPolicy.comment().sanitizePolicy();
    }

    /** A builder with nothing allowed. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects a policy's rules; not thread-safe, but the policy it builds is. */
    public static final class Builder {
        private final Map<String, Set<String>> elements = new LinkedHashMap<>();
        private final Set<String> globalAttributes = new HashSet<>();
        private final Set<String> droppedWithContent = new HashSet<>();
        private final Map<String, String> renamed = new HashMap<>();
        private final Set<String> linkSchemes = new HashSet<>();
        private final Set<String> mediaSchemes = new HashSet<>();
        private final Set<String> dataImageTypes = new HashSet<>();
        private final List<EmbedAllowlist.Entry> embeds = new ArrayList<>();
        private boolean removeTrackingPixels;
        private String linkRel;

        private Builder() {}

        /** Allows {@code element} with the given attributes (added to those already allowed). */
        public Builder allow(String element, String... attributes) {
            Set<String> attrs = elements.computeIfAbsent(lower(element), k -> new HashSet<>());
            for (String a : attributes) {
                attrs.add(lower(a));
            }
            return this;
        }

        /** Allows attributes on every allowed element. */
        public Builder globalAttributes(String... attributes) {
            for (String a : attributes) {
                globalAttributes.add(lower(a));
            }
            return this;
        }

        /** Removes {@code element} and everything inside it. */
        public Builder dropWithContent(String element) {
            droppedWithContent.add(lower(element));
            return this;
        }

        /** Keeps {@code element} as {@code as}, which must be allowed. */
        public Builder rename(String element, String as) {
            renamed.put(lower(element), lower(as));
            return this;
        }

        public Builder linkSchemes(String... schemes) {
            for (String s : schemes) {
                linkSchemes.add(lower(s));
            }
            return this;
        }

        public Builder mediaSchemes(String... schemes) {
            for (String s : schemes) {
                mediaSchemes.add(lower(s));
            }
            return this;
        }

        /** Allows {@code data:image/<subtype>} in {@code img src}; never pass {@code svg+xml}. */
        public Builder dataImageTypes(String... subtypes) {
            for (String s : subtypes) {
                String t = lower(s);
                if (t.contains("svg")) {
                    throw new IllegalArgumentException("SVG data images can carry script, refused: " + s);
                }
                dataImageTypes.add(t);
            }
            return this;
        }

        /** Allows iframes of {@code https://host/pathPrefix...}; {@code pathPrefix} starts and ends with '/'. */
        public Builder allowEmbed(String host, String pathPrefix) {
            embeds.add(new EmbedAllowlist.Entry(host == null ? null : lower(host), pathPrefix));
            return this;
        }

        /** Allows the player of one PeerTube instance, {@code https://host/videos/embed/...}. */
        public Builder allowPeerTubeInstance(String host) {
            return allowEmbed(host, "/videos/embed/");
        }

        public Builder removeTrackingPixels(boolean remove) {
            this.removeTrackingPixels = remove;
            return this;
        }

        public Builder linkRel(String rel) {
            this.linkRel = rel;
            return this;
        }

        public SanitizePolicy build() {
            return new SanitizePolicy(
                    elements,
                    globalAttributes,
                    droppedWithContent,
                    renamed,
                    linkSchemes,
                    mediaSchemes,
                    dataImageTypes,
                    new EmbedAllowlist(embeds),
                    PLAYER_SANDBOX,
                    removeTrackingPixels,
                    linkRel);
        }

        private static String lower(String s) {
            if (s == null || s.isBlank()) {
                throw new IllegalArgumentException("name must not be blank, got: " + s);
            }
            return s.trim().toLowerCase(Locale.ROOT);
        }
    }
}
