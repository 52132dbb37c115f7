package org.callisto.planet.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds {@link FeedFields} from a parsed element tree by replaying it as start-tag, text and end-tag events through
 * the same state machine feedparser uses (its "mixin"): the same handlers per element, the same contexts (feed,
 * entry, image, text input, source), the same rules for text constructs, links, people, tags and dates, so that
 * every field comes out under feedparser's name and in its shape, including its quirks, which scripts written
 * against feedparser depend on. Written for Callisto after feedparser's documented behaviour; where a rule looks
 * odd, it is feedparser's.
 *
 * <p>Not thread-safe: one instance builds one document's fields; use {@link #build}.
 */
final class FeedFieldsBuilder extends FeedFieldsElements {
    private FeedFieldsBuilder(String baseUrl) {
        this.baseuri = baseUrl == null ? "" : baseUrl;
    }

    /** Builds the fields of a parsed XML document. */
    static FeedFields build(
            LenientXmlParser.Result doc, String encoding, boolean bozo, List<ParseProblem> problems, String baseUrl) {
        FeedFieldsBuilder b = new FeedFieldsBuilder(baseUrl);
        b.walk(doc.root());
        String v = FeedFieldsValues.doctypeVersion(doc.source());
        String version = v != null ? v : b.version;
        PodcastFields.addTo(doc.root(), b.feeddata, b.entries);
        return new FeedFields(
                bozo,
                bozo && !problems.isEmpty() ? problems.get(0).toString() : null,
                encoding == null ? null : encoding.toLowerCase(Locale.ROOT),
                version,
                b.namespacesInUse,
                b.feeddata,
                b.entries);
    }

    // ------------------------------------------------------------------ replaying the tree

    private void walk(XmlElement el) {
        for (Map.Entry<String, String> d : declarations(el)) {
            trackNamespace(d.getKey(), d.getValue());
        }
        String tag = tagName(el);
        Map<String, Object> attrs = attributes(el);
        unknownStarttag(tag, attrs);
        String text = el.text();
        int at = 0;
        for (XmlElement child : el.children()) {
            int upTo = Math.min(child.textOffsetInParent, text.length());
            if (upTo > at) {
                handleData(text.substring(at, upTo), true);
                at = upTo;
            }
            walk(child);
        }
        if (at < text.length()) {
            handleData(text.substring(at), true);
        }
        unknownEndtag(tag);
    }

    /** Namespace declarations made on this element, as (prefix or null for the default, URI). */
    private static List<Map.Entry<String, String>> declarations(XmlElement el) {
        List<Map.Entry<String, String>> out = null;
        for (int i = 0; i < el.attributeCount; i++) {
            String a = el.attributes[i * 2];
            if (a.equals("xmlns") || a.startsWith("xmlns:")) {
                String v = el.attributes[i * 2 + 1].trim();
                if (v.isEmpty()) {
                    continue;
                }
                if (out == null) {
                    out = new ArrayList<>(4);
                }
                out.add(new java.util.AbstractMap.SimpleEntry<>(a.equals("xmlns") ? null : a.substring(6), v));
            }
        }
        return out == null ? List.of() : out;
    }

