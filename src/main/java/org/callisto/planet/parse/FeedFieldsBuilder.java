package org.callisto.planet.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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
final class FeedFieldsBuilder {
    private static final String XHTML = "application/xhtml+xml";

    private final Map<String, Object> feeddata = new LinkedHashMap<>();
    private final List<Map<String, Object>> entries = new ArrayList<>();
    private String version = "";
    private final Map<String, String> namespacesInUse = new LinkedHashMap<>();
    private final Map<String, String> namespacemap = new HashMap<>();
    private int infeed;
    private int inentry;
    private int incontent;
    private int intextinput;
    private int inimage;
    private int inauthor;
    private int incontributor;
    private int inpublisher;
    private int insource;
    private Map<String, Object> sourcedata = new LinkedHashMap<>();
    private final Map<String, Object> contentparams = new LinkedHashMap<>();
    private boolean contentBase64;
    private String summaryKey;
    private final List<Frame> elementstack = new ArrayList<>();
    private final List<String> basestack = new ArrayList<>();
    private final List<String> langstack = new ArrayList<>();
    private String baseuri;
    private String lang;
    private int svgOK;
    private int titleDepth = -1;
    private int depth;
    private boolean hasContent;
    private boolean guidislink;
    private boolean pscChaptersFlag;
    private final Map<Object, Map<String, Integer>> propertyDepthMap = new IdentityHashMap<>();

    /** One open element on feedparser's element stack: its name, whether its text is kept, and its text pieces. */
    private static final class Frame {
        final String element;
        final boolean expectingText;
        final List<String> pieces = new ArrayList<>(2);

        Frame(String element, boolean expectingText) {
            this.element = element;
            this.expectingText = expectingText;
        }
    }

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

    private String typeOr(String fallback) {
        Object t = contentparams.get("type");
        return t == null ? fallback : t.toString();
    }

    private void handleData(String text, boolean escape) {
        if (elementstack.isEmpty()) {
            return;
        }
        if (escape && XHTML.equals(contentparams.get("type"))) {
            text = FeedFieldsValues.escapeXml(text);
        }
        elementstack.getLast().pieces.add(text);
    }

