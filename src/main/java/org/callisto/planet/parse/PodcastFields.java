package org.callisto.planet.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads what podcast apps need from an RSS feed into a {@code podcast} map per feed and per entry, under Callisto's
 * own names: iTunes (duration in seconds, explicit, episode and season numbers, episode type, subtitle, owner,
 * keywords, new-feed-url, type, block), Podlove Simple Chapters, paged-feed links ({@code atom:link rel=next/first/
 * last/previous}), payment links, and the Podcasting 2.0 namespace (guid, locked, funding, transcript, chapters,
 * person, location, season and episode names, soundbite, license, medium, alternateEnclosure with sources and
 * integrity, value and valueRecipient, podroll, remoteItem, updateFrequency, trailer, txt, liveItem). Podcastparser
 * exposes the same facts; the names are documented in {@code docs/feed-parsing.md}. Stateless and thread-safe.
 */
final class PodcastFields {
    private PodcastFields() {}

    /** Adds a {@code podcast} map to the feed and to each entry that has podcast data. */
    static void addTo(XmlElement root, Map<String, Object> feed, List<Map<String, Object>> entries) {
        if (root == null) {
            return;
        }
        XmlElement channel = root.local.equalsIgnoreCase("channel") ? root : child(root, "", "channel");
        if (channel == null) {
            return;
        }
        Map<String, Object> p = common(channel);
        put(p, "new_feed_url", text(child(channel, "itunes", "new-feed-url")));
        put(p, "type", lower(text(child(channel, "itunes", "type"))));
        XmlElement owner = child(channel, "itunes", "owner");
        if (owner != null) {
            Map<String, Object> o = new LinkedHashMap<>();
            put(o, "name", text(child(owner, "itunes", "name")));
            put(o, "email", text(child(owner, "itunes", "email")));
            put(p, "owner", o);
        }
        List<Object> categories = new ArrayList<>();
        itunesCategories(channel, categories);
        put(p, "categories", categories);
        XmlElement locked = child(channel, "podcast", "locked");
        if (locked != null) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("locked", "yes".equalsIgnoreCase(text(locked)) || "true".equalsIgnoreCase(text(locked)));
            put(l, "owner", locked.attr("owner"));
            p.put("locked", l);
        }
        put(p, "guid", text(child(channel, "podcast", "guid")));
        put(p, "medium", text(child(channel, "podcast", "medium")));
        XmlElement freq = child(channel, "podcast", "updateFrequency");
        if (freq != null) {
            Map<String, Object> f = attrs(freq, "complete", "dtstart", "rrule");
            put(f, "text", text(freq));
            p.put("update_frequency", f);
        }
        put(p, "trailers", all(channel, "trailer", "url", "pubdate", "length", "type", "season"));
        put(p, "podroll", remoteItems(child(channel, "podcast", "podroll")));
        put(p, "remote_items", remoteItems(channel));
        Map<String, Object> paging = new LinkedHashMap<>();
        for (XmlElement link : channel.children("atom", "link")) {
            String rel = link.attr("rel");
            if (rel != null
                    && List.of("next", "previous", "prev", "first", "last").contains(rel)) {
                put(paging, rel.equals("prev") ? "previous" : rel, Urls.resolve(link.base, link.attr("href")));
            }
        }
        put(p, "paged_feed", paging);
        List<Object> live = new ArrayList<>();
        for (XmlElement item : channel.children("podcast", "liveItem")) {
            Map<String, Object> l = attrs(item, "status", "start", "end");
            put(l, "title", text(child(item, "", "title")));
            put(l, "guid", text(child(item, "", "guid")));
            XmlElement enclosure = child(item, "", "enclosure");
            if (enclosure != null) {
                l.put("enclosure", attrs(enclosure, "url", "type", "length"));
            }
            put(l, "podcast", common(item));
            live.add(l);
        }
        put(p, "live_items", live);
        put(feed, "podcast", p);

