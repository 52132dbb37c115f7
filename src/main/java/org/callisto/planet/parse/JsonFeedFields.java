package org.callisto.planet.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The feedparser-shaped {@link FeedFields} of a JSON Feed, made from its parsed model (feedparser itself reads no
 * JSON Feed; the names are the ones it uses for the same facts in RSS and Atom, version {@code json10} or
 * {@code json11}). Stateless and thread-safe.
 */
final class JsonFeedFields {
    private JsonFeedFields() {}

    static FeedFields of(ParsedFeed f) {
        Map<String, Object> feed = new LinkedHashMap<>();
        text(feed, "title", f.title(), "text/plain");
        if (f.link() != null) {
            feed.put("link", f.link());
        }
        List<Object> links = new ArrayList<>();
        link(links, "alternate", "text/html", f.link());
        link(links, "self", "application/feed+json", f.feedUrl());
        if (!links.isEmpty()) {
            feed.put("links", links);
        }
        text(feed, "subtitle", f.description(), "text/html");
        if (f.imageUrl() != null) {
            feed.put("image", Map.of("href", f.imageUrl()));
        }
        people(feed, f.authors());
        if (f.language() != null) {
            feed.put("language", f.language());
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (ParsedEntry e : f.entries()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            if (e.id() != null) {
                entry.put("id", e.id());
                entry.put("guidislink", false);
            }
            text(entry, "title", e.title(), "text/plain");
            List<Object> el = new ArrayList<>();
            link(el, "alternate", "text/html", e.link());
            if (e.link() != null) {
                entry.put("link", e.link());
            }
            for (Enclosure x : e.enclosures()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rel", "enclosure");
                m.put("href", x.url());
                if (x.type() != null) {
                    m.put("type", x.type());
                }
                if (x.length() >= 0) {
                    m.put("length", Long.toString(x.length()));
                }
                el.add(m);
            }
            if (!el.isEmpty()) {
                entry.put("links", el);
            }
            text(entry, "summary", e.summary() != null ? e.summary() : e.content(), "text/html");
            if (e.content() != null) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("type", "text/html");
                c.put("language", null);
                c.put("base", e.baseUrl() == null ? "" : e.baseUrl());
                c.put("value", e.content());
                entry.put("content", List.of(c));
            }
            date(entry, "published", e.published());
            date(entry, "updated", e.updated());
            people(entry, e.authors());
            if (!e.categories().isEmpty()) {
                List<Object> tags = new ArrayList<>();
                for (String t : e.categories()) {
                    Map<String, Object> tag = new LinkedHashMap<>();
                    tag.put("term", t);
                    tag.put("scheme", null);
                    tag.put("label", null);
                    tags.add(tag);
                }
                entry.put("tags", tags);
            }
            entries.add(entry);
        }
        String version = f.format().replace(".", "").toLowerCase(Locale.ROOT);
        return new FeedFields(
                f.illFormed(),
                f.illFormed() && !f.problems().isEmpty()
                        ? f.problems().getFirst().toString()
                        : null,
                f.encoding() == null ? null : f.encoding().toLowerCase(Locale.ROOT),
                version,
                Map.of(),
                feed,
                entries);
    }

    private static void text(Map<String, Object> into, String key, String value, String type) {
        if (value == null) {
            return;
        }
        into.put(key, value);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("type", type);
        detail.put("language", null);
        detail.put("base", "");
        detail.put("value", value);
        into.put(key + "_detail", detail);
    }

    private static void link(List<Object> links, String rel, String type, String href) {
        if (href != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rel", rel);
            m.put("type", type);
            m.put("href", href);
            links.add(m);
        }
    }

    private static void date(Map<String, Object> into, String key, Instant t) {
        if (t != null) {
            into.put(key, t.toString());
            into.put(key + "_parsed", FeedFieldsValues.dateTuple(t.toString()));
        }
    }

    private static void people(Map<String, Object> into, List<Person> people) {
        if (people.isEmpty()) {
            return;
        }
        List<Object> authors = new ArrayList<>();
        for (Person p : people) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (p.name() != null) {
                m.put("name", p.name());
            }
            if (p.email() != null) {
                m.put("email", p.email());
            }
            if (p.uri() != null) {
                m.put("href", p.uri());
            }
            authors.add(m);
        }
        into.put("authors", authors);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) authors.getFirst();
        into.put("author_detail", first);
        Object name = first.get("name") != null ? first.get("name") : first.get("email");
        if (name != null) {
            into.put("author", name);
        }
    }
}