    /** Calls the start handler for this element, if it has one; false when it has none. */
    private boolean start(String name, Map<String, Object> attrs) {
        switch (name) {
            case "rss" -> startRss(attrs);
            case "channel" -> {
                infeed = 1;
                cdfCommon(attrs);
            }
            case "feed" -> startFeed(attrs);
            case "image" -> {
                Map<String, Object> context = context();
                if (inentry == 0) {
                    context.computeIfAbsent("image", k -> new LinkedHashMap<String, Object>());
                }
                inimage = 1;
                titleDepth = -1;
                push("image", false);
            }
            case "textinput" -> {
                context().computeIfAbsent("textinput", k -> new LinkedHashMap<String, Object>());
                intextinput = 1;
                titleDepth = -1;
                push("textinput", false);
            }
            case "author", "managingeditor", "dc_author", "dc_creator", "itunes_author" -> {
                inauthor = 1;
                push("author", true);
                list(context(), "authors").add(new LinkedHashMap<String, Object>());
            }
            case "contributor" -> {
                incontributor = 1;
                list(context(), "contributors").add(new LinkedHashMap<String, Object>());
                push("contributor", false);
            }
            case "dc_contributor" -> {
                incontributor = 1;
                list(context(), "contributors").add(new LinkedHashMap<String, Object>());
                push("name", false);
            }
            case "name", "itunes_name" -> push("name", false);
            case "width" -> push("width", false);
            case "height" -> push("height", false);
            case "url", "homepage", "uri" -> push("href", true);
            case "email", "itunes_email" -> push("email", false);
            case "subtitle", "tagline", "itunes_subtitle" -> pushContent("subtitle", attrs, "text/plain", true);
            case "rights", "copyright", "dc_rights" -> pushContent("rights", attrs, "text/plain", true);
            case "item", "entry" -> startItem(attrs);
            case "language", "dc_language" -> push("language", true);
            case "webmaster", "dc_publisher" -> push("publisher", true);
            case "published", "issued", "pubdate", "dcterms_issued" -> push("published", true);
            case "updated", "modified", "lastbuilddate", "dc_date", "dcterms_modified" -> push("updated", true);
            case "created", "dcterms_created" -> push("created", true);
            case "expirationdate" -> push("expired", true);
            case "category", "keywords", "dc_subject" -> startCategory(attrs);
            case "media_category" -> {
                attrs.putIfAbsent("scheme", "http://search.yahoo.com/mrss/category_schema");
                startCategory(attrs);
            }
            case "itunes_category" -> {
                addTag(str(attrs.get("text")), "http://www.itunes.com/", null);
                push("category", true);
            }
            case "cloud" -> context().put("cloud", new LinkedHashMap<>(attrs));
            case "link" -> startLink(attrs);
            case "guid", "id" -> {
                guidislink = "true".equals(Objects.toString(attrs.getOrDefault("ispermalink", "true")));
                push("id", true);
            }
            case "title", "dc_title", "media_title" ->
                pushContent("title", attrs, "text/plain", infeed > 0 || inentry > 0 || insource > 0);
            case "description", "dc_description", "media_description" -> startDescription(attrs);
            case "abstract" ->
                pushContent("description", attrs, "text/plain", infeed > 0 || inentry > 0 || insource > 0);
            case "info", "feedburner_browserfriendly" -> pushContent("info", attrs, "text/plain", true);
            case "generator" -> {
                Map<String, Object> a = enforceHref(attrs);
                if (a.containsKey("href")) {
                    a.put("href", resolveUri(str(a.get("href"))));
                }
                context().put("generator_detail", new LinkedHashMap<>(a));
                push("generator", true);
            }
            case "summary", "itunes_summary" -> {
                if (context().containsKey("summary") && !hasContent) {
                    summaryKey = "content";
                    startContent(attrs);
                } else {
                    summaryKey = "summary";
                    pushContent("summary", attrs, "text/plain", true);
                }
            }
            case "enclosure" -> {
                Map<String, Object> a = enforceHref(attrs);
                a.put("rel", "enclosure");
                list(context(), "links").add(new LinkedHashMap<>(a));
            }
            case "source" -> {
                if (attrs.containsKey("url")) {
                    sourcedata.put("href", attrs.get("url"));
                }
                push("source", true);
                insource = 1;
                titleDepth = -1;
            }
            case "content" -> startContent(attrs);
            case "body", "xhtml_body" -> pushContent("content", attrs, XHTML, true);
            case "content_encoded", "fullitem" -> {
                hasContent = true;
                pushContent("content", attrs, "text/html", true);
            }
            case "newlocation" -> push("newlocation", true);
            case "tags" -> push("tags", true);
            case "dcterms_valid" -> push("validity", true);
            case "itunes_owner" -> {
                inpublisher = 1;
                push("publisher", false);
            }
            case "itunes_image", "itunes_link" -> {
                push("itunes_image", false);
                String href = str(attrs.get("href"));
                String url = str(attrs.get("url"));
                if (href != null && !href.isEmpty()) {
                    context().put("image", dict("href", href));
                } else if (url != null && !url.isEmpty()) {
                    context().put("image", dict("href", url));
                }
            }
            case "media_group" -> {}
            case "media_rating" -> {
                context().putIfAbsent("media_rating", attrs);
                push("rating", true);
            }
            case "media_credit" -> {
                list(context(), "media_credit").add(attrs);
                push("credit", true);
            }
            case "media_restriction" -> {
                context().putIfAbsent("media_restriction", attrs);
                push("restriction", true);
            }
            case "media_license" -> {
                context().putIfAbsent("media_license", attrs);
                push("license", true);
            }
            case "media_content" -> list(context(), "media_content").add(attrs);
            case "media_thumbnail" -> {
                List<Object> thumbs = list(context(), "media_thumbnail");
                push("url", true);
                thumbs.add(attrs);
            }
            case "media_player" -> {
                push("media_player", false);
                context().put("media_player", new LinkedHashMap<>(attrs));
            }
            case "psc_chapters" -> {
                Map<String, Object> context = context();
                if (!context.containsKey("psc_chapters")) {
                    pscChaptersFlag = true;
                    attrs.put("chapters", new ArrayList<>());
                    context.put("psc_chapters", attrs);
                }
            }
            case "psc_chapter" -> {
                if (pscChaptersFlag && context().get("psc_chapters") instanceof Map<?, ?> chapters) {
                    attrs.put("start_parsed", FeedFieldsValues.chapterStart(str(attrs.get("start"))));
                    @SuppressWarnings("unchecked")
                    List<Object> list = (List<Object>) ((Map<String, Object>) chapters).get("chapters");
                    list.add(attrs);
                }
            }
            case "cc_license" -> {
                String value = str(attrs.get("rdf:resource"));
                Map<String, Object> link = dict("rel", "license");
                if (value != null && !value.isEmpty()) {
                    link.put("href", value);
                }
                list(context(), "links").add(link);
            }
            case "creativecommons_license" -> push("license", true);
            case "admin_generatoragent", "admin_errorreportsto" -> {
                String element = name.equals("admin_generatoragent") ? "generator" : "errorreportsto";
                push(element, true);
                String value = str(attrs.get("rdf:resource"));
                if (value != null && !value.isEmpty()) {
                    elementstack.getLast().pieces.add(value);
                }
                pop(element, true);
                if (element.equals("generator")) {
                    context().put("generator_detail", dict("href", value));
                }
            }
            case "georss_point", "georss_line", "georss_polygon", "georss_box" -> {
                push("geometry", false);
                context().put("where", new LinkedHashMap<String, Object>());
            }
            case "where", "georss_where" -> {
                push("where", false);
                context().put("where", new LinkedHashMap<String, Object>());
            }
            case "gml_point", "gml_linestring", "gml_polygon", "gml_linearring", "gml_exterior" -> {
                if (!name.equals("gml_linearring") && !name.equals("gml_exterior")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> where = (Map<String, Object>)
                            context().computeIfAbsent("where", k -> new LinkedHashMap<String, Object>());
                    where.put("srsName", attrs.get("srsname"));
                    int dims = 2;
                    try {
                        dims = Integer.parseInt(Objects.toString(attrs.getOrDefault("srsdimension", "2")));
                    } catch (NumberFormatException e) {
                        dims = 2;
                    }
                    where.put("srsDimension", dims);
                }
                geometryKind =
                        name.equals("gml_point") ? "point" : name.equals("gml_linestring") ? "linestring" : "polygon";
                push("geometry", false);
            }
            case "gml_pos", "gml_poslist" -> push("pos", false);
            default -> {
                return false;
            }
        }
        return true;
    }

