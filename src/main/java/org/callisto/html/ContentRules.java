package org.callisto.html;

import java.util.List;
import java.util.Set;

/**
 * The nesting rules under which a browser would not build the tree a member wrote: it closes an open paragraph
 * when a block such as a list or a quote starts, closes an open list item when another one starts, closes a
 * heading when another heading starts directly inside it, and never puts a link inside a link. Markup that breaks
 * them is balanced but would be shown differently from what it says, so the validator reports it.
 *
 * <p>The rules follow the HTML standard's tree construction ("in body" insertion mode) for the start tags members
 * can write. Stateless and thread-safe.
 */
final class ContentRules {
    /** Start tags that close an open {@code p} ("close a p element" in the standard). */
    private static final Set<String> CLOSES_P = Set.of(
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
            "p",
            "search",
            "section",
            "summary",
            "ul",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "pre",
            "listing",
            "form",
            "table",
            "hr",
            "li",
            "dd",
            "dt",
            "plaintext",
            "xmp");
    /** Elements that end the "button scope" in which an open {@code p} is looked for. */
    private static final Set<String> SCOPE_BOUNDARIES = Set.of(
            "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "button", "svg", "math");

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** The standard's "special" elements, which stop the search for an open {@code li}. */
    private static final Set<String> SPECIAL = Set.of(
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
            "xmp");

    private ContentRules() {}

    /**
     * The open element that start tag {@code name} may not appear inside, or null when it may be opened here.
     *
     * @param open the elements open so far, outermost first
     */
    static TagBalance.OpenElement conflict(String name, List<TagBalance.OpenElement> open) {
        if (CLOSES_P.contains(name)) {
            for (int i = open.size() - 1; i >= 0; i--) {
                String o = open.get(i).name();
                if (o.equals("p")) {
                    return open.get(i);
                }
                if (SCOPE_BOUNDARIES.contains(o)) {
                    break;
                }
            }
        }
        if (HEADINGS.contains(name)
                && !open.isEmpty()
                && HEADINGS.contains(open.getLast().name())) {
            return open.getLast();
        }
        if (name.equals("li")) {
            for (int i = open.size() - 1; i >= 0; i--) {
                String o = open.get(i).name();
                if (o.equals("li")) {
                    return open.get(i);
                }
                if (SPECIAL.contains(o) && !o.equals("address") && !o.equals("div") && !o.equals("p")) {
                    break;
                }
            }
        }
        if (name.equals("a")) {
            for (TagBalance.OpenElement o : open) {
                if (o.name().equals("a")) {
                    return o;
                }
            }
        }
        return null;
    }
}
