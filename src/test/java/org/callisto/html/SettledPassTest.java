package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sanitizer returns the first pass's output without a second pass when the walk reports it settled; this
 * checks that claim: whenever one pass reports its output settled, a second pass over that output gives it back
 * unchanged. Real feed content, DOMPurify's payloads and seeded splices of both (malformed, half-open markup).
 */
class SettledPassTest {
    private static final URI BASE = UrlResolver.base("https://blog.example/2024/05/post.html");
    private static final int SPLICES = 20_000;

    @Test
    void aPassReportedSettledIsAFixedPoint() throws IOException {
        List<String> pool = new ArrayList<>();
        for (JsonNode c : new ObjectMapper()
                .readTree(Corpora.require("dompurify").resolve("expect.json").toFile())) {
            pool.add(c.get("payload").asText());
        }
        pool.addAll(FeedFragments.under(Corpora.require("miniflux/internal/reader/parser/testdata")));
        pool.addAll(FeedFragments.under(Corpora.require("gofeed")));
        pool.addAll(FeedFragments.under(Corpora.require("rome")));
        int real = pool.size();
        Random random = new Random(20261122L);
        for (int i = 0; i < SPLICES; i++) {
            StringBuilder html = new StringBuilder();
            int parts = 2 + random.nextInt(4);
            for (int p = 0; p < parts; p++) {
                String s = pool.get(random.nextInt(real));
                int from = random.nextInt(s.length());
                html.append(s, from, Math.min(s.length(), from + 1 + random.nextInt(400)));
            }
            pool.add(html.toString());
        }
        for (HtmlSanitizer sanitizer : List.of(
                HtmlSanitizer.aggregated(),
                new HtmlSanitizer(SanitizePolicy.submission()),
                new HtmlSanitizer(SanitizePolicy.comment()))) {
            List<String> failures = new ArrayList<>();
            int settled = 0;
            for (String html : pool) {
                StringBuilder once = new StringBuilder();
                if (!sanitizer.pass(html, BASE, once)) {
                    continue;
                }
                settled++;
                String again = sanitizer.sanitizeOnce(once.toString(), BASE);
                if (!again.equals(once.toString())) {
                    failures.add("in:    " + html + "\n  once:  " + once + "\n  again: " + again);
                }
            }
            System.out.printf(
                    "settled passes: %d of %d inputs reported settled after one pass%n", settled, pool.size());
            assertThat(failures).isEmpty();
        }
    }
}
