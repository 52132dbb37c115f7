package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /search}, {@code /search/atom.xml} and {@code /opensearch.xml} over real HTTP on both databases: results
 * with highlights built by the page, filters, hostile queries answered with results or a 400 naming the problem,
 * and pages that pass the Nu Html Checker.
 */
class SearchWebTest {
    private static NuChecker checker;

    @BeforeAll
    static void startChecker() {
        checker = new NuChecker();
    }

    @AfterAll
    static void stopChecker() {
        checker = null;
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void searchFindsEntriesWithHighlightedSnippetsAndAFeedOfTheSearch(String kind) throws Exception {
        try (PlanetSite site = new PlanetSite(kind)) {
            HttpResponse<String> r = site.get("/search?q=" + q("graphite"));
            assertThat(r.statusCode()).isEqualTo(200);
            Document doc = Jsoup.parse(r.body());
            assertThat(doc.select("ol.search-results li h2 a").eachText()).containsExactly("Upgrading Graphite");
            assertThat(doc.select("ol.search-results mark").eachText()).contains("Graphite");
            assertThat(doc.select("link[rel=search]").attr("href")).isEqualTo("/opensearch.xml");
            assertThat(doc.select("form.site-search input[name=q]")).hasSize(1);

            HttpResponse<String> filtered = site.get("/search?q=" + q("note") + "&feed=" + site.alice.id());
            assertThat(Jsoup.parse(filtered.body()).select("ol.search-results li"))
                    .isEmpty();
            HttpResponse<String> bob = site.get("/search?q=note&category=linux&part=planet&order=best");
            assertThat(Jsoup.parse(bob.body()).select("ol.search-results li")).hasSize(20);
            assertThat(Jsoup.parse(bob.body()).select("a[rel=next]").attr("href"))
                    .contains("page=2");
            HttpResponse<String> page2 =
                    site.get(Jsoup.parse(bob.body()).select("a[rel=next]").attr("href"));
            assertThat(Jsoup.parse(page2.body()).select("ol.search-results li")).hasSize(15);

            HttpResponse<String> atom = site.get("/search/atom.xml?q=graphite");
            assertThat(atom.statusCode()).isEqualTo(200);
            assertThat(atom.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
            assertThat(atom.body())
                    .contains("<title>Upgrading Graphite</title>")
                    .contains("http://planet.test/entries/");

            HttpResponse<String> os = site.get("/opensearch.xml");
            assertThat(os.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/opensearchdescription+xml");
            assertThat(os.body()).contains("template=\"http://planet.test/search?q={searchTerms}\"");

            for (String path : List.of("/search", "/search?q=graphite", "/search?q=" + q("\"\"\""))) {
                HttpResponse<String> page = site.get(path);
                NuChecker.Report report = checker.checkHtml(
                        page.body().getBytes(StandardCharsets.UTF_8),
                        site.uri("/").toString());
                assertThat(report.errors())
                        .as("Nu Html Checker errors in %s\n%s", path, page.body())
                        .isEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void hostileQueriesGiveResultsOrA400NamingTheProblemNeverA500(String kind) throws Exception {
        try (PlanetSite site = new PlanetSite(kind)) {
            for (String hostile : List.of(
                    "\"graphite",
                    "graphite\" OR \"",
                    "NEAR(graphite bhyve, 2)",
                    "graph*",
                    "'; DROP TABLE entries; --",
                    "<script>alert(1)</script>",
                    "x".repeat(10_240),
                    "graphite " + "a ".repeat(5_000))) {
                HttpResponse<String> r = site.get("/search?q=" + q(hostile));
                assertThat(r.statusCode())
                        .as(hostile.substring(0, Math.min(40, hostile.length())))
                        .isEqualTo(
                                hostile.length() > 8_000
                                        ? 414
                                        : 200); // beyond the 8 KiB request line the server refuses first
                assertThat(r.body()).doesNotContain("<script>alert(1)</script>");
            }
            for (String bad : List.of(
                    "/search?q=" + q("***"),
                    "/search?q=" + q("-graphite"),
                    "/search?q=x&from=yesterday",
                    "/search?q=x&from=2026-02-01&to=2026-01-01",
                    "/search?q=x&part=kitchen",
                    "/search?q=x&order=sideways",
                    "/search?q=x&category=none-such",
                    "/search?q=x&page=99999999",
                    "/search?q=x&feed=abc")) {
                HttpResponse<String> r = site.get(bad);
                assertThat(r.statusCode()).as(bad).isEqualTo(400);
                assertThat(Jsoup.parse(r.body()).select("p.error").text())
                        .as(bad)
                        .isNotBlank();
            }
            assertThat(site.get("/search/atom.xml?q=" + q("***")).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void escapingKeepsQuotesAndTagsAsText() {
        assertThat(SearchPages.escape("<a href=\"x\">&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    }
}