    /** The element's name as feedparser's namespace-aware parser reports it: {@code prefix:local}, lower case. */
    private String tagName(XmlElement el) {
        String qname = el.qname;
        int colon = qname.indexOf(':');
        String given = colon > 0 ? qname.substring(0, colon) : null;
        String local = (colon > 0 ? qname.substring(colon + 1) : qname).toLowerCase(Locale.ROOT);
        String uri = el.namespaces.get(given == null ? "" : given);
        if (uri == null) {
            return given == null ? local : given.toLowerCase(Locale.ROOT) + ":" + local;
        }
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.contains("backend.userland.com/rss")) {
            lower = "http://backend.userland.com/rss";
        }
        String prefix = FeedFieldsValues.NAMESPACES.get(lower);
        if (prefix == null) {
            prefix = given;
        }
        if (prefix != null && !prefix.isEmpty()) {
            return prefix.toLowerCase(Locale.ROOT) + ":" + local;
        }
        return local;
    }

    /** Attributes keyed as feedparser keys them: lower case, known namespaces as prefixes; rel and type lowered. */
    private static Map<String, Object> attributes(XmlElement el) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < el.attributeCount; i++) {
            String name = el.attributes[i * 2];
            if (name.equals("xmlns") || name.startsWith("xmlns:")) {
                continue;
            }
            String value = el.attributes[i * 2 + 1];
            String lowerName = name.toLowerCase(Locale.ROOT);
            if (lowerName.equals("rel") || lowerName.equals("type")) {
                value = value.toLowerCase(Locale.ROOT);
            }
            int colon = name.indexOf(':');
            if (colon > 0 && !name.startsWith("xmlns")) {
                String prefix = name.substring(0, colon);
                String local = name.substring(colon + 1);
                String uri = prefix.equals("xml") ? "http://www.w3.org/xml/1998/namespace" : el.namespaces.get(prefix);
                String known = uri == null ? null : FeedFieldsValues.NAMESPACES.get(uri.toLowerCase(Locale.ROOT));
                String key = (known == null || known.isEmpty() ? local : known + ":" + local).toLowerCase(Locale.ROOT);
                {
                    out.put(key, key.equals("rel") || key.equals("type") ? value.toLowerCase(Locale.ROOT) : value);
                }
            }
            out.put(lowerName, value);
        }
        return out;
    }

    // ------------------------------------------------------------------ feedparser's event handlers

    private void trackNamespace(String prefix, String uri) {
        String loweruri = uri.toLowerCase(Locale.ROOT);
        if (version.isEmpty()) {
            if (prefix == null && loweruri.equals("http://my.netscape.com/rdf/simple/0.9/")) {
                version = "rss090";
            } else if (loweruri.equals("http://purl.org/rss/1.0/")) {
                version = "rss10";
            } else if (loweruri.equals("http://www.w3.org/2005/atom")) {
                version = "atom10";
            }
        }
        if (loweruri.contains("backend.userland.com/rss")) {
            uri = "http://backend.userland.com/rss";
            loweruri = uri;
        }
        String known = FeedFieldsValues.NAMESPACES.get(loweruri);
        if (known != null) {
            namespacemap.put(prefix, known);
            namespacesInUse.put(known, uri);
        } else {
            namespacesInUse.put(prefix == null ? "" : prefix, uri);
        }
    }

    private void unknownStarttag(String tag, Map<String, Object> attrs) {
        depth++;
        Object b = attrs.containsKey("xml:base") ? attrs.get("xml:base") : attrs.get("base");
        String base = b == null || b.toString().isEmpty() ? baseuri : b.toString();
        if (baseuri != null && !baseuri.isEmpty()) {
            String joined = Urls.resolve(baseuri, base);
            baseuri = joined == null || joined.isEmpty() ? baseuri : joined;
        } else {
            baseuri = base == null ? "" : base;
        }
        Object l = attrs.containsKey("xml:lang") ? attrs.get("xml:lang") : attrs.get("lang");
        String newLang;
        if (l != null && l.toString().isEmpty()) {
            newLang = null;
        } else if (l == null) {
            newLang = lang;
        } else {
            newLang = l.toString();
        }
        if (newLang != null && (tag.equals("feed") || tag.equals("rss"))) {
            feeddata.put("language", newLang.replace('_', '-'));
        }
        lang = newLang;
        basestack.add(baseuri);
        langstack.add(newLang);

        if (incontent > 0 && !typeOr("xml").endsWith("xml")) {
            if (tag.equals("xhtml:div") || tag.equals("div")) {
                return;
            }
            contentparams.put("type", XHTML);
        }
        if (incontent > 0 && XHTML.equals(contentparams.get("type"))) {
            String t = tag;
            int colon = t.indexOf(':');
            if (colon >= 0) {
                String prefix = t.substring(0, colon);
                t = t.substring(colon + 1);
                String namespace = namespacesInUse.getOrDefault(prefix, "");
                if (t.equals("math") && namespace.equals("http://www.w3.org/1998/Math/MathML")
                        || t.equals("svg") && namespace.equals("http://www.w3.org/2000/svg")) {
                    attrs.put("xmlns", namespace);
                }
            }
            if (t.equals("svg")) {
                svgOK++;
            }
            handleData("<" + t + FeedFieldsValues.strattrs(attrs) + ">", false);
            return;
        }
        String[] ps = splitTag(tag);
        String prefix = ps[0];
        String suffix = ps[1];
        if (prefix.isEmpty()
                && !(tag.equals("title") || tag.equals("link") || tag.equals("description") || tag.equals("name"))) {
            intextinput = 0;
        }
        if (prefix.isEmpty()
                && !(tag.equals("title")
                        || tag.equals("link")
                        || tag.equals("description")
                        || tag.equals("url")
                        || tag.equals("href")
                        || tag.equals("width")
                        || tag.equals("height"))) {
            inimage = 0;
        }
        String name = prefix + suffix;
        if (!start(name, attrs)) {
            if (attrs.isEmpty()) {
                push(name, true);
            } else {
                context().put(name, attrs);
            }
        }
    }

    private String[] splitTag(String tag) {
        int colon = tag.indexOf(':');
        String prefix = colon >= 0 ? tag.substring(0, colon) : "";
        String suffix = colon >= 0 ? tag.substring(colon + 1) : tag;
        prefix = namespacemap.getOrDefault(prefix, prefix);
        if (!prefix.isEmpty()) {
            prefix = prefix + "_";
        }
        return new String[] {prefix, suffix};
    }

    private void unknownEndtag(String tag) {
        String[] ps = splitTag(tag);
        if (ps[1].equals("svg") && svgOK > 0) {
            svgOK--;
        }
        String name = ps[0] + ps[1];
        if (svgOK > 0 || !end(name)) {
            pop(name, true);
        }
        if (incontent > 0 && !typeOr("xml").endsWith("xml")) {
            if (tag.equals("xhtml:div") || tag.equals("div")) {
                return;
            }
            contentparams.put("type", XHTML);
        }
        if (incontent > 0 && XHTML.equals(contentparams.get("type"))) {
            handleData("</" + tag.substring(tag.lastIndexOf(':') + 1) + ">", false);
        }
        if (!basestack.isEmpty()) {
            basestack.removeLast();
            if (!basestack.isEmpty()
                    && basestack.getLast() != null
                    && !basestack.getLast().isEmpty()) {
                baseuri = basestack.getLast();
            }
        }
        if (!langstack.isEmpty()) {
            langstack.removeLast();
            if (!langstack.isEmpty()) {
                lang = langstack.getLast();
            }
        }
        depth--;
    }

    /** Calls the start handler for this element, if it has one; false when it has none. */
    private boolean start(String name, Map<String, Object> attrs) {
        return peopleStart(name, attrs)
                || extensionStart(name, attrs)
                || textStart(name, attrs)
                || elementStart(name, attrs);
    }

    /** Calls the end handler for this element, if it has one; false when it has none. */
    private boolean end(String name) {
        return peopleEnd(name) || extensionEnd(name) || textEnd(name) || elementEnd(name);
    }
}
