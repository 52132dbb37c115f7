package org.callisto.planet.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Reads values out of {@link XmlElement}s the way feeds mean them: trimmed text, HTML content (escaped text,
 * escaped HTML, unescaped inline markup, XHTML), plain-text titles, people and categories. Stateless and thread-safe.
 */
final class XmlContent {
    private XmlContent() {}

    /** The element's text, trimmed; null when the element is absent or its text is blank. */
    static String text(XmlElement el) {
        if (el == null) {
            return null;
        }
        String t = el.text().strip();
        return t.isEmpty() ? null : t;
    }

    /** The first non-blank text among the elements, or null. */
    static String firstText(XmlElement... candidates) {
        for (XmlElement el : candidates) {
            String t = text(el);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** The source markup between an element's start and end tags. */
    static String rawInner(XmlElement el, char[] source) {
        int start = el.innerStart;
        int end = Math.max(start, el.innerEnd);
        return new String(source, start, Math.min(end, source.length) - start);
    }

    /**
     * An RSS-style HTML value: the text (which is HTML, escaped once for XML) or, when the publisher left the HTML
     * unescaped so that it parsed as child elements, the inner markup as written.
     */
    static String html(XmlElement el, char[] source) {
        if (el == null) {
            return null;
        }
        String v =
                el.hasChildren() ? rawInner(el, source).replace("<![CDATA[", "").replace("]]>", "") : el.text();
        v = v.strip();
        return v.isEmpty() ? null : v;
    }

    /** An Atom text construct (title, subtitle, summary, content, rights) as HTML, honouring type and mode. */
    static String atomHtml(XmlElement el, char[] source) {
        if (el == null) {
            return null;
        }
        String type = el.attr("type");
        String mode = el.attr("mode");
        String t = type == null ? "text" : type.trim().toLowerCase(Locale.ROOT);
        if ("base64".equals(mode)) {
            String decoded = FeedFieldsValues.base64(el.text().strip());
            if (t.equals("text") || t.equals("text/plain")) {
                decoded = FeedText.escapeHtml(decoded);
            }
            return decoded.isBlank() ? null : decoded.strip();
        }
        String v;
        if (t.equals("xhtml") || t.equals("application/xhtml+xml")) {
            v = xhtml(el, source);
        } else if (t.equals("html") || t.equals("text/html") || "escaped".equals(mode)) {
            v = el.hasChildren() ? rawInner(el, source) : el.text();
        } else if (t.equals("text") || t.startsWith("text/")) {
            v = el.hasChildren() ? rawInner(el, source) : FeedText.escapeHtml(el.text());
        } else if (t.endsWith("xml") || "xml".equals(mode)) {
            v = rawInner(el, source);
        } else {
            return null;
        }
        v = v.strip();
        return v.isEmpty() ? null : v;
    }

    /** An Atom text construct as plain text (titles): HTML and XHTML are reduced to their text. */
    static String atomPlain(XmlElement el, char[] source) {
        if (el == null) {
            return null;
        }
        String type = el.attr("type");
        String t = type == null ? "text" : type.trim().toLowerCase(Locale.ROOT);
        String v;
        if (t.equals("xhtml") || t.equals("application/xhtml+xml")) {
            v = FeedText.htmlToText(xhtml(el, source));
        } else if (t.equals("html") || t.equals("text/html") || "escaped".equals(el.attr("mode"))) {
            v = FeedText.htmlToText(el.hasChildren() ? rawInner(el, source) : el.text());
        } else {
            v = el.hasChildren()
                    ? FeedText.htmlToText(rawInner(el, source))
                    : el.text().strip();
        }
        return v == null || v.isEmpty() ? null : v;
    }

    /**
     * A title's markup when the feed marked it up, else null: an Atom {@code type="html"} (or 0.3 escaped) or
     * {@code xhtml} title, or a title holding markup (unescaped child elements, or escaped tags in RSS). Only a value
     * that holds a tag is returned; the planet keeps the text form otherwise. {@code textByDefault}: an untyped title
     * is text (Atom), not possibly escaped HTML (RSS).
     */
    static String titleHtml(XmlElement el, char[] source, boolean textByDefault) {
        if (el == null) {
            return null;
        }
        String type = el.attr("type");
        String t = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
        String v;
        if (t.equals("xhtml") || t.equals("application/xhtml+xml")) {
            v = xhtml(el, source);
        } else if (el.hasChildren()) {
            v = rawInner(el, source).replace("<![CDATA[", "").replace("]]>", "");
        } else if (t.equals("html") || t.equals("text/html") || "escaped".equals(el.attr("mode")) || t.isEmpty()) {
            // an untyped (RSS or Atom text) title is text, but RSS titles carry escaped tags often enough to honour
            v = t.isEmpty() && textByDefault ? null : el.text();
        } else {
            v = null;
        }
        if (v == null) {
            return null;
        }
        v = v.strip();
        return v.indexOf('<') < 0 ? null : v;
    }

    /** Plain text of an RSS title: as written, or reduced to text when it holds unescaped markup. */
    static String plain(XmlElement el, char[] source) {
        if (el == null) {
            return null;
        }
        String v = el.hasChildren()
                ? FeedText.htmlToText(rawInner(el, source))
                : el.text().strip();
        return v.isEmpty() ? null : v;
    }

    /** The inner markup of an XHTML construct, without its wrapping div and without xhtml: prefixes. */
    private static String xhtml(XmlElement el, char[] source) {
        XmlElement div = null;
        for (XmlElement c : el.children()) {
            if (c.local.equals("div")) {
                div = c;
                break;
            }
        }
        String inner = div != null && el.children().size() == 1 && el.text().isBlank()
                ? rawInner(div, source)
                : rawInner(el, source);
        if (inner.indexOf(':') >= 0) {
            inner = inner.replaceAll("<(/?)[A-Za-z][\\w.-]*:(?=[A-Za-z])", "<$1")
                    .replaceAll("\\s+xmlns(:\\w+)?=\"[^\"]*\"", "");
        }
        return inner;
    }

    /** Parses an RSS person: {@code email (Name)}, {@code Name (email)}, {@code Name <email>}, email or name. */
    static Person person(String s) {
        if (s == null) {
            return null;
        }
        String v = s.strip();
        if (v.isEmpty()) {
            return null;
        }
        int open = v.indexOf('(');
        int close = v.lastIndexOf(')');
        if (open >= 0 && close > open) {
            String outside = (v.substring(0, open) + v.substring(close + 1)).strip();
            String inside = v.substring(open + 1, close).strip();
            if (outside.contains("@") && !inside.contains("@")) {
                return new Person(blankToNull(inside), outside, null);
            }
            if (inside.contains("@") && !outside.contains("@")) {
                return new Person(blankToNull(outside), inside, null);
            }
        }
        int lt = v.indexOf('<');
        int gt = v.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            String email = v.substring(lt + 1, gt).strip();
            String name = (v.substring(0, lt) + v.substring(gt + 1)).strip().replaceAll("^\"|\"$", "");
            return new Person(blankToNull(name), blankToNull(email), null);
        }
        if (v.indexOf('@') > 0 && v.indexOf(' ') < 0) {
            return new Person(null, v.startsWith("mailto:") ? v.substring(7) : v, null);
        }
        return new Person(v, null, null);
    }

    /** An Atom person construct (name, email, uri or url). */
    static Person atomPerson(XmlElement el, String ns) {
        String name = text(el.child(ns, "name"));
        String email = text(el.child(ns, "email"));
        String uri = firstText(el.child(ns, "uri"), el.child(ns, "url"));
        if (name == null && email == null && uri == null) {
            String t = text(el);
            return t == null ? null : person(t);
        }
        return new Person(name, email, uri == null ? null : Urls.resolve(el.base, uri));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Adds a category term, skipping blanks and duplicates. */
    static void addCategory(LinkedHashSet<String> into, String term) {
        if (term != null && !term.isBlank()) {
            into.add(term.strip());
        }
    }

    /** Adds comma-separated keywords as categories. */
    static void addKeywords(LinkedHashSet<String> into, String keywords) {
        if (keywords != null) {
            for (String k : keywords.split(",")) {
                addCategory(into, k);
            }
        }
    }

    /** Adds itunes:category text attributes, nested subcategories included, in document order. */
    static void addItunesCategories(LinkedHashSet<String> into, XmlElement parent) {
        for (XmlElement c : parent.children("itunes", "category")) {
            addCategory(into, c.attr("text"));
            addItunesCategories(into, c);
        }
    }

    /** A count of comments, or null when absent, negative or not a number. */
    static Integer count(String s) {
        if (s == null) {
            return null;
        }
        try {
            int v = Integer.parseInt(s.strip());
            return v >= 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static long parseLength(String s) {
        if (s == null) {
            return -1;
        }
        try {
            long v = Long.parseLong(s.strip());
            return v >= 0 ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static <T> List<T> list(java.util.Collection<T> c) {
        return c.isEmpty() ? List.of() : List.copyOf(new ArrayList<>(c));
    }
}
