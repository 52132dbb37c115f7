package org.callisto.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.callisto.html.HtmlSanitizer;
import org.callisto.planet.parse.FeedFields;
import org.callisto.planet.parse.ParsedFeed;

/**
 * Writes a parsed feed as {@code callisto parse} prints it: feedparser's top-level shape ({@code bozo},
 * {@code bozo_exception}, {@code encoding}, {@code version}, {@code namespaces}, {@code feed}, {@code entries}), with
 * feedparser's derived keys ({@code enclosures}, {@code license}) spelled out, plus Callisto's own additions under
 * their own names ({@code problems} with line:column, {@code podcast}). HTML text constructs are sanitized as the
 * planet stores them unless raw output is asked for. Stateless and thread-safe.
 */
final class FeedFieldsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedFieldsJson() {}

    /** Fills {@code line} with the feed's fields; {@code raw} leaves HTML as the document has it. */
    static void write(ObjectNode line, ParsedFeed parsed, boolean raw) {
        FeedFields f = parsed.fields();
        line.put("bozo", f.bozo() ? 1 : 0);
        if (f.bozoException() != null) {
            line.put("bozo_exception", f.bozoException());
        }
        line.put("encoding", f.encoding());
        line.put("version", f.version());
        line.set("namespaces", JSON.valueToTree(f.namespaces()));
        ArrayNode problems = line.putArray("problems");
        parsed.problems().forEach(p -> problems.add(p.toString()));
        HtmlSanitizer sanitizer = raw ? null : HtmlSanitizer.aggregated();
        line.set("feed", JSON.valueToTree(finish(f.feed(), sanitizer)));
        ArrayNode entries = line.putArray("entries");
        for (Map<String, Object> e : f.entries()) {
            entries.add(JSON.valueToTree(finish(e, sanitizer)));
        }
    }

    /** Adds the derived keys and sanitizes HTML, in a copy of the map. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> finish(Map<String, Object> source, HtmlSanitizer sanitizer) {
        Map<String, Object> m = (Map<String, Object>) copy(source);
        if (m.get("links") instanceof List<?> links) {
            List<Object> enclosures = new java.util.ArrayList<>();
            for (Object o : links) {
                if (o instanceof Map<?, ?> link && "enclosure".equals(link.get("rel"))) {
                    Map<String, Object> e = new java.util.LinkedHashMap<>((Map<String, Object>) link);
                    e.remove("rel");
                    enclosures.add(e);
                } else if (o instanceof Map<?, ?> link
                        && "license".equals(link.get("rel"))
                        && link.get("href") != null
                        && !m.containsKey("license")) {
                    m.put("license", link.get("href"));
                }
            }
            m.put("enclosures", enclosures);
        } else if (m.containsKey("id") || m.containsKey("title")) {
            m.putIfAbsent("enclosures", List.of());
        }
        if (sanitizer != null) {
            sanitize(m, sanitizer, new IdentityHashMap<>());
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static void sanitize(Map<String, Object> m, HtmlSanitizer sanitizer, Map<Object, Boolean> seen) {
        if (seen.put(m, Boolean.TRUE) != null) {
            return;
        }
        Map<String, String> cleaned = new java.util.HashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String key = e.getKey();
            if (key.endsWith("_detail") && e.getValue() instanceof Map<?, ?> detail && isHtml(detail.get("type"))) {
                String field = key.substring(0, key.length() - "_detail".length());
                Map<String, Object> d = (Map<String, Object>) detail;
                if (d.get("value") instanceof String raw) {
                    String clean = sanitizer.sanitize(raw, (String) d.get("base"));
                    d.put("value", clean);
                    if (raw.equals(m.get(field))) {
                        cleaned.put(field, clean);
                    }
                }
            }
        }
        if (m.get("content") instanceof List<?> contents) {
            for (Object o : contents) {
                if (o instanceof Map<?, ?> c && isHtml(c.get("type")) && c.get("value") instanceof String raw) {
                    String clean = sanitizer.sanitize(raw, (String) c.get("base"));
                    ((Map<String, Object>) c).put("value", clean);
                    if (raw.equals(m.get("summary")) && !m.containsKey("summary_detail")) {
                        cleaned.put("summary", clean);
                    }
                }
            }
        }
        m.putAll(cleaned);
        for (Object v : m.values()) {
            if (v instanceof Map<?, ?> child) {
                sanitize((Map<String, Object>) child, sanitizer, seen);
            }
        }
    }

    private static boolean isHtml(Object type) {
        return "text/html".equals(type) || "application/xhtml+xml".equals(type);
    }

    private static Object copy(Object o) {
        if (o instanceof Map<?, ?> map) {
            Map<String, Object> c = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> c.put(String.valueOf(k), copy(v)));
            return c;
        }
        if (o instanceof List<?> list) {
            List<Object> c = new java.util.ArrayList<>(list.size());
            list.forEach(v -> c.add(copy(v)));
            return c;
        }
        return o;
    }
}
