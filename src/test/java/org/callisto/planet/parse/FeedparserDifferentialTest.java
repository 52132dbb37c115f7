package org.callisto.planet.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs Callisto's parser and Python's feedparser (the oracle) on every feed of the shared corpora and on seeded
 * mutations of them, compares every field feedparser gives, path by path, and prints the agreement per field. Fails
 * when agreement on the corpora drops below the floor recorded in {@code feedparser-deviations.txt} (which also
 * lists the known deviations and why), or when Callisto finds fewer entries than feedparser in a well-formed
 * document. Bounded: one feedparser process for all files, a fixed number of mutations.
 */
@Tag("differential")
class FeedparserDifferentialTest {
    private static final Path CORPORA = Path.of("../shared/corpora");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MUTATIONS = 150;

    @Test
    void agreesWithFeedparserOnTheSharedCorporaAndLosesNoEntry() throws Exception {
        assertThat(CORPORA)
                .as("the shared corpora at " + CORPORA.toAbsolutePath())
                .isDirectory();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPORA)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(xml|rss|atom|rdf)$"))
                    .filter(p -> !p.toString().contains("/dompurify/"))
                    .sorted()
                    .toList();
        }
        Deviations deviations = Deviations.load();
        Tally corpora = compare(files, deviations, true);
        System.out.println(corpora.report("shared corpora, " + files.size() + " files"));
        assertThat(corpora.lost)
                .as("documents where Callisto finds fewer entries than feedparser")
                .isEmpty();
        assertThat(corpora.rate())
                .as("field agreement with feedparser on the shared corpora (floor in feedparser-deviations.txt)")
                .isGreaterThanOrEqualTo(deviations.floor);
    }

    @Test
    void mutatedFeedsNeverFailAndKeepTheirEntries() throws Exception {
        List<Path> seeds = List.of(
                CORPORA.resolve("rome/rome/src/test/resources/rss_2.0.xml"),
                CORPORA.resolve("rome/rome/src/test/resources/atom_1.0.xml"),
                CORPORA.resolve("rome/rome/src/test/resources/rss_1.0.xml"),
                CORPORA.resolve("podcast-namespace/example.xml"));
        Path dir = Files.createTempDirectory("mutated-feeds");
        Random random = new Random(12);
        List<Path> mutated = new ArrayList<>();
        for (int i = 0; i < MUTATIONS; i++) {
            Path seed = seeds.get(i % seeds.size());
            String text = Files.readString(seed, StandardCharsets.UTF_8);
            Path out = dir.resolve("m" + i + ".xml");
            Files.writeString(out, FeedMutations.mutate(text, random), StandardCharsets.UTF_8);
            mutated.add(out);
        }
        Tally tally = compare(mutated, Deviations.load(), false);
        System.out.println(tally.report("seeded mutations, " + mutated.size() + " files"));
        assertThat(tally.failures)
                .as("documents Callisto could not parse at all")
                .isEmpty();
    }

    /** Compares both parsers on the files; {@code strictEntries} counts entries lost in well-formed documents. */
    private static Tally compare(List<Path> files, Deviations deviations, boolean strictEntries) throws Exception {
        List<JsonNode> theirs = feedparser(files);
        FeedParser parser = new FeedParser();
        Tally tally = new Tally();
        for (int i = 0; i < files.size(); i++) {
            JsonNode expected = theirs.get(i);
            if (expected.has("error")) {
                continue;
            }
            JsonNode ours;
            try {
                ParsedFeed parsed = parser.parseWithFields(Files.readAllBytes(files.get(i)), null, null);
                FeedFields f = parsed.fields();
                Map<String, Object> top = new LinkedHashMap<>();
                top.put("feed", withEnclosures(f.feed()));
                List<Object> entries = new ArrayList<>();
                f.entries().forEach(e -> entries.add(withEnclosures(e)));
                top.put("entries", entries);
                top.put("bozo", f.bozo() ? 1 : 0);
                top.put("version", f.version());
                ours = JSON.valueToTree(top);
            } catch (FeedParseException e) {
                if (expected.path("entries").size() > 0) {
                    tally.failures.add(files.get(i) + ": " + e.getMessage());
                }
                continue;
            }
            if (strictEntries
                    && expected.path("bozo").asInt() == 0
                    && ours.path("entries").size() < expected.path("entries").size()) {
                tally.lost.add(files.get(i).toString());
            }
            Map<String, JsonNode> a = new TreeMap<>();
            Map<String, JsonNode> b = new TreeMap<>();
            leaves(expected, "", a);
            leaves(ours, "", b);
            for (Map.Entry<String, JsonNode> e : a.entrySet()) {
                String path = e.getKey();
                JsonNode v = e.getValue();
                String field = path.replaceAll("\\[\\d+]", "[]");
                if (deviations.fields.contains(field) || path.endsWith("bozo_exception")) {
                    continue;
                }
                if ((v.isNull() || v.isTextual() && v.asText().isEmpty()) && !b.containsKey(path)) {
                    continue;
                }
                tally.count(field, same(v, b.get(path)));
            }
        }
        return tally;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withEnclosures(Map<String, Object> m) {
        Map<String, Object> copy = new LinkedHashMap<>(m);
        if (m.get("links") instanceof List<?> links) {
            List<Object> enclosures = new ArrayList<>();
            for (Object o : links) {
                if (o instanceof Map<?, ?> link && "enclosure".equals(link.get("rel"))) {
                    Map<String, Object> e = new LinkedHashMap<>((Map<String, Object>) link);
                    e.remove("rel");
                    enclosures.add(e);
                }
            }
            copy.put("enclosures", enclosures);
        }
        return copy;
    }

    private static boolean same(JsonNode expected, JsonNode actual) {
        if (actual == null) {
            return false;
        }
        if (expected.isNumber() && actual.isNumber()) {
            return Math.abs(expected.asDouble() - actual.asDouble()) < 1e-6;
        }
        if (expected.isBoolean() || actual.isBoolean()) {
            return expected.isBoolean() && actual.isBoolean() && expected.asBoolean() == actual.asBoolean();
        }
        return expected.equals(actual);
    }

    private static void leaves(JsonNode node, String path, Map<String, JsonNode> out) {
        if (node.isObject()) {
            node.properties()
                    .forEach(e -> leaves(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        } else if (node.isArray()
                && node.size() > 0
                && (node.get(0).isObject() || node.get(0).isArray())) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), path + "[" + i + "]", out);
            }
        } else {
            out.put(path, node);
        }
    }

    /** What feedparser makes of each file, in order, from one child process. */
    private static List<JsonNode> feedparser(List<Path> files) throws Exception {
        String script;
        try (InputStream in = FeedparserDifferentialTest.class.getResourceAsStream("feedparser_dump.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String python = System.getenv().getOrDefault("CALLISTO_PYTHON", "/usr/bin/python3");
        Process p = new ProcessBuilder(python, "-c", script).start();
        CompletableFuture<List<JsonNode>> out = CompletableFuture.supplyAsync(() -> {
            List<JsonNode> lines = new ArrayList<>();
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(JSON.readTree(line));
                }
            } catch (IOException e) {
                throw new IllegalStateException("reading feedparser's output: " + e.getMessage(), e);
            }
            return lines;
        });
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.getMessage();
            }
        });
        try (OutputStream in = p.getOutputStream()) {
            for (Path f : files) {
                in.write((f.toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(100, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return fail(python + " with feedparser did not finish within 100 s");
        }
        List<JsonNode> lines = out.get(10, TimeUnit.SECONDS);
        if (lines.size() != files.size()) {
            return fail("feedparser gave " + lines.size() + " results for " + files.size() + " files (is"
                    + " python3-feedparser installed? apt-get install -y python3-feedparser): " + err.join());
        }
        return lines;
    }

    /** Agreement counts per field, and documents where entries were lost or parsing failed. */
    private static final class Tally {
        final Map<String, int[]> fields = new TreeMap<>();
        final List<String> lost = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        int agreed;
        int total;

        void count(String field, boolean ok) {
            int[] c = fields.computeIfAbsent(field, k -> new int[2]);
            c[1]++;
            total++;
            if (ok) {
                c[0]++;
                agreed++;
            }
        }

        double rate() {
            return total == 0 ? 1.0 : (double) agreed / total;
        }

        String report(String what) {
            StringBuilder sb = new StringBuilder("feedparser agreement on " + what + ": ");
            sb.append(String.format("%.2f%% of %d fields%n", 100 * rate(), total));
            fields.entrySet().stream()
                    .filter(e -> e.getValue()[0] < e.getValue()[1])
                    .sorted((x, y) ->
                            Integer.compare(y.getValue()[1] - y.getValue()[0], x.getValue()[1] - x.getValue()[0]))
                    .limit(25)
                    .forEach(e ->
                            sb.append(String.format("  %5d/%-5d %s%n", e.getValue()[0], e.getValue()[1], e.getKey())));
            return sb.toString();
        }
    }

    /** The known deviations and the agreement floor, from {@code feedparser-deviations.txt}. */
    private record Deviations(double floor, Set<String> fields) {
        static Deviations load() throws IOException {
            double floor = 1.0;
            Set<String> fields = new HashSet<>();
            try (InputStream in = FeedparserDifferentialTest.class.getResourceAsStream("feedparser-deviations.txt")) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    if (line.startsWith("floor ")) {
                        floor = Double.parseDouble(line.substring(6).strip());
                    } else {
                        fields.add(line.split("\t")[0].strip());
                    }
                }
            }
            return new Deviations(floor, fields);
        }
    }
}
