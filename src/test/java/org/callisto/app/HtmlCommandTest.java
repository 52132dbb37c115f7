package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code callisto html validate} and {@code callisto html sanitize}, run through {@link Main#run}. */
class HtmlCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;
    private InputStream savedIn;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        savedIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        System.setIn(savedIn);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void validFilesPassSilently() throws Exception {
        Path good = file("good.html", "<p>Hello <b>world</b></p>");
        assertThat(Main.run("html", "validate", good.toString())).isZero();
        assertThat(output()).isEmpty();
    }

    @Test
    void problemsArePrintedWithFileLineAndColumnAndTheExitCodeIsNonZero() throws Exception {
        Path good = file("good.html", "<p>fine</p>");
        Path bad = file("bad.html", "<p>x</p>\n<b onmouseover=alert(1)>y</i>");
        int code = Main.run("html", "validate", good.toString(), bad.toString());
        assertThat(code).isEqualTo(1);
        assertThat(output().lines())
                .containsExactly(
                        bad + ":2:1: the <b> opened at 2:1 is never closed",
                        bad + ":2:4: the attribute onmouseover is not allowed on <b>",
                        bad + ":2:26: </i> at 2:26 closes nothing");
    }

    @Test
    void thePolicyCanBeChosen() throws Exception {
        Path story = file("story.html", "<h3>Part</h3>");
        assertThat(Main.run("html", "validate", story.toString())).isEqualTo(1);
        out.reset();
        assertThat(Main.run("html", "validate", "--policy", "submission", story.toString()))
                .isZero();
        assertThat(output()).isEmpty();
    }

    @Test
    void standardInputIsReadForADash() {
        System.setIn(new ByteArrayInputStream("a < b".getBytes(StandardCharsets.UTF_8)));
        assertThat(Main.run("html", "validate", "-")).isEqualTo(1);
        assertThat(output().strip()).isEqualTo("-:1:3: a bare < at 1:3; write &lt;");
    }

    @Test
    void jsonGivesOneObjectPerFileAndLine() throws Exception {
        Path good = file("good.html", "<a href=\"https://x.org/\">x</a>");
        Path bad = file("bad.html", "&nbsp x");
        assertThat(Main.run("html", "validate", "--json", good.toString(), bad.toString()))
                .isEqualTo(1);
        String[] lines = output().split("\n");
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines[0]);
        assertThat(first.get("file").asText()).isEqualTo(good.toString());
        assertThat(first.get("valid").asBoolean()).isTrue();
        assertThat(first.get("errors").size()).isZero();
        assertThat(first.get("html").asText())
                .isEqualTo("<a href=\"https://x.org/\" rel=\"nofollow ugc noopener\">x</a>");
        JsonNode second = json.readTree(lines[1]);
        assertThat(second.get("valid").asBoolean()).isFalse();
        assertThat(second.get("html").isNull()).isTrue();
        JsonNode e = second.get("errors").get(0);
        assertThat(e.get("line").asInt()).isEqualTo(1);
        assertThat(e.get("column").asInt()).isEqualTo(1);
        assertThat(e.get("message").asText()).isEqualTo("&nbsp without ; at 1:1");
        assertThat(e.get("excerpt").asText()).isEqualTo("&nbsp");
    }

    @Test
    void sanitizePrintsTheHtmlToStore() throws Exception {
        Path in = file("in.html", "<p onclick=x>hi <script>alert(1)</script><a href=\"/s\">s</a></p>");
        assertThat(Main.run("html", "sanitize", "--base", "https://journal.example/", in.toString()))
                .isZero();
        assertThat(output().strip())
                .isEqualTo("<p>hi <a href=\"https://journal.example/s\" rel=\"nofollow ugc noopener\">s</a></p>");
    }

    @Test
    void sanitizeWithJsonAndTheAggregatedPolicy() throws Exception {
        Path in = file("in.html", "<h2>T</h2><img src=\"https://x.org/a.png\" alt=\"\">");
        assertThat(Main.run("html", "sanitize", "--json", "--policy", "aggregated", in.toString()))
                .isZero();
        JsonNode node = new ObjectMapper().readTree(output());
        assertThat(node.get("valid").isNull()).isTrue();
        assertThat(node.get("html").asText()).isEqualTo("<h2>T</h2><img src=\"https://x.org/a.png\" alt=\"\">");
        out.reset();
        assertThat(Main.run("html", "sanitize", "--json", in.toString())).isZero();
        node = new ObjectMapper().readTree(output());
        assertThat(node.get("valid").asBoolean()).isFalse();
        assertThat(node.get("html").asText()).isEqualTo("T");
    }

    @Test
    void anUnreadableFileIsReportedAndTheOthersStillChecked() throws Exception {
        Path good = file("good.html", "<b>x</b>");
        int code = Main.run("html", "validate", dir.resolve("missing.html").toString(), good.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("missing.html does not exist; check the path")
                .doesNotContain("java.");
    }
}
