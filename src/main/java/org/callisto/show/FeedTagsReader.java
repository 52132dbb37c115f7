package org.callisto.show;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link PodcastTags} and Podlove Simple Chapters from the {@code podcast} maps that the feed parser gives per
 * feed and per entry (its names are documented in {@code docs/feed-parsing.md}), for import-feed. Stateless and
 * thread-safe.
 */
final class FeedTagsReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedTagsReader() {}

    /** The channel's tags from the feed's {@code podcast} map. */
    static PodcastTags.Channel channel(Map<String, Object> podcast) {
        JsonNode p = JSON.valueToTree(podcast);
        List<PodcastTags.RemoteItem> podroll = new ArrayList<>();
        for (JsonNode r : p.path("podroll")) {
            podroll.add(
                    new PodcastTags.RemoteItem(s(r, "feed_guid"), s(r, "feed_url"), s(r, "item_guid"), s(r, "medium")));
        }
        JsonNode f = p.path("update_frequency");
        PodcastTags.UpdateFrequency frequency = f.isObject()
                ? new PodcastTags.UpdateFrequency(s(f, "text"), s(f, "rrule"), s(f, "dtstart"), s(f, "complete"))
                : null;
        List<PodcastTags.Trailer> trailers = new ArrayList<>();
        for (JsonNode t : p.path("trailers")) {
            trailers.add(new PodcastTags.Trailer(
                    s(t, "text"), s(t, "url"), s(t, "pubdate"), s(t, "length"), s(t, "type"), s(t, "season")));
        }
        String type = s(p, "type");
        return new PodcastTags.Channel(
                "serial".equals(type) ? "serial" : null,
                s(p, "medium"),
                license(p),
                location(p),
                podroll,
                value(p),
                frequency,
                trailers,
                txt(p));
    }

    /** An item's tags from the entry's {@code podcast} map. */
    static PodcastTags.Item item(Map<String, Object> podcast) {
        JsonNode p = JSON.valueToTree(podcast);
        List<PodcastTags.Soundbite> soundbites = new ArrayList<>();
        for (JsonNode s : p.path("soundbites")) {
            soundbites.add(new PodcastTags.Soundbite(s(s, "start_time"), s(s, "duration"), s(s, "text")));
        }
        return new PodcastTags.Item(soundbites, license(p), location(p), value(p), txt(p), s(p, "image"));
    }

    /**
     * The Podlove Simple Chapters of an entry as a Podcasting 2.0 JSON chapters document, or null when it has none.
     */
    static String podloveChapters(Map<String, Object> podcast) {
        JsonNode list = JSON.valueToTree(podcast).path("chapters");
        if (!list.isArray() || list.isEmpty()) {
            return null;
        }
        ObjectNode doc = JSON.createObjectNode();
        doc.put("version", "1.2.0");
        ArrayNode chapters = doc.putArray("chapters");
        for (JsonNode c : list) {
            if (!c.path("start").isNumber()) {
                continue;
            }
            ObjectNode ch = chapters.addObject();
            ch.put("startTime", c.path("start").asDouble());
            putText(ch, "title", s(c, "title"));
            putText(ch, "url", s(c, "href"));
            putText(ch, "img", s(c, "image"));
        }
        return chapters.isEmpty() ? null : doc.toString();
    }

    private static void putText(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static PodcastTags.License license(JsonNode p) {
        JsonNode l = p.path("license");
        return l.isObject() ? new PodcastTags.License(s(l, "name"), s(l, "url")) : null;
    }

    private static PodcastTags.Location location(JsonNode p) {
        JsonNode l = p.path("location");
        return l.isObject() ? new PodcastTags.Location(s(l, "name"), s(l, "geo"), s(l, "osm")) : null;
    }

    private static List<PodcastTags.Value> value(JsonNode p) {
        List<PodcastTags.Value> values = new ArrayList<>();
        for (JsonNode v : p.path("value")) {
            List<PodcastTags.ValueRecipient> recipients = new ArrayList<>();
            for (JsonNode r : v.path("recipients")) {
                recipients.add(new PodcastTags.ValueRecipient(
                        s(r, "name"),
                        s(r, "type"),
                        s(r, "address"),
                        s(r, "split"),
                        s(r, "fee"),
                        s(r, "custom_key"),
                        s(r, "custom_value")));
            }
            values.add(new PodcastTags.Value(s(v, "type"), s(v, "method"), s(v, "suggested"), recipients));
        }
        return values;
    }

    private static List<PodcastTags.Txt> txt(JsonNode p) {
        List<PodcastTags.Txt> txt = new ArrayList<>();
        for (JsonNode t : p.path("txt")) {
            txt.add(new PodcastTags.Txt(s(t, "purpose"), s(t, "text")));
        }
        return txt;
    }

    /** A field as text, or null when absent or blank. */
    static String s(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String t = v.asText().strip();
        return t.isEmpty() ? null : t;
    }
}
