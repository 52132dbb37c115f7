package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DOMPurify's own fixtures (223 payloads, most of them XSS attempts) through the aggregated policy. Safety is the
 * criterion; agreement with DOMPurify's default output is printed for information, since our policy differs
 * (no styles, no SVG, no ids or classes, absolute URLs).
 */
class DomPurifyCorpusTest {
    private static final HtmlSanitizer SANITIZER = HtmlSanitizer.aggregated();
    private static JsonNode cases;

    @BeforeAll
    static void load() throws IOException {
        Path file = Corpora.require("dompurify").resolve("expect.json");
        cases = new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void everyPayloadComesOutUnableToRunScript() {
        assertThat(cases.size()).isEqualTo(223);
        List<String> failures = new ArrayList<>();
        for (JsonNode c : cases) {
            String payload = c.get("payload").asText();
            String out = SANITIZER.sanitize(payload, null);
            List<String> problems = SafetyCheck.violations(out);
            if (!problems.isEmpty()) {
                failures.add(title(c) + ": " + problems + "\n  in:  " + payload + "\n  out: " + out);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyPayloadIsAFixedPoint() {
        List<String> failures = new ArrayList<>();
        int settledInOnePass = 0;
        for (JsonNode c : cases) {
            String payload = c.get("payload").asText();
            String once = SANITIZER.sanitize(payload, "https://blog.example/post/");
            String twice = SANITIZER.sanitize(once, "https://blog.example/post/");
            if (!twice.equals(once)) {
                failures.add(title(c) + "\n  once:  " + once + "\n  twice: " + twice);
            }
            String single = SANITIZER.sanitizeOnce(payload, UrlResolver.base("https://blog.example/post/"));
            if (single.equals(once)) {
                settledInOnePass++;
            }
        }
        System.out.printf("dompurify corpus: %d of %d payloads settle in one pass%n", settledInOnePass, cases.size());
        assertThat(failures).isEmpty();
    }

    @Test
    void agreementWithDomPurifyIsReported() {
        int agree = 0;
        for (JsonNode c : cases) {
            String out = SANITIZER.sanitize(c.get("payload").asText(), null);
            JsonNode expected = c.get("expected");
            boolean match = false;
            if (expected.isArray()) {
                for (JsonNode e : expected) {
                    match |= e.asText().equals(out);
                }
            } else {
                match = expected.asText().equals(out);
            }
            if (match) {
                agree++;
            }
        }
        System.out.printf(
                "dompurify corpus: exact agreement with DOMPurify default output %d of %d (%.1f%%)%n",
                agree, cases.size(), 100.0 * agree / cases.size());
        assertThat(agree).isPositive();
    }

    private static String title(JsonNode c) {
        return c.has("title") ? c.get("title").asText() : "(untitled)";
    }
}
