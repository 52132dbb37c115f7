package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties over generated input: random slices of the DOMPurify payloads and of real feed content glued
 * together, which gives malformed, half-open markup of the kind the fixtures alone do not cover. Seeded, so a
 * failure reproduces.
 */
class SplicedMarkupPropertyTest {
    private static final HtmlSanitizer SANITIZER = HtmlSanitizer.aggregated();
    private static final String BASE = "https://blog.example/post/";
    private static final int CASES = 3000;

    @Test
    void splicedMarkupComesOutSafeAndAsAFixedPoint() throws IOException {
        List<String> pool = new ArrayList<>();
        for (JsonNode c : new ObjectMapper()
                .readTree(Corpora.require("dompurify").resolve("expect.json").toFile())) {
            pool.add(c.get("payload").asText());
        }
        pool.addAll(FeedFragments.under(Corpora.require("miniflux/internal/reader/parser/testdata")));
        pool.addAll(List.of(
                "<pre>\n\n  x\n</pre>",
                "<table><tr><td>",
                "<iframe src=//www.youtube.com/embed/a>",
                "<p><marquee><div>",
                "<a href=x><a href=y>",
                "<ul><li><ol><li>",
                "<img width=1 height=1 src=t>",
                "<details><summary>",
                "<picture><source srcset=a.png>",
                "<video><track src=t.vtt>"));
        Random random = new Random(20260522L);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            StringBuilder html = new StringBuilder();
            int parts = 2 + random.nextInt(4);
            for (int p = 0; p < parts; p++) {
                String s = pool.get(random.nextInt(pool.size()));
                int from = random.nextInt(s.length());
                int to = Math.min(s.length(), from + 1 + random.nextInt(400));
                html.append(s, from, to);
            }
            String once = SANITIZER.sanitize(html.toString(), BASE);
            List<String> problems = SafetyCheck.violations(once);
            if (!problems.isEmpty()) {
                failures.add("case " + i + " unsafe " + problems + ": " + html);
            }
            if (!SANITIZER.sanitize(once, BASE).equals(once)) {
                failures.add("case " + i + " not a fixed point: " + html);
            }
        }
        assertThat(failures).isEmpty();
    }
}
