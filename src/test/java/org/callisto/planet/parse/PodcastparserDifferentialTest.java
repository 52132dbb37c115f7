package org.callisto.planet.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Compares the {@code podcast} fields with what Python's podcastparser reads from the podcast corpora (partytime's
 * real feeds and the Podcasting 2.0 examples): duration, explicit, episode and season numbers, episode type,
 * subtitle, payment link, Podlove chapters, owner, type and new-feed-url, episodes matched by guid. Fails below
 * the floor of 95% agreement.
 */
@Tag("differential")
class PodcastparserDifferentialTest {
    private static final Path CORPORA = Path.of("../shared/corpora");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void podcastFieldsAgreeWithPodcastparser() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("podcast-feeds-partytime", "podcast-namespace")) {
            try (Stream<Path> walk = Files.walk(CORPORA.resolve(dir))) {
                walk.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(files::add);
            }
        }
        assertThat(files)
                .as("podcast corpora under " + CORPORA.toAbsolutePath())
                .isNotEmpty();
        List<JsonNode> theirs = podcastparser(files);
        FeedParser parser = new FeedParser();
        Map<String, int[]> fields = new TreeMap<>();
        for (int i = 0; i < files.size(); i++) {
            JsonNode expected = theirs.get(i);
            if (expected.has("error")) {
                continue;
            }
            FeedFields f = parser.parseWithFields(Files.readAllBytes(files.get(i)), null, null)
                    .fields();
            JsonNode feed = JSON.valueToTree(f.feed()).path("podcast");
            count(fields, "explicit", expected.path("explicit"), feed.path("explicit"), false);
            count(fields, "type", expected.path("type"), feed.path("type"), true);
            count(
                    fields,
                    "owner.name",
                    expected.path("owner").path("name"),
                    feed.path("owner").path("name"),
                    true);
            count(
                    fields,
                    "owner.email",
                    expected.path("owner").path("email"),
                    feed.path("owner").path("email"),
                    true);
            count(fields, "new_feed_url", expected.path("new_url"), feed.path("new_feed_url"), true);
            Map<String, JsonNode> byGuid = new HashMap<>();
            for (Map<String, Object> e : f.entries()) {
                if (e.get("id") != null) {
                    byGuid.putIfAbsent(e.get("id").toString(), JSON.valueToTree(e));
                }
            }
            for (JsonNode episode : expected.path("episodes")) {
                JsonNode entry = byGuid.get(episode.path("guid").asText());
                if (entry == null) {
                    count(fields, "episode found by guid", JSON.getNodeFactory().booleanNode(true), null, false);
                    continue;
                }
                JsonNode p = entry.path("podcast");
                int duration = p.path("duration").asInt(0);
                count(
                        fields,
                        "duration",
                        episode.path("duration"),
                        JSON.getNodeFactory().numberNode(duration),
                        false);
                count(fields, "episode explicit", episode.path("explicit"), p.path("explicit"), false);
                count(fields, "episode", episode.path("number"), p.path("episode"), true);
                count(fields, "season", episode.path("season"), p.path("season"), true);
                count(fields, "episode_type", episode.path("episode_type"), p.path("episode_type"), true);
                count(fields, "subtitle", episode.path("subtitle"), p.path("subtitle"), true);
                JsonNode payment = episode.path("payment_url");
                boolean paid = payment.isNull() || payment.isMissingNode()
                        ? p.path("funding").isMissingNode()
                        : p.path("funding").findValuesAsText("url").contains(payment.asText());
                count(
                        fields,
                        "payment_url",
                        JSON.getNodeFactory().booleanNode(true),
                        JSON.getNodeFactory().booleanNode(paid),
                        false);
                List<String> chapters = new ArrayList<>();
                for (JsonNode c : episode.path("chapters")) {
                    chapters.add(c.get(0).asDouble() + " " + c.get(1).asText());
                }
                List<String> ours = new ArrayList<>();
                for (JsonNode c : p.path("chapters")) {
                    ours.add(c.path("start").asDouble() + " " + c.path("title").asText());
                }
                if (!chapters.isEmpty() || !ours.isEmpty()) {
                    count(fields, "chapters", JSON.valueToTree(chapters), JSON.valueToTree(ours), false);
                }
            }
        }
        int agreed = 0;
        int total = 0;
        StringBuilder report = new StringBuilder();
        for (Map.Entry<String, int[]> e : fields.entrySet()) {
            agreed += e.getValue()[0];
            total += e.getValue()[1];
            report.append(String.format("  %5d/%-5d %s%n", e.getValue()[0], e.getValue()[1], e.getKey()));
        }
        double rate = total == 0 ? 1 : (double) agreed / total;
        System.out.printf(
                "podcastparser agreement on %d podcast feeds: %.2f%% of %d fields%n%s",
                files.size(), 100 * rate, total, report);
        assertThat(rate).as("agreement with podcastparser on podcast fields").isGreaterThanOrEqualTo(0.95);
    }

    /** Counts one comparison; {@code text} compares as trimmed strings, absent and null being equal. */
    private static void count(
            Map<String, int[]> fields, String field, JsonNode expected, JsonNode actual, boolean text) {
        boolean expectedAbsent = expected == null || expected.isMissingNode() || expected.isNull();
        boolean actualAbsent = actual == null || actual.isMissingNode() || actual.isNull();
        if (expectedAbsent && actualAbsent) {
            return;
        }
        boolean ok;
        if (expectedAbsent || actualAbsent) {
            ok = false;
        } else if (text) {
            ok = Objects.equals(expected.asText().strip(), actual.asText().strip());
        } else if (expected.isNumber() && actual.isNumber()) {
            ok = expected.asDouble() == actual.asDouble();
        } else {
            ok = expected.equals(actual);
        }
        int[] c = fields.computeIfAbsent(field, k -> new int[2]);
        c[1]++;
        if (ok) {
            c[0]++;
        }
    }

    private static List<JsonNode> podcastparser(List<Path> files) throws Exception {
        String script;
        try (InputStream in = PodcastparserDifferentialTest.class.getResourceAsStream("podcastparser_dump.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String python = System.getenv().getOrDefault("CALLISTO_PYTHON", "/usr/bin/python3");
        Process p = new ProcessBuilder(python, "-c", script)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (OutputStream in = p.getOutputStream()) {
            for (Path f : files) {
                in.write((f.toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return fail(python + " with podcastparser did not finish within 60 s");
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        if (lines.size() != files.size()) {
            return fail("podcastparser gave " + lines.size() + " results for " + files.size() + " files: install"
                    + " python3-podcastparser (apt-get install -y python3-podcastparser)");
        }
        return lines;
    }
}
