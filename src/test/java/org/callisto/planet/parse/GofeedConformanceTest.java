package org.callisto.planet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;

/**
 * Runs every gofeed translator case ({@code gofeed/testdata/translator/{rss,atom,json}}) and compares our model with
 * gofeed's universal model, field by field, on the fields both models have.
 *
 * <p>Comparison rules:
 * <ul>
 *   <li>An absent key, JSON null and an empty string are all "no value" and equal our null.</li>
 *   <li>Strings are compared after resolving HTML entities once on both sides, collapsing whitespace and trimming;
 *       this absorbs a design difference: we HTML-escape plain-text descriptions and content (an Atom
 *       {@code type="text"} summary of {@code a < b} is {@code a &lt; b} for us, {@code a < b} for gofeed).</li>
 *   <li>Feed {@code updated} is compared with gofeed's {@code updatedParsed}, else its {@code publishedParsed}: our
 *       model has one feed date. JSON Feed has no feed-level date (gofeed derives one from the items), so it is not
 *       compared for JSON.</li>
 *   <li>Dates are compared as instants. Authors are compared by name and email in order (gofeed's avatar is not in
 *       our model). Enclosures by url, type and length (gofeed's length is a string; "" or "0" equals unknown).
 *       Images by URL. Categories as ordered lists. Item description = our summary, item guid = our id.</li>
 * </ul>
 * Known deviations are listed with reasons in {@code gofeed-deviations.txt}; the test fails when an unlisted case
 * fails and also when a listed case passes, so the list stays honest.
 */
class GofeedConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FeedParser parser = new FeedParser();

    @Test
    void translatorCasesMatchGofeedUniversalModel() throws Exception {
        Map<String, String> deviations = loadDeviations();
        Map<String, List<String>> failures = new TreeMap<>();
        int total = 0;
        int passed = 0;
        StringBuilder report = new StringBuilder();
        for (String folder : List.of("rss", "atom", "json")) {
            int folderTotal = 0;
            int folderPassed = 0;
            Path dir = Corpora.path("gofeed/testdata/translator/" + folder);
            List<Path> inputs;
            try (var s = Files.list(dir)) {
                inputs = s.filter(p -> folder.equals("json")
                                ? p.toString().endsWith(".json")
                                        && !p.toString().endsWith("_expected.json")
                                : p.toString().endsWith(".xml"))
                        .sorted()
                        .toList();
            }
            for (Path input : inputs) {
                String name = input.getFileName().toString();
                String base = name.substring(0, name.lastIndexOf('.'));
                Path expectedPath = dir.resolve(folder.equals("json") ? base + "_expected.json" : base + ".json");
                if (!Files.exists(expectedPath)) {
                    continue;
                }
                String caseName = folder + "/" + base;
                folderTotal++;
                List<String> diffs = compare(folder, input, JSON.readTree(expectedPath.toFile()));
                if (diffs.isEmpty()) {
                    folderPassed++;
                } else {
                    failures.put(caseName, diffs);
                }
            }
            report.append(String.format(
                    "gofeed translator/%s: %d/%d pass (%.1f%%)%n",
                    folder, folderPassed, folderTotal, 100.0 * folderPassed / Math.max(1, folderTotal)));
            total += folderTotal;
            passed += folderPassed;
        }
        report.append(String.format(
                "gofeed translator overall: %d/%d pass (%.1f%%)%n", passed, total, 100.0 * passed / total));
        System.out.print(report);
        failures.forEach((k, v) -> System.out.println(
                "  FAIL " + k + (deviations.containsKey(k) ? " (listed: " + deviations.get(k) + ")" : "") + "\n      "
                        + String.join("\n      ", v)));

        assertThat(total).as("number of translator cases found").isGreaterThan(90);
        List<String> unexpected = failures.keySet().stream()
                .filter(k -> !deviations.containsKey(k))
                .toList();
        List<String> nowPassing = deviations.keySet().stream()
                .filter(k -> !failures.containsKey(k))
                .toList();
        assertThat(unexpected)
                .as("cases that fail but are not listed in gofeed-deviations.txt")
                .isEmpty();
        assertThat(nowPassing)
                .as("cases listed in gofeed-deviations.txt that now pass (remove them)")
                .isEmpty();
        assertThat((double) passed / total).as("overall pass rate").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void feedTypeDetectionAgreesWithGofeed() throws Exception {
        String dir = "gofeed/testdata/parser/universal/";
        JsonNode expectations = JSON.readTree(Corpora.bytes(dir + "detector-expectations.json"));
        int checked = 0;
        for (var it = expectations.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().startsWith("_")) {
                continue;
            }
            String type = e.getValue().asText();
            byte[] bytes = Corpora.bytes(dir + e.getKey());
            if (type.equals("unknown")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> parser.parse(bytes, null, null))
                        .as(e.getKey())
                        .isInstanceOf(FeedParseException.class);
            } else {
                assertThat(parser.parse(bytes, null, null).format())
                        .as(e.getKey())
                        .startsWith(type);
            }
            checked++;
        }
        assertThat(checked).isEqualTo(9);
    }

    @Test
    void everyGofeedInputParsesOrIsRejectedAsANonFeed() throws Exception {
        int parsed = 0;
        List<String> rejected = new ArrayList<>();
        List<Path> inputs = new ArrayList<>(Corpora.files("gofeed/testdata", ".xml"));
        for (Path p : Corpora.files("gofeed/testdata", ".json")) {
            String n = p.getFileName().toString();
            boolean isInput = p.toString().contains("/json/") && !n.endsWith("_expected.json")
                    || n.startsWith("json1") && p.toString().contains("/universal/");
            if (isInput) {
                inputs.add(p);
            }
        }
        for (Path p : inputs) {
            try {
                parser.parse(Files.readAllBytes(p), null, null);
                parsed++;
            } catch (FeedParseException e) {
                rejected.add(Corpora.root().relativize(p) + ": " + e.getMessage());
            }
        }
        System.out.println("gofeed inputs: " + parsed + "/" + inputs.size() + " parse; rejected:");
        rejected.forEach(r -> System.out.println("  " + r));
        assertThat(inputs).hasSizeGreaterThan(500);
        assertThat(rejected)
                .as("only non-feeds may be rejected")
                .allMatch(r -> r.contains("/universal/")
                        || r.contains("not a JSON Feed")
                        || r.contains("not valid JSON")
                        || r.contains("not an RSS, RDF or Atom feed"));
    }

    private List<String> compare(String folder, Path input, JsonNode exp) throws IOException {
        List<String> diffs = new ArrayList<>();
        ParsedFeed f;
        try {
            f = parser.parse(Files.readAllBytes(input), null, null);
        } catch (FeedParseException e) {
            diffs.add("threw: " + e.getMessage());
            return diffs;
        }
        text(diffs, "title", exp.get("title"), f.title());
        text(diffs, "description", exp.get("description"), f.description());
        text(diffs, "link", exp.get("link"), f.link());
        text(diffs, "feedLink", exp.get("feedLink"), f.feedUrl());
        if (!folder.equals("json")) {
            JsonNode updated =
                    value(exp.get("updatedParsed")) != null ? exp.get("updatedParsed") : exp.get("publishedParsed");
            date(diffs, "updated", updated, f.updated());
        }
        people(diffs, "authors", exp.get("authors"), f.authors());
        text(diffs, "language", exp.get("language"), f.language());
        text(diffs, "image", exp.path("image").get("url"), f.imageUrl());
        list(diffs, "categories", exp.get("categories"), f.categories());
        text(diffs, "copyright", exp.get("copyright"), f.copyright());
        text(diffs, "generator", exp.get("generator"), f.generator());
        JsonNode items = exp.path("items");
        if (items.size() != f.entries().size()) {
            diffs.add("items: expected " + items.size() + " but got "
                    + f.entries().size());
            return diffs;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode it = items.get(i);
            ParsedEntry e = f.entries().get(i);
            String p = "items[" + i + "].";
            text(diffs, p + "title", it.get("title"), e.title());
            text(diffs, p + "description", it.get("description"), e.summary());
            text(diffs, p + "content", it.get("content"), e.content());
            text(diffs, p + "link", it.get("link"), e.link());
            text(diffs, p + "guid", it.get("guid"), e.id());
            date(diffs, p + "published", it.get("publishedParsed"), e.published());
            date(diffs, p + "updated", it.get("updatedParsed"), e.updated());
            people(diffs, p + "authors", it.get("authors"), e.authors());
            list(diffs, p + "categories", it.get("categories"), e.categories());
            enclosures(diffs, p + "enclosures", it.get("enclosures"), e.enclosures());
            text(diffs, p + "image", it.path("image").get("url"), e.imageUrl());
        }
        return diffs;
    }

    private static String value(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        String s = n.asText();
        return s.isBlank() ? null : s;
    }

    static String norm(String s) {
        if (s == null) {
            return null;
        }
        String v = Entities.unescape(s)
                .replace('\u00A0', ' ')
                .replaceAll("\\s+", " ")
                .strip();
        return v.isEmpty() ? null : v;
    }

    private static void text(List<String> diffs, String field, JsonNode expected, String actual) {
        String e = norm(value(expected));
        String a = norm(actual);
        if (!Objects.equals(e, a)) {
            diffs.add(field + ": expected <" + e + "> but got <" + a + ">");
        }
    }

    private static void date(List<String> diffs, String field, JsonNode expected, Instant actual) {
        String e = value(expected);
        Instant ei = e == null ? null : Instant.parse(e);
        if (!Objects.equals(ei, actual)) {
            diffs.add(field + ": expected <" + ei + "> but got <" + actual + ">");
        }
    }

    private static void people(List<String> diffs, String field, JsonNode expected, List<Person> actual) {
        List<String> e = new ArrayList<>();
        if (expected != null) {
            for (JsonNode p : expected) {
                e.add(norm(value(p.get("name"))) + " <" + norm(value(p.get("email"))) + ">");
            }
        }
        List<String> a = actual.stream()
                .map(p -> norm(p.name()) + " <" + norm(p.email()) + ">")
                .toList();
        if (!e.equals(a)) {
            diffs.add(field + ": expected " + e + " but got " + a);
        }
    }

    private static void list(List<String> diffs, String field, JsonNode expected, List<String> actual) {
        List<String> e = new ArrayList<>();
        if (expected != null) {
            expected.forEach(n -> e.add(norm(n.asText())));
        }
        List<String> a = actual.stream().map(GofeedConformanceTest::norm).toList();
        if (!e.equals(a)) {
            diffs.add(field + ": expected " + e + " but got " + a);
        }
    }

    private static void enclosures(List<String> diffs, String field, JsonNode expected, List<Enclosure> actual) {
        List<String> e = new ArrayList<>();
        if (expected != null) {
            for (JsonNode n : expected) {
                String len = value(n.get("length"));
                e.add(value(n.get("url")) + " " + value(n.get("type")) + " "
                        + (len == null || len.equals("0") ? "-1" : len));
            }
        }
        List<String> a = actual.stream()
                .map(x -> x.url() + " " + x.type() + " " + x.length())
                .toList();
        if (!e.equals(a)) {
            diffs.add(field + ": expected " + e + " but got " + a);
        }
    }

    private static Map<String, String> loadDeviations() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = GofeedConformanceTest.class.getResourceAsStream("gofeed-deviations.txt")) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int sep = l.indexOf(" | ");
                out.put(
                        sep < 0 ? l : l.substring(0, sep).strip(),
                        sep < 0 ? "" : l.substring(sep + 3).strip());
            }
        }
        return out;
    }
}
