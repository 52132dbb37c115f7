package org.callisto.planet.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * feedparser's handlers for the structure of a feed and its entries: the root and channel (format version), items,
 * images and text inputs, ids and guids, links and enclosures, categories and tags, dates, generator, source,
 * cloud and the rest of the core RSS, RDF, Atom and CDF elements.
 *
 * <p>Not thread-safe: one instance builds one document's fields.
 */
abstract class FeedFieldsElements extends FeedFieldsTextConstructs {
    /** Calls the start handler for this element, if it is one of these; false when it is not. */
    boolean elementStart(String name, Map<String, Object> attrs) {
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
            case "width" -> push("width", false);
            case "height" -> push("height", false);
            case "item", "entry" -> startItem(attrs);
            case "language", "dc_language" -> push("language", true);
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
            case "generator" -> {
                Map<String, Object> a = enforceHref(attrs);
                if (a.containsKey("href")) {
                    a.put("href", resolveUri(str(a.get("href"))));
                }
                context().put("generator_detail", new LinkedHashMap<>(a));
                push("generator", true);
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
            case "newlocation" -> push("newlocation", true);
            case "tags" -> push("tags", true);
            case "dcterms_valid" -> push("validity", true);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Calls the end handler for this element, if it is one of these; false when it is not. */
    boolean elementEnd(String name) {
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
            case "item", "entry" -> {
                pop("item", true);
                inentry = 0;
                hasContent = false;
            }
            case "language", "dc_language" -> lang = pop("language", true);
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
            case "generator" -> {
                String value = pop("generator", true);
                if (context().get("generator_detail") instanceof Map<?, ?> detail) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> d = (Map<String, Object>) detail;
                    d.put("name", value);
                }
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
            default -> {
                return false;
            }
        }
        return true;
    }

    void startRss(Map<String, Object> attrs) {
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

    void startFeed(Map<String, Object> attrs) {
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

    void cdfCommon(Map<String, Object> attrs) {
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

    void startItem(Map<String, Object> attrs) {
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

    void startCategory(Map<String, Object> attrs) {
        String term = str(attrs.get("term"));
        String scheme = str(attrs.containsKey("scheme") ? attrs.get("scheme") : attrs.get("domain"));
        String label = str(attrs.get("label"));
        addTag(term, scheme, label);
        push("category", true);
    }

    void endCategory() {
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

    void addTag(String term, String scheme, String label) {
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

    void startLink(Map<String, Object> attrs) {
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

    void endDate(String element) {
        String value = pop(element, true);
        save(element + "_parsed", FeedFieldsValues.dateTuple(value), true);
    }
}
