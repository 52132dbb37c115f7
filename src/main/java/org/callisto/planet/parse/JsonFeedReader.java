package org.callisto.planet.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Maps a JSON Feed 1.0 or 1.1 document to the feed model. Nesting depth and sizes are capped by Jackson's stream
 * read constraints. Thread-safe: the shared {@link ObjectMapper} is only used for reading.
 */
final class JsonFeedReader {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build());

    private JsonFeedReader() {}

    static ParsedFeed read(String json, String encoding, List<ParseProblem> problems, String baseUrl)
            throws FeedParseException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String why = e.getOriginalMessage();
            int detail = why.indexOf(" (start marker");
            if (detail < 0) {
                detail = why.indexOf('\n');
            }
            if (detail > 0) {
                why = why.substring(0, detail);
            }
            throw new FeedParseException(
                    "this looks like JSON but is not valid JSON: " + why,
                    loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr());
        }
        if (root == null || !root.isObject()) {
            throw new FeedParseException("this is JSON but not a JSON Feed (the top level is not an object)", 1, 1);
        }
        String version = str(root, "version");
        boolean jsonFeed = version != null && (version.contains("jsonfeed.org/version/") || version.startsWith("1"));
        if (!jsonFeed && !(root.path("items").isArray() && root.has("title"))) {
            throw new FeedParseException(
                    "this is JSON but not a JSON Feed (no \"version\" naming "
                            + "https://jsonfeed.org/version/1.1 and no \"items\" array)",
                    1,
                    1);
        }
        String format = version != null && version.endsWith("1.1") ? "json1.1" : "json1.0";
        boolean badEncoding = !problems.isEmpty();
        if (version == null) {
            problems.add(new ParseProblem(0, 0, "JSON Feed without \"version\"; read as 1.0"));
        }
        String feedUrl = Urls.resolve(baseUrl, str(root, "feed_url"));
        String base = feedUrl != null ? feedUrl : baseUrl;
        String icon = str(root, "icon");
        if (icon == null) {
            icon = str(root, "favicon");
        }
        List<ParsedEntry> entries = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            if (item.isObject()) {
                entries.add(entry(item, base));
            }
        }
        String description = str(root, "description");
        List<String> hubs = new ArrayList<>(1);
        for (JsonNode hub : root.path("hubs")) {
            String url = Urls.resolve(base, str(hub, "url"));
            if (url != null) {
                hubs.add(url);
            }
        }
        return new ParsedFeed(
                format,
                encoding,
                badEncoding,
                List.copyOf(problems),
                str(root, "title"),
                Urls.resolve(base, str(root, "home_page_url")),
                feedUrl,
                description == null ? null : FeedText.escapeHtml(description),
                str(root, "language"),
                Urls.resolve(base, icon),
                people(root, base),
                List.of(),
                null,
                null,
                null,
                null,
                List.copyOf(entries),
                null,
                hubs);
    }

    private static ParsedEntry entry(JsonNode item, String base) {
        String id = str(item, "id");
        if (id == null && item.path("id").isNumber()) {
            id = item.path("id").asText();
        }
        String link = str(item, "url");
        if (link == null) {
            link = str(item, "external_url");
        }
        String content = str(item, "content_html");
        if (content == null) {
            String text = str(item, "content_text");
            content = text == null ? null : FeedText.escapeHtml(text);
        }
        String summary = str(item, "summary");
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (JsonNode t : item.path("tags")) {
            if (t.isTextual()) {
                XmlContent.addCategory(tags, t.asText());
            }
        }
        List<Enclosure> enclosures = new ArrayList<>();
        for (JsonNode a : item.path("attachments")) {
            String url = str(a, "url");
            if (url != null) {
                enclosures.add(new Enclosure(
                        Urls.resolve(base, url),
                        str(a, "mime_type"),
                        a.path("size_in_bytes").canConvertToLong()
                                ? a.path("size_in_bytes").asLong()
                                : -1));
            }
        }
        String image = str(item, "image");
        if (image == null) {
            image = str(item, "banner_image");
        }
        return new ParsedEntry(
                id,
                Urls.resolve(base, link),
                str(item, "title"),
                summary == null ? null : FeedText.escapeHtml(summary),
                content,
                base,
                people(item, base),
                XmlContent.list(tags),
                FeedDates.parse(str(item, "date_published")),
                FeedDates.parse(str(item, "date_modified")),
                List.copyOf(enclosures),
                Urls.resolve(base, image),
                null, // no comments page
                null, // titles are plain text in JSON Feed
                null, // no source feed
                null, // no comments feed
                null, // no comment count
                null); // no FeedBurner origLink
    }

    private static List<Person> people(JsonNode node, String base) {
        List<Person> out = new ArrayList<>(1);
        for (JsonNode a : node.path("authors")) {
            addPerson(out, a, base);
        }
        if (out.isEmpty() && node.path("author").isObject()) {
            addPerson(out, node.path("author"), base);
        }
        return List.copyOf(out);
    }

    private static void addPerson(List<Person> out, JsonNode a, String base) {
        String name = str(a, "name");
        String url = str(a, "url");
        if (name != null || url != null) {
            String email = null;
            if (url != null && url.startsWith("mailto:")) {
                email = url.substring(7);
                url = null;
            }
            out.add(new Person(name, email, Urls.resolve(base, url)));
        }
    }

    private static String str(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.isNull()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
