package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.callisto.html.HtmlSanitizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every page type of the planet, and its stylesheet, pass the Nu Html Checker (the W3C validator's engine, run in
 * process on the HTML5 schema, see {@link NuChecker}) with no error. Warnings are printed, not failed; a failure
 * lists each error as line:column: message, followed by the page with numbered lines.
 */
class PagesConformanceTest {
    private static final String STYLESHEET = "/static/callisto.css";

    private static PlanetSite site;
    private static NuChecker checker;

    @BeforeAll
    static void start() {
        site = new PlanetSite("sqlite");
        checker = new NuChecker();
    }

    @AfterAll
    static void stop() throws Exception {
        if (checker != null) {
            checker.close();
        }
        if (site != null) {
            site.close();
        }
    }

    static Stream<Arguments> pages() {
        LocalDate day = LocalDate.ofInstant(site.base, ZoneOffset.UTC);
        String month = String.format("/archive/%04d/%02d", day.getYear(), day.getMonthValue());
        long entry = site.entries.river(0, 1).getFirst().id();
        return Stream.of(
                Arguments.of("/", 200),
                Arguments.of("/?page=2", 200),
                Arguments.of("/category/freebsd", 200),
                Arguments.of("/category/linux?page=2", 200),
                Arguments.of("/feeds/" + site.alice.id(), 200),
                Arguments.of("/feeds/" + site.bob.id(), 200),
                Arguments.of("/feeds/" + site.carol.id(), 200),
                Arguments.of("/feeds/" + site.dave.id(), 200),
                Arguments.of("/entries/" + entry, 200),
                Arguments.of("/archive", 200),
                Arguments.of(month, 200),
                Arguments.of(month + String.format("/%02d", day.getDayOfMonth()), 200),
                Arguments.of("/subscriptions", 200),
                Arguments.of("/entries/424242", 404),
                Arguments.of("/no/such/page", 404),
                Arguments.of("/?page=abc", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void pageHasNoConformanceError(String path, int status) throws Exception {
        HttpResponse<byte[]> r = site.getBytes(path);
        assertThat(r.statusCode()).as("status of %s", path).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
                .as("type of %s", path)
                .startsWith("text/html");
        report(path, r.body(), checker.checkHtml(r.body(), site.uri(path).toString()));
    }

    @Test
    void stylesheetHasNoConformanceError() throws Exception {
        HttpResponse<byte[]> r = site.getBytes(STYLESHEET);
        assertThat(r.statusCode()).isEqualTo(200);
        report(
                STYLESHEET,
                r.body(),
                checker.checkCss(r.body(), site.uri(STYLESHEET).toString()));
    }

    @Test
    void theCheckerReportsErrorsWithTheirPositions() {
        byte[] bad = ("<!DOCTYPE html>\n<html lang=\"en\"><head><title>t</title></head>\n"
                        + "<body><img src=\"a.png\"><p>text</span></body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
        NuChecker.Report report = checker.checkHtml(bad, "http://example.test/bad");
        assertThat(report.errors())
                .as("errors of a document without alt text and with a stray end tag")
                .anySatisfy(e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.text()).contains("alt");
                })
                .anySatisfy(e -> assertThat(e.text()).contains("span"));
        byte[] badCss = "p { colour: red; }\n".getBytes(StandardCharsets.UTF_8);
        assertThat(checker.checkCss(badCss, "http://example.test/bad.css").errors())
                .isNotEmpty();
    }

    /**
     * For information: how much of what the sanitizer lets through from DOMPurify's fixtures would itself be
     * flagged by the checker once inside an entry (feed content is not ours to fix, but the figure shows what a
     * page with real entries may carry).
     */
    @Test
    void conformanceOfSanitizedContentIsReported() throws Exception {
        Path corpus = Path.of(System.getProperty("callisto.corpora", "../shared/corpora"), "dompurify", "expect.json");
        Assumptions.assumeTrue(Files.exists(corpus), "corpus not found: " + corpus.toAbsolutePath());
        HtmlSanitizer sanitizer = HtmlSanitizer.aggregated();
        int flagged = 0;
        int total = 0;
        Map<String, Integer> kinds = new TreeMap<>();
        for (JsonNode c : new ObjectMapper().readTree(corpus.toFile())) {
            String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>entry</title></head><body><article>"
                    + sanitizer.sanitize(c.get("payload").asText(), "https://blog.example/post/")
                    + "</article></body></html>\n";
            NuChecker.Report report = checker.checkHtml(html.getBytes(StandardCharsets.UTF_8), "entry:" + total);
            total++;
            if (!report.errors().isEmpty()) {
                flagged++;
                report.errors().forEach(e -> kinds.merge(e.text(), 1, Integer::sum));
            }
        }
        System.out.printf("nu checker on sanitized DOMPurify fixtures: %d of %d entries with errors%n", flagged, total);
        kinds.forEach((k, n) -> System.out.printf("  %3d  %s%n", n, k));
        assertThat(total).isPositive();
    }

    private static void report(String path, byte[] body, NuChecker.Report report) {
        report.warnings().forEach(w -> System.out.println("nu checker warning, " + path + ":" + w));
        String source = new String(body, StandardCharsets.UTF_8);
        assertThat(report.errors())
                .as("Nu Html Checker errors in %s (line:column: message)\n%s", path, numbered(source))
                .isEmpty();
    }

    private static String numbered(String source) {
        StringBuilder out = new StringBuilder();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.append(String.format("%4d  %s%n", i + 1, lines[i]));
        }
        return out.toString();
    }
}
