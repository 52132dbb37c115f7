package org.callisto.html;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Writes the allowed part of a parsed tree as HTML, following a {@link SanitizePolicy}. Only what is allowed is
 * written (text, allowed elements, allowed attributes with clean values); nothing is removed from the source, so
 * a rule that forgets a case fails closed.
 *
 * <p>jsoup's {@code Cleaner} works the same way but decides per tag and per attribute alone. This policy needs
 * decisions that look at several attributes or at the surroundings: an {@code iframe} is kept only for an allowed
 * player and is rebuilt with a sandbox, an {@code img} of 1×1 pixels is dropped, {@code data:} is allowed only for
 * raster images in {@code img src}, relative URLs are resolved (Cleaner can only keep or drop them), links get a
 * {@code rel}, elements outside the HTML namespace (SVG, MathML) go with their content, and some elements are
 * renamed. Hence this walk over jsoup's parse tree rather than a {@code Safelist}.
 *
 * <p>The output is written straight into a {@link StringBuilder} during the walk, with no second tree: it is the
 * string jsoup would serialise for that tree (HTML syntax, no pretty-printing, base entities, UTF-8), which
 * {@link HtmlMarkup} reproduces. The walk also notes whether the output is certainly a fixed point of the
 * sanitizer ({@link #settled()}): it is, unless the walk removed or renamed an element whose presence steers the
 * HTML parser (a scope boundary, a formatting element, a table part, ...), removed anything inside a {@code pre},
 * wrote a carriage return, or nested elements the parser would not nest. Removing an ordinary element
 * (an unknown tag, {@code span}-like inline elements) or a raw-text or void element leaves the parse of the rest
 * unchanged, so it needs no second look.
 *
 * <p>The walk is iterative ({@link NodeTraversor}), so deeply nested input cannot overflow the stack. One instance
 * serves one call: not thread-safe, cheap to create.
 */
final class TreeCleaner implements NodeFilter {
    private static final List<String> LAZY_SOURCES = List.of("data-src", "data-lazy-src", "data-original");
    private static final String[] DIMENSIONS = {"width", "height"};
    private static final Set<String> HTTPS = Set.of("https");

    /**
     * Elements whose presence changes how the HTML parser builds what follows or surrounds them: the "special"
     * and formatting elements of the HTML standard and the start tags it handles one by one. Removing one of these
     * (or renaming it outside {@link #BLOCK_GROUP}) may give output that parses differently, so it is checked.
     * The obsolete formatting elements {@code font}, {@code big}, {@code strike} and {@code tt} are left out: no
     * policy keeps them, so the output holds none of them and their part in the parser's recovery from misnested
     * formatting is already reflected in the tree; {@code SettledPassTest} checks this on spliced markup full of
     * them. {@code font} alone sent 5% of the benchmark corpus through a second pass.
     */
    static final Set<String> PARSER_SENSITIVE = Set.of(
            "address",
            "applet",
            "area",
            "article",
            "aside",
            "base",
            "basefont",
            "bgsound",
            "blockquote",
            "body",
            "br",
            "button",
            "caption",
            "center",
            "col",
            "colgroup",
            "dd",
            "details",
            "dialog",
            "dir",
            "div",
            "dl",
            "dt",
            "embed",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "form",
            "frame",
            "frameset",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "head",
            "header",
            "hgroup",
            "hr",
            "html",
            "iframe",
            "image",
            "img",
            "input",
            "keygen",
            "li",
            "link",
            "listing",
            "main",
            "marquee",
            "menu",
            "meta",
            "nav",
            "noembed",
            "noframes",
            "noscript",
            "object",
            "ol",
            "p",
            "param",
            "plaintext",
            "pre",
            "script",
            "search",
            "section",
            "select",
            "source",
            "style",
            "summary",
            "table",
            "tbody",
            "td",
            "template",
            "textarea",
            "tfoot",
            "th",
            "thead",
            "title",
            "tr",
            "track",
            "ul",
            "wbr",
            "xmp",
            "a",
            "b",
            "code",
            "em",
            "i",
            "nobr",
            "s",
            "small",
            "strong",
            "u",
            "rb",
            "rp",
            "rt",
            "rtc",
            "ruby",
            "optgroup",
            "option",
            "math",
            "svg",
            "datalist");

    /** Start tags the parser treats alike: renaming one to another changes nothing in the parse. */
    static final Set<String> BLOCK_GROUP = Set.of(
            "address",
            "article",
            "aside",
            "blockquote",
            "center",
            "details",
            "dialog",
            "dir",
            "div",
            "dl",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "header",
            "hgroup",
            "main",
            "menu",
            "nav",
            "ol",
            "search",
            "section",
            "summary",
            "ul");

    /**
     * Elements removed with their content without any effect on the parse of the rest: raw text elements (their
     * content is text to the parser) and void elements (no content, no end tag).
     */
    static final Set<String> INERT_WHEN_DROPPED = Set.of(
            "script",
            "style",
            "iframe",
            "noembed",
            "noframes",
            "xmp",
            "noscript",
            "textarea",
            "title",
            "plaintext",
            "area",
            "base",
            "basefont",
            "bgsound",
            "br",
            "col",
            "embed",
            "frame",
            "hr",
            "image",
            "img",
            "input",
            "keygen",
            "link",
            "meta",
            "param",
            "source",
            "track",
            "wbr");

    /** Elements the parser does not open directly inside one of the same name: it closes the first instead. */
    private static final Set<String> NOT_SELF_NESTED = Set.of(
            "p",
            "li",
            "dd",
            "dt",
            "option",
            "button",
            "form",
            "nobr",
            "table",
            "tr",
            "td",
            "th",
            "tbody",
            "thead",
            "tfoot",
            "caption",
            "colgroup");

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> TABLE_SECTIONS = Set.of("tbody", "thead", "tfoot");
    /** Table elements whose children the parser places by its own rules (anything else is moved out). */
    private static final Set<String> TABLE_CONTAINERS = Set.of("table", "tbody", "thead", "tfoot", "tr", "colgroup");

    private final SanitizePolicy policy;
    private final ElementRules rules;
    private final UrlCleaner urls;
    private final BaseUrl base;
    private final StringBuilder out;

    /** For each open source element: the name written for it, or null when it was unwrapped. */
    private String[] open = new String[32];
    /** For each open source element: whether the element written for it is void (has no end tag). */
    private boolean[] openVoid = new boolean[32];

    private int depth;
    /** The names written for the open elements that were copied, innermost last; "body" at the bottom. */
    private String[] copied = new String[32];

    private int copiedDepth;
    private int anchorDepth;
    /** Whether a {@code pre} was just opened and nothing written in it yet. */
    private boolean atPreStart;

    private int preDepth;
    private boolean settled = true;

    /** Reusable attribute list for the element being copied. */
    private final AttributeList attributes = new AttributeList(this);

    private char[] scratch = new char[256];

    TreeCleaner(SanitizePolicy policy, ElementRules rules, UrlCleaner urls, BaseUrl base, StringBuilder out) {
        this.policy = policy;
        this.rules = rules;
        this.urls = urls;
        this.base = base;
        this.out = out;
        copied[copiedDepth++] = "body";
    }

    /** Writes the allowed content of {@code nodes}, the top-level nodes of a parsed fragment. */
    void write(List<Node> nodes) {
        for (Node node : nodes) {
            NodeTraversor.filter(this, node);
        }
    }

    /** Whether the output is certainly a fixed point: sanitizing it again gives it back unchanged. */
    boolean settled() {
        return settled;
    }

    @Override
    public FilterResult head(Node node, int ignored) {
        if (node instanceof TextNode text) {
            String s = text.getWholeText();
            if (atPreStart) {
                atPreStart = false;
                if (s.startsWith("\n") || s.startsWith("\r")) {
                    out.append('\n'); // the parser drops a newline right after <pre>: give it one to drop
                }
            }
            if (TABLE_CONTAINERS.contains(copied[copiedDepth - 1]) && !s.isBlank()) {
                settled = false; // text in a table outside a cell: the parser moves it before the table
            }
            if (!HtmlMarkup.escapeText(s, out, scratch(s.length()))) {
                settled = false; // a carriage return, which the parser turns into a line feed
            }
            return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element source)) {
            return FilterResult.SKIP_ENTIRELY; // comments, script and style data, doctypes
        }
        if (!Parser.NamespaceHtml.equals(source.tag().namespace())) {
            settled = false;
            return FilterResult.SKIP_ENTIRELY; // SVG and MathML content: its parsing rules invite mutation XSS
        }
        ElementRules.Rule rule = rules.rule(source.normalName());
        switch (rule.action()) {
            case IFRAME -> {
                dropped(rule);
                writeIframe(source);
                return FilterResult.SKIP_ENTIRELY;
            }
            case DROP -> {
                dropped(rule);
                return FilterResult.SKIP_ENTIRELY;
            }
            case UNWRAP -> {
                if (rule.unsettling() || preDepth > 0) {
                    settled = false;
                }
                push(null, false); // the children are written in place of the element
                return FilterResult.CONTINUE;
            }
            default -> {
                if (rule.unsettling()) {
                    settled = false;
                }
                if (!copyElement(source, rule)) {
                    dropped(rule);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }
        }
    }

    @Override
    public FilterResult tail(Node node, int ignored) {
        if (node instanceof Element) {
            String name = open[--depth];
            if (name != null) {
                copiedDepth--;
                if (name.equals("a")) {
                    anchorDepth--;
                } else if (name.equals("pre")) {
                    preDepth--;
                    atPreStart = false;
                }
                if (!openVoid[depth]) {
                    out.append("</").append(name).append('>');
                }
            }
        }
        return FilterResult.CONTINUE;
    }

    /** A scratch buffer of at least {@code length} characters for escaping. */
    char[] scratch(int length) {
        if (scratch.length < length) {
            scratch = new char[Math.max(length, scratch.length * 2)];
        }
        return scratch;
    }

    /** Notes that an element went with its content. */
    private void dropped(ElementRules.Rule rule) {
        if (preDepth > 0 || rule.unsettlingIfDropped()) {
            settled = false;
        }
    }

    private void push(String name, boolean isVoid) {
        if (depth == open.length) {
            open = java.util.Arrays.copyOf(open, depth * 2);
            openVoid = java.util.Arrays.copyOf(openVoid, depth * 2);
        }
        openVoid[depth] = isVoid;
        open[depth++] = name;
    }

    /** Writes the start tag of an allowed element and opens it; false when it should go with its content. */
    private boolean copyElement(Element source, ElementRules.Rule rule) {
        String name = rule.name();
        String parent = copied[copiedDepth - 1];
        if (name.equals("source") && !(parent.equals("picture") || parent.equals("audio") || parent.equals("video"))
                || name.equals("track") && !(parent.equals("audio") || parent.equals("video"))) {
            return false;
        }
        Attributes sourceAttributes = source.attributes();
        if (name.equals("img")
                && policy.removeTrackingPixels()
                && AttributeValues.isTrackingPixel(sourceAttributes.get("width"), sourceAttributes.get("height"))) {
            return false;
        }
        AttributeList attrs = attributes;
        attrs.clear();
        for (Attribute attr : sourceAttributes) {
            String key = attr.getKey();
            if (!isLowerCase(key)) {
                key = key.toLowerCase(java.util.Locale.ROOT);
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
            return false;
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
        if (!nestsAsParsed(name, parent)) {
            settled = false;
        }
        atPreStart = false;
        out.append('<').append(name);
        if (!attrs.write(out)) {
            settled = false;
        }
        out.append('>');
        push(name, rule.isVoid());
        if (copiedDepth == copied.length) {
            copied = java.util.Arrays.copyOf(copied, copiedDepth * 2);
        }
        copied[copiedDepth++] = name;
        if (name.equals("a")) {
            anchorDepth++;
        } else if (name.equals("pre")) {
            preDepth++;
            atPreStart = true;
        }
        return true;
    }

    /**
     * Whether the parser would open {@code name} directly inside {@code parent} when reading the output back. Trees
     * the parser builds from broken markup (through its adoption agency, say) can hold nestings it would not build
     * from well-formed markup, such as a heading directly inside a heading; those are checked with a second pass.
     */
    private boolean nestsAsParsed(String name, String parent) {
        if (name.equals(parent) && NOT_SELF_NESTED.contains(name) || name.equals("a") && anchorDepth > 0) {
            return false;
        }
        if (HEADINGS.contains(name) && HEADINGS.contains(parent)) {
            return false;
        }
        return switch (parent) {
            case "table" -> name.equals("caption") || name.equals("colgroup") || TABLE_SECTIONS.contains(name);
            case "tbody", "thead", "tfoot" -> name.equals("tr");
            case "tr" -> name.equals("td") || name.equals("th");
            case "colgroup" -> name.equals("col");
            default ->
                switch (name) {
                    case "caption", "colgroup", "tbody", "thead", "tfoot" -> parent.equals("table");
                    case "tr" -> TABLE_SECTIONS.contains(parent);
                    case "td", "th" -> parent.equals("tr");
                    case "col" -> parent.equals("colgroup");
                    default -> true;
                };
        };
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

    /** Keeps an iframe only when it shows an allowed player; rebuilds it, sandboxed and without its content. */
    private void writeIframe(Element source) {
        String src = urls.clean(source.attr("src"), base, HTTPS, false);
        if (src == null || !policy.embeds().allows(URI.create(src))) {
            return;
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
        atPreStart = false;
        out.append("<iframe");
        if (!attrs.write(out)) {
            settled = false;
        }
        out.append("></iframe>");
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
    private static final class AttributeList {
        private final TreeCleaner owner;
        private String[] keys = new String[8];
        private String[] values = new String[8];
        private int size;

        AttributeList(TreeCleaner owner) {
            this.owner = owner;
        }

        void clear() {
            size = 0;
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
                keys = java.util.Arrays.copyOf(keys, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
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

        /** Writes the attributes; false when a value holds a carriage return (not a fixed point). */
        boolean write(StringBuilder out) {
            boolean plain = true;
            for (int i = 0; i < size; i++) {
                plain &= HtmlMarkup.attribute(keys[i], values[i], out, owner.scratch(values[i].length()));
            }
            return plain;
        }
    }
}