        List<XmlElement> items = new ArrayList<>(channel.children("", "item"));
        if (channel != root) {
            items.addAll(root.children("", "item"));
        }
        for (int i = 0; i < items.size() && i < entries.size(); i++) {
            put(entries.get(i), "podcast", item(items.get(i)));
        }
    }

    private static Map<String, Object> item(XmlElement item) {
        Map<String, Object> p = common(item);
        put(p, "duration", duration(text(child(item, "itunes", "duration"))));
        put(p, "episode", integer(text(child(item, "itunes", "episode"))));
        put(p, "season", integer(text(child(item, "itunes", "season"))));
        put(p, "episode_type", lower(text(child(item, "itunes", "episodeType"))));
        XmlElement episode = child(item, "podcast", "episode");
        if (episode != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            put(e, "number", number(text(episode)));
            put(e, "display", episode.attr("display"));
            p.put("podcast_episode", e);
        }
        XmlElement season = child(item, "podcast", "season");
        if (season != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            put(s, "number", integer(text(season)));
            put(s, "name", season.attr("name"));
            p.put("podcast_season", s);
        }
        put(p, "transcripts", all(item, "transcript", "url", "type", "language", "rel"));
        XmlElement chapters = child(item, "podcast", "chapters");
        if (chapters != null) {
            p.put("chapters_url", attrs(chapters, "url", "type"));
        }
        XmlElement psc = child(item, "http://podlove.org/simple-chapters", "chapters");
        if (psc != null) {
            List<Object> list = new ArrayList<>();
            for (XmlElement c : psc.children()) {
                if (c.local.equals("chapter")) {
                    Map<String, Object> ch = new LinkedHashMap<>();
                    put(ch, "start", FeedFieldsValues.chapterStart(c.attr("start")));
                    put(ch, "title", c.attr("title"));
                    put(ch, "href", c.attr("href"));
                    put(ch, "image", c.attr("image"));
                    list.add(ch);
                }
            }
            put(p, "chapters", list);
        }
        put(p, "soundbites", all(item, "soundbite", "startTime", "duration"));
        List<Object> alternates = new ArrayList<>();
        for (XmlElement alt : item.children("podcast", "alternateEnclosure")) {
            Map<String, Object> a =
                    attrs(alt, "type", "length", "bitrate", "height", "lang", "title", "rel", "codecs", "default");
            List<Object> sources = new ArrayList<>();
            for (XmlElement s : alt.children("podcast", "source")) {
                sources.add(attrs(s, "uri", "contentType"));
            }
            put(a, "sources", sources);
            XmlElement integrity = child(alt, "podcast", "integrity");
            if (integrity != null) {
                a.put("integrity", attrs(integrity, "type", "value"));
            }
            alternates.add(a);
        }
        put(p, "alternate_enclosures", alternates);
        return p;
    }

    /** What channels, items and live items share. */
    private static Map<String, Object> common(XmlElement el) {
        Map<String, Object> p = new LinkedHashMap<>();
        put(p, "explicit", explicit(text(child(el, "itunes", "explicit"))));
        put(p, "subtitle", text(child(el, "itunes", "subtitle")));
        put(p, "summary", text(child(el, "itunes", "summary")));
        put(p, "author", text(child(el, "itunes", "author")));
        String block = text(child(el, "itunes", "block"));
        if (block != null) {
            p.put("block", block.equalsIgnoreCase("yes"));
        }
        XmlElement image = child(el, "itunes", "image");
        if (image != null) {
            put(p, "image", Urls.resolve(image.base, image.attr("href")));
        }
        String keywords = text(child(el, "itunes", "keywords"));
        if (keywords != null) {
            List<Object> k = new ArrayList<>();
            for (String s : keywords.split(",")) {
                if (!s.isBlank()) {
                    k.add(s.strip());
                }
            }
            put(p, "keywords", k);
        }
        List<Object> funding = new ArrayList<>();
        for (XmlElement f : el.children("podcast", "funding")) {
            Map<String, Object> m = attrs(f, "url");
            put(m, "text", text(f));
            funding.add(m);
        }
        for (XmlElement l : el.children("atom", "link")) {
            if ("payment".equals(l.attr("rel"))) {
                Map<String, Object> m = new LinkedHashMap<>();
                put(m, "url", Urls.resolve(l.base, l.attr("href")));
                put(m, "text", l.attr("title"));
                funding.add(m);
            }
        }
        put(p, "funding", funding);
        List<Object> persons = new ArrayList<>();
        for (XmlElement person : el.children("podcast", "person")) {
            Map<String, Object> m = new LinkedHashMap<>();
            put(m, "name", text(person));
            put(m, "role", lower(person.attr("role")));
            put(m, "group", lower(person.attr("group")));
            put(m, "img", person.attr("img"));
            put(m, "href", person.attr("href"));
            persons.add(m);
        }
        put(p, "persons", persons);
        XmlElement location = child(el, "podcast", "location");
        if (location != null) {
            Map<String, Object> m = attrs(location, "geo", "osm");
            put(m, "name", text(location));
            p.put("location", m);
        }
        XmlElement license = child(el, "podcast", "license");
        if (license != null) {
            Map<String, Object> m = attrs(license, "url");
            put(m, "name", text(license));
            p.put("license", m);
        }
        put(p, "txt", all(el, "txt", "purpose"));
        List<Object> values = new ArrayList<>();
        for (XmlElement v : el.children("podcast", "value")) {
            Map<String, Object> m = attrs(v, "type", "method", "suggested");
            put(
                    m,
                    "recipients",
                    all(v, "valueRecipient", "name", "type", "address", "split", "fee", "customKey", "customValue"));
            values.add(m);
        }
        put(p, "value", values);
        return p;
    }

    private static List<Object> remoteItems(XmlElement parent) {
        if (parent == null) {
            return List.of();
        }
        List<Object> out = new ArrayList<>();
        for (XmlElement r : parent.children("podcast", "remoteItem")) {
            out.add(attrs(r, "feedGuid", "feedUrl", "itemGuid", "medium"));
        }
        return out;
    }

    private static List<Object> all(XmlElement parent, String local, String... names) {
        List<Object> out = new ArrayList<>();
        for (XmlElement c : parent.children("podcast", local)) {
            Map<String, Object> m = attrs(c, names);
            put(m, "text", text(c));
            out.add(m);
        }
        return out;
    }

    /** The named attributes that are present, under snake_case names. */
    private static Map<String, Object> attrs(XmlElement el, String... names) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String n : names) {
            String v = el.attr(n);
            if (v != null) {
                boolean url = n.equals("url") || n.equals("uri") || n.equals("href") || n.equals("feedUrl");
                m.put(snake(n), url ? Urls.resolve(el.base, v.strip()) : v.strip());
            }
        }
        return m;
    }

    private static String snake(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void itunesCategories(XmlElement parent, List<Object> into) {
        for (XmlElement c : parent.children("itunes", "category")) {
            List<Object> sub = new ArrayList<>();
            for (XmlElement s : c.children("itunes", "category")) {
                if (s.attr("text") != null) {
                    sub.add(s.attr("text"));
                }
            }
            if (c.attr("text") != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("text", c.attr("text"));
                put(m, "subcategories", sub);
                into.add(m);
            }
        }
    }

    /** An iTunes duration ({@code 1:02:03}, {@code 62:03}, {@code 3723}, {@code 3723.5}) in whole seconds. */
    static Integer duration(String s) {
        if (s == null) {
            return null;
        }
        try {
            String[] parts = s.strip().split(":");
            if (parts.length > 3) {
                return null;
            }
            double total = 0;
            for (String part : parts) {
                total = total * 60 + Double.parseDouble(part.strip());
            }
            return (int) total;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean explicit(String s) {
        if (s == null) {
            return null;
        }
        String v = s.strip().toLowerCase(Locale.ROOT);
        return v.equals("yes") || v.equals("true") || v.equals("explicit");
    }

    private static Integer integer(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Number number(String s) {
        if (s == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(s.strip());
            return d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE ? (Number) (int) d : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static String text(XmlElement el) {
        return XmlContent.text(el);
    }

    /** A child by namespace key and local name, any case of the local name. */
    private static XmlElement child(XmlElement parent, String ns, String local) {
        XmlElement exact = parent.child(ns, local);
        if (exact != null) {
            return exact;
        }
        for (XmlElement c : parent.children()) {
            if (c.ns.equals(ns) && c.local.equalsIgnoreCase(local)) {
                return c;
            }
        }
        return null;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value == null
                || value instanceof Map<?, ?> map && map.isEmpty()
                || value instanceof List<?> list && list.isEmpty()) {
            return;
        }
        m.put(key, value);
    }
}
