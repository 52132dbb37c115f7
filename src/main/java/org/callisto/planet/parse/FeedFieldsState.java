package org.callisto.planet.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of {@link FeedFieldsBuilder} as feedparser keeps it: the contexts (feed, entry, image, text input,
 * source), the element stack with its text pieces, the content parameters of the open text construct, the xml:base
 * and xml:lang stacks; and the stack operations every handler uses ({@code push}, {@code pop}, {@code save}).
 *
 * <p>Not thread-safe: one instance builds one document's fields.
 */
abstract class FeedFieldsState {
    static final String XHTML = "application/xhtml+xml";

    final Map<String, Object> feeddata = new LinkedHashMap<>();
    final List<Map<String, Object>> entries = new ArrayList<>();
    String version = "";
    final Map<String, String> namespacesInUse = new LinkedHashMap<>();
    final Map<String, String> namespacemap = new HashMap<>();
    int infeed;
    int inentry;
    int incontent;
    int intextinput;
    int inimage;
    int inauthor;
    int incontributor;
    int inpublisher;
    int insource;
    Map<String, Object> sourcedata = new LinkedHashMap<>();
    final Map<String, Object> contentparams = new LinkedHashMap<>();
    boolean contentBase64;
    String summaryKey;
    final List<Frame> elementstack = new ArrayList<>();
    final List<String> basestack = new ArrayList<>();
    final List<String> langstack = new ArrayList<>();
    String baseuri;
    String lang;
    int svgOK;
    int titleDepth = -1;
    int depth;
    boolean hasContent;
    boolean guidislink;
    boolean pscChaptersFlag;
    final Map<Object, Map<String, Integer>> propertyDepthMap = new IdentityHashMap<>();

    /** One open element on feedparser's element stack: its name, whether its text is kept, and its text pieces. */
    static final class Frame {
        final String element;
        final boolean expectingText;
        final List<String> pieces = new ArrayList<>(2);

        Frame(String element, boolean expectingText) {
            this.element = element;
            this.expectingText = expectingText;
        }
    }

    String typeOr(String fallback) {
        Object t = contentparams.get("type");
        return t == null ? fallback : t.toString();
    }

    void handleData(String text, boolean escape) {
        if (elementstack.isEmpty()) {
            return;
        }
        if (escape && XHTML.equals(contentparams.get("type"))) {
            text = FeedFieldsValues.escapeXml(text);
        }
        elementstack.getLast().pieces.add(text);
    }

    void push(String element, boolean expectingText) {
        elementstack.add(new Frame(element, expectingText));
    }

    void pushContent(String tag, Map<String, Object> attrs, String defaultType, boolean expectingText) {
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

    String popContent(String tag) {
        String value = pop(tag, true);
        incontent--;
        contentparams.clear();
        return value;
    }

    static boolean isBase64(Map<String, Object> attrs, String type) {
        if ("base64".equals(attrs.get("mode"))) {
            return true;
        }
        return !(type.startsWith("text/") || type.endsWith("+xml") || type.endsWith("/xml"));
    }

    String pop(String element, boolean stripWhitespace) {
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

    Map<String, Object> context() {
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

    void save(String key, Object value, boolean overwrite) {
        Map<String, Object> context = context();
        if (overwrite) {
            context.put(key, value);
        } else {
            context.putIfAbsent(key, value);
        }
    }

    Map<String, Object> enforceHref(Map<String, Object> attrs) {
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

    String resolveUri(String uri) {
        return Urls.resolve(baseuri == null || baseuri.isEmpty() ? null : baseuri, uri);
    }

    static boolean isHtmlType(String type) {
        return "text/html".equals(type) || XHTML.equals(type);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> context, String key) {
        Object v = context.get(key);
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        List<Object> l = new ArrayList<>();
        context.put(key, l);
        return l;
    }

    static Map<String, Object> dict(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }

    static boolean empty(String s) {
        return s == null || s.isEmpty();
    }
}