    private String geometryKind;

    /** Calls the end handler for this element, if it has one; false when it has none. */
    private boolean end(String name) {
        switch (name) {
            case "channel", "feed" -> infeed = 0;
            case "image" -> {
                pop("image", true);
                inimage = 0;
            }
            case "textinput" -> {
                pop("textinput", true);
                intextinput = 0;
            }
            case "author", "managingeditor", "dc_author", "dc_creator", "itunes_author" -> {
                pop("author", true);
                inauthor = 0;
                syncAuthorDetail("author");
            }
            case "contributor" -> {
                pop("contributor", true);
                incontributor = 0;
            }
            case "dc_contributor" -> {
                endName();
                incontributor = 0;
            }
            case "name", "itunes_name" -> endName();
            case "width", "height" -> {
                String value = pop(name, true);
                int v;
                try {
                    v = Integer.parseInt(value == null ? "" : value.strip());
                } catch (NumberFormatException e) {
                    v = 0;
                }
                if (inimage > 0) {
                    context().put(name, v);
                }
            }
            case "url", "homepage", "uri" -> {
                String value = pop("href", true);
                if (inauthor > 0) {
                    saveAuthor("href", value, "author");
                } else if (incontributor > 0) {
                    saveContributor("href", value);
                }
            }
            case "email", "itunes_email" -> {
                String value = pop("email", true);
                if (inpublisher > 0) {
                    saveAuthor("email", value, "publisher");
                } else if (inauthor > 0) {
                    saveAuthor("email", value, "author");
                } else if (incontributor > 0) {
                    saveContributor("email", value);
                }
            }
            case "subtitle", "tagline", "itunes_subtitle" -> popContent("subtitle");
            case "rights", "copyright", "dc_rights" -> popContent("rights");
            case "item", "entry" -> {
                pop("item", true);
                inentry = 0;
                hasContent = false;
            }
            case "language", "dc_language" -> lang = pop("language", true);
            case "webmaster", "dc_publisher" -> {
                pop("publisher", true);
                syncAuthorDetail("publisher");
            }
            case "published", "issued", "pubdate", "dcterms_issued" -> endDate("published");
            case "updated", "modified", "lastbuilddate", "dc_date", "dcterms_modified" -> endDate("updated");
            case "created", "dcterms_created" -> endDate("created");
            case "expirationdate" -> endDate("expired");
            case "category", "keywords", "dc_subject", "media_category", "itunes_category" -> endCategory();
            case "itunes_keywords", "media_keywords" -> {
                String value = pop(name, true);
                for (String term : (value == null ? "" : value).split(",")) {
                    if (!term.isBlank()) {
                        addTag(term.strip(), name.equals("itunes_keywords") ? "http://www.itunes.com/" : null, null);
                    }
                }
            }
            case "link" -> pop("link", true);
            case "guid", "id" -> {
                String value = pop("id", true);
                save("guidislink", guidislink && !context().containsKey("link"), false);
                if (guidislink) {
                    save("link", value, false);
                }
            }
            case "title", "dc_title", "media_title" -> {
                int keep = titleDepth;
                String value = popContent("title");
                if (value != null && !value.isEmpty()) {
                    titleDepth = depth;
                }
                if (name.equals("media_title")) {
                    titleDepth = keep;
                }
            }
            case "description", "abstract", "dc_description", "media_description" -> {
                if ("content".equals(summaryKey)) {
                    endContent();
                } else {
                    popContent("description");
                }
                summaryKey = null;
            }
            case "info", "feedburner_browserfriendly" -> popContent("info");
            case "generator" -> {
                String value = pop("generator", true);
                if (context().get("generator_detail") instanceof Map<?, ?> detail) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> d = (Map<String, Object>) detail;
                    d.put("name", value);
                }
            }
            case "summary", "itunes_summary" -> {
                if ("content".equals(summaryKey)) {
                    endContent();
                } else {
                    popContent(summaryKey == null ? "summary" : summaryKey);
                }
                summaryKey = null;
            }
            case "source" -> {
                insource = 0;
                String value = pop("source", true);
                if (value != null && !value.isEmpty()) {
                    sourcedata.put("title", value);
                }
                context().put("source", FeedFieldsValues.deepCopy(sourcedata));
                sourcedata = new LinkedHashMap<>();
            }
            case "content", "body", "xhtml_body", "content_encoded", "fullitem" -> endContent();
            case "newlocation" -> {
                String url = pop("newlocation", true);
                if (context() == feeddata && url != null) {
                    feeddata.put("newlocation", Urls.resolve(baseuri, url.strip()));
                }
            }
            case "tags" -> {
                String value = pop("tags", true);
                for (String term : (value == null ? "" : value).split(",")) {
                    addTag(term.strip(), null, null);
                }
            }
            case "dcterms_valid" -> {
                String value = pop("validity", true);
                for (String detail : (value == null ? "" : value).split(";")) {
                    int eq = detail.indexOf('=');
                    if (eq > 0) {
                        String key = detail.substring(0, eq);
                        String v = detail.substring(eq + 1);
                        if (key.equals("start") || key.equals("end")) {
                            save("validity_" + key, v, true);
                            save("validity_" + key + "_parsed", FeedFieldsValues.dateTuple(v), true);
                        }
                    }
                }
            }
            case "itunes_owner" -> {
                pop("publisher", true);
                inpublisher = 0;
                syncAuthorDetail("publisher");
            }
            case "itunes_block" -> {
                String value = pop("itunes_block", false);
                context().put("itunes_block", "yes".equals(value) || "Yes".equals(value) ? 1 : 0);
            }
            case "itunes_explicit" -> {
                String value = pop("itunes_explicit", false);
                context()
                        .put(
                                "itunes_explicit",
                                "yes".equals(value) ? Boolean.TRUE : "clean".equals(value) ? Boolean.FALSE : null);
            }
            case "media_rating", "media_license" -> {
                String value = pop(name.equals("media_rating") ? "rating" : "license", true);
                if (value != null && !value.isBlank() && context().get(name) instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> d = (Map<String, Object>) m;
                    d.put("content", value);
                }
            }
            case "media_credit" -> {
                String value = pop("credit", true);
                if (value != null && !value.isBlank() && context().get("media_credit") instanceof List<?> l) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> last = (Map<String, Object>) l.getLast();
                    last.put("content", value);
                }
            }
            case "media_restriction" -> {
                String value = pop("restriction", true);
                if (value != null && !value.isBlank() && context().get(name) instanceof Map<?, ?> m) {
                    List<String> codes = new ArrayList<>();
                    for (String cc : value.split(" ")) {
                        codes.add(cc.strip().toLowerCase(Locale.ROOT));
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> d = (Map<String, Object>) m;
                    d.put("content", codes);
                }
            }
            case "media_thumbnail" -> {
                String url = pop("url", true);
                if (url != null && !url.isBlank() && context().get("media_thumbnail") instanceof List<?> l) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> last = (Map<String, Object>) l.getLast();
                    last.putIfAbsent("url", url);
                }
            }
            case "media_player" -> {
                String value = pop("media_player", true);
                if (context().get("media_player") instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> d = (Map<String, Object>) m;
                    d.put("content", value);
                }
            }
            case "psc_chapters" -> pscChaptersFlag = false;
            case "creativecommons_license" -> {
                String value = pop("license", true);
                Map<String, Object> context = context();
                Map<String, Object> link = dict("rel", "license");
                if (value != null && !value.isEmpty()) {
                    link.put("href", value);
                }
                list(context, "links").add(link);
                context.remove("license");
            }
            case "georss_point", "georss_line", "georss_polygon", "georss_box" -> {
                String value = pop("geometry", true);
                Map<String, Object> geometry = FeedFieldsValues.georss(name.substring(7), value, true, 2);
                if (geometry != null) {
                    saveWhere(geometry);
                }
            }
            case "where", "georss_where" -> pop("where", true);
            case "gml_pos", "gml_poslist" -> {
                String value = pop("pos", true);
                Object w = context().get("where");
                int dims = 2;
                if (w instanceof Map<?, ?> where && where.get("srsDimension") instanceof Integer d) {
                    dims = d;
                }
                String kind = name.equals("gml_pos") ? "point" : Objects.toString(geometryKind, "linestring");
                Map<String, Object> geometry =
                        FeedFieldsValues.georss(kind.equals("linestring") ? "line" : kind, value, true, dims);
                if (geometry != null) {
                    saveWhere(geometry);
                }
            }
            case "gml_point", "gml_linestring", "gml_polygon", "gml_linearring", "gml_exterior" -> {
                geometryKind = null;
                pop("geometry", true);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void saveWhere(Map<String, Object> geometry) {
        @SuppressWarnings("unchecked")
        Map<String, Object> where =
                (Map<String, Object>) context().computeIfAbsent("where", k -> new LinkedHashMap<String, Object>());
        where.putAll(geometry);
    }

    private void startRss(Map<String, Object> attrs) {
        if (version.isEmpty() || !version.startsWith("rss")) {
            String v = Objects.toString(attrs.getOrDefault("version", ""));
            String mapped = switch (v) {
                case "0.91" -> "rss091u";
                case "0.92" -> "rss092";
                case "0.93" -> "rss093";
                case "0.94" -> "rss094";
                default -> null;
            };
            version = mapped != null ? mapped : v.startsWith("2.") ? "rss20" : "rss";
        }
    }

    private void startFeed(Map<String, Object> attrs) {
        infeed = 1;
        if (version.isEmpty()) {
            String v = str(attrs.get("version"));
            version = v == null
                    ? "atom"
                    : switch (v) {
                        case "0.1" -> "atom01";
                        case "0.2" -> "atom02";
                        case "0.3" -> "atom03";
                        default -> "atom";
                    };
        }
    }

    private void cdfCommon(Map<String, Object> attrs) {
        if (attrs.containsKey("lastmod")) {
            push("updated", true);
            elementstack.getLast().pieces.add(str(attrs.get("lastmod")));
            endDate("updated");
        }
        if (attrs.containsKey("href")) {
            startLink(new LinkedHashMap<>());
            elementstack.getLast().pieces.add(str(attrs.get("href")));
            pop("link", true);
        }
    }

    private void startItem(Map<String, Object> attrs) {
        entries.add(new LinkedHashMap<>());
        push("item", false);
        inentry = 1;
        guidislink = false;
        titleDepth = -1;
        String id = str(attrs.get("rdf:about"));
        if (id != null && !id.isEmpty()) {
            context().put("id", id);
        }
        cdfCommon(attrs);
    }

    private void startCategory(Map<String, Object> attrs) {
        String term = str(attrs.get("term"));
        String scheme = str(attrs.containsKey("scheme") ? attrs.get("scheme") : attrs.get("domain"));
        String label = str(attrs.get("label"));
        addTag(term, scheme, label);
        push("category", true);
    }

    private void endCategory() {
        String value = pop("category", true);
        if (value == null || value.isEmpty()) {
            return;
        }
        List<Object> tags = list(context(), "tags");
        if (!tags.isEmpty() && tags.getLast() instanceof Map<?, ?> last) {
            Object term = last.get("term");
            if (term == null || term.toString().isEmpty()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> l = (Map<String, Object>) last;
                l.put("term", value);
                return;
            }
        }
        addTag(value, null, null);
    }

    private void addTag(String term, String scheme, String label) {
        List<Object> tags = list(context(), "tags");
        if (empty(term) && empty(scheme) && empty(label)) {
            return;
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("term", term);
        value.put("scheme", scheme);
        value.put("label", label);
        if (!tags.contains(value)) {
            tags.add(value);
        }
    }

    private void startLink(Map<String, Object> attrs) {
        attrs.putIfAbsent("rel", "alternate");
        if ("self".equals(attrs.get("rel"))) {
            attrs.putIfAbsent("type", "application/atom+xml");
        } else {
            attrs.putIfAbsent("type", "text/html");
        }
        Map<String, Object> context = context();
        attrs = enforceHref(attrs);
        if (attrs.containsKey("href")) {
            attrs.put("href", resolveUri(str(attrs.get("href"))));
        }
        boolean expectingText = infeed > 0 || inentry > 0 || insource > 0;
        List<Object> links = list(context, "links");
        if (!(inentry > 0 && inimage > 0)) {
            links.add(new LinkedHashMap<>(attrs));
        }
        if (attrs.containsKey("href")) {
            if ("alternate".equals(attrs.get("rel"))
                    && isHtmlType(FeedFieldsValues.mapContentType(str(attrs.get("type"))))) {
                context.put("link", attrs.get("href"));
            }
        } else {
            push("link", expectingText);
        }
    }

    private void startDescription(Map<String, Object> attrs) {
        if (context().containsKey("summary") && !hasContent) {
            summaryKey = "content";
            startContent(attrs);
        } else {
            pushContent("description", attrs, "text/html", infeed > 0 || inentry > 0 || insource > 0);
        }
    }

    private void startContent(Map<String, Object> attrs) {
        hasContent = true;
        pushContent("content", attrs, "text/plain", true);
        String src = str(attrs.get("src"));
        if (src != null && !src.isEmpty()) {
            contentparams.put("src", src);
        }
        push("content", true);
    }

    private void endContent() {
        String type = str(contentparams.get("type"));
        boolean copyToSummary = type != null
                && (FeedFieldsValues.mapContentType(type).equals("text/plain")
                        || isHtmlType(FeedFieldsValues.mapContentType(type)));
        String value = popContent("content");
        if (copyToSummary) {
            save("summary", value, false);
        }
    }

    private void endName() {
        String value = pop("name", true);
        if (inpublisher > 0) {
            saveAuthor("name", value, "publisher");
        } else if (inauthor > 0) {
            saveAuthor("name", value, "author");
        } else if (incontributor > 0) {
            saveContributor("name", value);
        } else if (intextinput > 0) {
            context().put("name", value);
        }
    }

    private void endDate(String element) {
        String value = pop(element, true);
        save(element + "_parsed", FeedFieldsValues.dateTuple(value), true);
    }

    // ------------------------------------------------------------------ the element stack

    private void push(String element, boolean expectingText) {
        elementstack.add(new Frame(element, expectingText));
    }

    private void pushContent(String tag, Map<String, Object> attrs, String defaultType, boolean expectingText) {
        incontent++;
        if (lang != null) {
            lang = lang.replace('_', '-');
        }
        contentparams.clear();
        contentparams.put(
                "type", FeedFieldsValues.mapContentType(Objects.toString(attrs.getOrDefault("type", defaultType))));
        contentparams.put("language", lang);
        contentparams.put("base", baseuri);
        contentBase64 = isBase64(attrs, str(contentparams.get("type")));
        push(tag, expectingText);
    }

    private String popContent(String tag) {
        String value = pop(tag, true);
        incontent--;
        contentparams.clear();
        return value;
    }

    private static boolean isBase64(Map<String, Object> attrs, String type) {
        if ("base64".equals(attrs.get("mode"))) {
            return true;
        }
        return !(type.startsWith("text/") || type.endsWith("+xml") || type.endsWith("/xml"));
    }

    private String pop(String element, boolean stripWhitespace) {
        if (elementstack.isEmpty() || !elementstack.getLast().element.equals(element)) {
            return null;
        }
        Frame frame = elementstack.removeLast();
        List<String> pieces = frame.pieces;
        if (version.equals("atom10") && XHTML.equals(typeOr("text"))) {
            pieces = FeedFieldsValues.unwrapDiv(pieces);
        }
        String output = String.join("", pieces);
        if (stripWhitespace) {
            output = output.strip();
        }
        if (!frame.expectingText) {
            return output;
        }
        if (contentBase64 && !contentparams.isEmpty()) {
            output = FeedFieldsValues.base64(output);
        }
        if (FeedFieldsValues.CAN_BE_RELATIVE_URI.contains(element) && !output.isEmpty()) {
            if (!element.equals("id") || guidislink) {
                output = resolveUri(output);
            }
        }
        if (!version.startsWith("atom") && "text/plain".equals(contentparams.get("type"))) {
            if (FeedFieldsValues.looksLikeHtml(output)) {
                contentparams.put("type", "text/html");
            }
        }
        contentBase64 = false;
        output = FeedFieldsValues.fixDoubleUtf8(output);
        output = FeedFieldsValues.cp1252(output);
        if (element.equals("category") || element.equals("tags") || element.equals("itunes_keywords")) {
            return output;
        }
        if (element.equals("title") && -1 < titleDepth && titleDepth <= depth) {
            return output;
        }
        if (inentry > 0 && insource == 0) {
            Map<String, Object> entry = entries.getLast();
            if (element.equals("content")) {
                Map<String, Object> detail = new LinkedHashMap<>(contentparams);
                detail.put("value", output);
                list(entry, "content").add(detail);
            } else if (element.equals("link")) {
                if (inimage == 0) {
                    output = FeedFieldsValues.fixLinkQuery(output.replace("&amp;", "&"));
                    entry.put("link", output);
                    if (!output.isEmpty() && entry.get("links") instanceof List<?> links && !links.isEmpty()) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> last = (Map<String, Object>) links.getLast();
                        last.put("href", output);
                    }
                }
            } else {
                String key = element.equals("description") ? "summary" : element;
                Map<String, Integer> depths = propertyDepthMap.computeIfAbsent(entry, k -> new HashMap<>());
                Integer old = depths.get(key);
                if (old == null || depth <= old) {
                    depths.put(key, depth);
                    entry.put(key, output);
                }
                if (incontent > 0) {
                    Map<String, Object> detail = new LinkedHashMap<>(contentparams);
                    detail.put("value", output);
                    entry.put(key + "_detail", detail);
                }
            }
        } else if (infeed > 0 || insource > 0) {
            Map<String, Object> context = context();
            String key = element.equals("description") ? "subtitle" : element;
            context.put(key, output);
            if (key.equals("link")) {
                output = FeedFieldsValues.fixLinkQuery(output);
                context.put(key, output);
                if (context.get("links") instanceof List<?> links && !links.isEmpty()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> last = (Map<String, Object>) links.getLast();
                    last.put("href", output);
                }
            } else if (incontent > 0) {
                Map<String, Object> detail = new LinkedHashMap<>(contentparams);
                detail.put("value", output);
                context.put(key + "_detail", detail);
            }
        }
        return output;
    }

    // ------------------------------------------------------------------ contexts, people

    private Map<String, Object> context() {
        if (insource > 0) {
            return sourcedata;
        }
        if (inimage > 0 && feeddata.get("image") instanceof Map<?, ?> image) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) image;
            return m;
        }
        if (intextinput > 0) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>)
                    feeddata.computeIfAbsent("textinput", k -> new LinkedHashMap<String, Object>());
            return m;
        }
        if (inentry > 0) {
            return entries.getLast();
        }
        return feeddata;
    }

    private void save(String key, Object value, boolean overwrite) {
        Map<String, Object> context = context();
        if (overwrite) {
            context.put(key, value);
        } else {
            context.putIfAbsent(key, value);
        }
    }

    private void saveAuthor(String key, String value, String prefix) {
        Map<String, Object> context = context();
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = (Map<String, Object>)
                context.computeIfAbsent(prefix + "_detail", k -> new LinkedHashMap<String, Object>());
        detail.put(key, value);
        syncAuthorDetail("author");
        @SuppressWarnings("unchecked")
        List<Object> authors = (List<Object>) context.computeIfAbsent("authors", k -> {
            List<Object> l = new ArrayList<>();
            l.add(new LinkedHashMap<String, Object>());
            return l;
        });
        if (authors.isEmpty()) {
            authors.add(new LinkedHashMap<String, Object>());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> last = (Map<String, Object>) authors.getLast();
        last.put(key, value);
    }

    private void saveContributor(String key, String value) {
        Map<String, Object> context = context();
        @SuppressWarnings("unchecked")
        List<Object> contributors = (List<Object>) context.computeIfAbsent("contributors", k -> {
            List<Object> l = new ArrayList<>();
            l.add(new LinkedHashMap<String, Object>());
            return l;
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> last = (Map<String, Object>) contributors.getLast();
        last.put(key, value);
    }

    @SuppressWarnings("unchecked")
    private void syncAuthorDetail(String key) {
        Map<String, Object> context = context();
        Map<String, Object> detail = new LinkedHashMap<>();
        if (context.get(key + "s") instanceof List<?> l && !l.isEmpty() && l.getLast() instanceof Map<?, ?> m) {
            detail = (Map<String, Object>) m;
        }
        if (!detail.isEmpty()) {
            String name = str(detail.get("name"));
            String email = str(detail.get("email"));
            if (!empty(name) && !empty(email)) {
                context.put(key, name + " (" + email + ")");
            } else if (!empty(name)) {
                context.put(key, name);
            } else if (!empty(email)) {
                context.put(key, email);
            }
            return;
        }
        String author = str(context.get(key));
        if (empty(author)) {
            return;
        }
        String[] split = FeedFieldsValues.splitAuthor(author);
        String name = split[0];
        String email = split[1];
        if (!empty(name) || email != null) {
            context.putIfAbsent(key + "_detail", detail);
        }
        if (!empty(name)) {
            detail.put("name", name);
        }
        if (email != null) {
            detail.put("email", email);
        }
    }

    private Map<String, Object> enforceHref(Map<String, Object> attrs) {
        Object href = attrs.containsKey("url")
                ? attrs.get("url")
                : attrs.containsKey("uri") ? attrs.get("uri") : attrs.get("href");
        if (href != null && !href.toString().isEmpty()) {
            attrs.remove("url");
            attrs.remove("uri");
            attrs.put("href", href);
        }
        return attrs;
    }

    private String resolveUri(String uri) {
        return Urls.resolve(baseuri == null || baseuri.isEmpty() ? null : baseuri, uri);
    }

    private static boolean isHtmlType(String type) {
        return "text/html".equals(type) || XHTML.equals(type);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> context, String key) {
        Object v = context.get(key);
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        List<Object> l = new ArrayList<>();
        context.put(key, l);
        return l;
    }

    private static Map<String, Object> dict(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }
}
