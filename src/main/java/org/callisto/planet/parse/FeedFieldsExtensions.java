package org.callisto.planet.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * feedparser's handlers for extension namespaces: Media RSS (rating, credit, restriction, license, content,
 * thumbnail, player), iTunes (owner, image, block, explicit), Podlove Simple Chapters, Creative Commons licenses,
 * admin generator agent, GeoRSS and GML geometries.
 *
 * <p>Not thread-safe: one instance builds one document's fields.
 */
abstract class FeedFieldsExtensions extends FeedFieldsPeople {
    /** The GML geometry being read: point, linestring or polygon. */
    String geometryKind;

    /** Calls the start handler for this element, if it is one of these; false when it is not. */
    boolean extensionStart(String name, Map<String, Object> attrs) {
        switch (name) {
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

    /** Calls the end handler for this element, if it is one of these; false when it is not. */
    boolean extensionEnd(String name) {
        switch (name) {
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

    void saveWhere(Map<String, Object> geometry) {
        @SuppressWarnings("unchecked")
        Map<String, Object> where =
                (Map<String, Object>) context().computeIfAbsent("where", k -> new LinkedHashMap<String, Object>());
        where.putAll(geometry);
    }
}
