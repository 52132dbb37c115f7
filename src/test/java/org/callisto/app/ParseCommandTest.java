package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code callisto parse} prints one JSON line per input, and reports inputs that are not feeds without stopping. */
class ParseCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsOneJsonLinePerInputAndExitsOneWhenAnInputFails() throws Exception {
        Path rss = dir.resolve("feed.xml");
        Files.writeString(
                rss,
                "<rss version=\"2.0\"><channel><title>Hello &amp; welcome</title>"
                        + "<item><title>One</title><pubDate>Tue, 02 Jan 2024 03:04:05 GMT</pubDate></item>"
                        + "<item><title>Two &nbsp;</title></item></channel></rss>");
        Path html = dir.resolve("page.html");
        Files.writeString(html, "<!DOCTYPE html><html><body>hi</body></html>");
        Path missing = dir.resolve("missing.xml");

        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = Main.run("parse", rss.toString(), html.toString(), missing.toString());
        } finally {
            System.setOut(original);
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines[0]);
        assertThat(first.path("input").asText()).isEqualTo(rss.toString());
        assertThat(first.path("format").asText()).isEqualTo("rss2.0");
        assertThat(first.path("encoding").asText()).isEqualTo("utf-8");
        assertThat(first.path("illFormed").asBoolean()).isTrue();
        assertThat(first.path("problems").get(0).asText())
                .isEqualTo("1:159: undefined entity &nbsp; (resolved as HTML)");
        assertThat(first.path("feed").path("title").asText()).isEqualTo("Hello & welcome");
        assertThat(first.path("entries")).hasSize(2);
        assertThat(first.path("entries").get(0).path("published").asText()).isEqualTo("2024-01-02T03:04:05Z");
        JsonNode second = json.readTree(lines[1]);
        assertThat(second.path("input").asText()).isEqualTo(html.toString());
        assertThat(second.path("error").asText()).contains("HTML page");
        assertThat(json.readTree(lines[2]).path("error").asText())
                .isEqualTo(missing + " does not exist; check the path");
        assertThat(exit).isEqualTo(1);
    }
}
