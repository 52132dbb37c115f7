package org.callisto.html;

import java.util.Set;

/**
 * What the HTML parser's tree construction does with the elements the sanitizer writes, renames or leaves out, as
 * far as deciding whether the output is a fixed point needs it ({@link TreeCleaner#settled()}, the unsettling
 * flags of {@link ElementRules.Rule}): which elements steer the parse of what surrounds them, which can be removed
 * or renamed without any effect, and which nestings the parser builds from well-formed markup. These are facts of
 * the HTML standard, not of a policy.
 *
 * <p>Constants and a pure function only: immutable and thread-safe.
 */
final class TreeBuilderRules {
    private TreeBuilderRules() {}

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
    static final Set<String> TABLE_CONTAINERS = Set.of("table", "tbody", "thead", "tfoot", "tr", "colgroup");

    /**
     * Whether the parser would open {@code name} directly inside {@code parent} when reading the output back. Trees
     * the parser builds from broken markup (through its adoption agency, say) can hold nestings it would not build
     * from well-formed markup, such as a heading directly inside a heading; those are checked with a second pass.
     * {@code insideAnchor} tells whether an {@code a} is already open around {@code name}.
     */
    static boolean nestsAsParsed(String name, String parent, boolean insideAnchor) {
        if (name.equals(parent) && NOT_SELF_NESTED.contains(name) || name.equals("a") && insideAnchor) {
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
}
