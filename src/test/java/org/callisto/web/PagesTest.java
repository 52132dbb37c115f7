package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PagesTest {
    private static final Map<String, PlanetSite> SITES = new ConcurrentHashMap<>();

    static PlanetSite site(String kind) {
        return SITES.computeIfAbsent(kind, PlanetSite::new);
    }

    @AfterAll
    static void closeSites() {
        SITES.values().forEach(PlanetSite::close);
        SITES.clear();
    }

    private static Document page(PlanetSite site, String path) {
        HttpResponse<String> r = site.get(path);
        assertThat(r.statusCode()).as("status of %s", path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                .isEqualTo("text/html;charset=utf-8"); // Jetty writes the known HTML type without the space
        Document doc = Jsoup.parse(r.body(), site.uri(path).toString());
        assertWellFormedPage(doc, path);
        return doc;
    }

    static void assertWellFormedPage(Document doc, String path) {
        assertThat(doc.documentType()).as("doctype of %s", path).isNotNull();
        assertThat(doc.documentType().name()).isEqualTo("html");
        assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(doc.select("h1")).as("h1 of %s", path).hasSize(1);
        assertThat(doc.select("main")).hasSize(1);
        assertThat(doc.select("body > header nav")).isNotEmpty();
        assertThat(doc.select("body > footer")).hasSize(1);
        assertThat(doc.select("head > title").text()).isNotBlank();
        assertThat(doc.select("head > meta[name=viewport]")).hasSize(1);
        assertThat(doc.select("head > link[rel=alternate][type=application/atom+xml]"))
                .hasSize(1);
        assertThat(doc.select("head > link[rel=alternate][type=application/rss+xml]"))
                .hasSize(1);
        assertThat(doc.select("script")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void riverIsGroupedByDayNewestFirstAndPaginated(String kind) {
        PlanetSite site = site(kind);
        Document doc = page(site, "/");
        assertThat(doc.select("h1").text()).isEqualTo("Test Planet");
        assertThat(doc.select("main article.entry")).hasSize(30);
        assertThat(doc.select("main section.day > h2 time"))
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.attr("datetime")).matches("\\d{4}-\\d{2}-\\d{2}"));
        LocalDate baseDay = LocalDate.ofInstant(site.base, ZoneOffset.UTC);
        Element first = doc.selectFirst("main section.day");
        assertThat(first.selectFirst("h2 time").attr("datetime")).isEqualTo(baseDay.toString());
        Element top = first.selectFirst("article.entry");
        assertThat(top.selectFirst("h3 a").text()).isEqualTo("Upgrading Graphite");
        assertThat(top.selectFirst("h3 a").attr("href")).isEqualTo("https://example.org/a1");
        assertThat(top.selectFirst("a.source").text()).isEqualTo("Alice Liddell");
        assertThat(top.selectFirst("a.source").attr("href")).isEqualTo("/feeds/" + site.alice.id());
        assertThat(top.selectFirst("time").attr("datetime")).isEqualTo(Format.iso(site.base));
        assertThat(top.select("a.category").eachText()).containsExactly("FreeBSD");
        String older = doc.select("a[rel=next]").attr("href");
        assertThat(older).matches("/\\?before=\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z~\\d+");
        assertThat(doc.select("head link[rel=next]").attr("href")).isEqualTo(older);
        assertThat(doc.select("a[rel=prev]")).isEmpty();

        Document second = page(site, older);
        assertThat(second.select("main article.entry")).hasSize(8);
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(second.select("main").text()).contains("Getting to know your portmgr-lurker");
        // the newer link of the second page leads back to the first page's entries
        Document back = page(site, second.select("a[rel=prev]").attr("href"));
        assertThat(back.select("main article h3").eachText())
                .isEqualTo(doc.select("main article h3").eachText());

        // an old ?page=N link shows the same entries, with links by place onwards
        Document legacy = page(site, "/?page=2");
        assertThat(legacy.select("main article h3").eachText())
                .isEqualTo(second.select("main article h3").eachText());
        assertThat(legacy.select("a[rel=prev]").attr("href")).isEqualTo("/");
        assertThat(legacy.select("nav.pager").text()).contains("Page 2 of 2");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void anEmptyPlanetStillHasItsPages(String kind) throws Exception {
        try (org.callisto.app.Callisto callisto = org.callisto.app.Callisto.open(
                org.callisto.config.ConfigLoader.of(Map.of("server.port", "0")),
                org.callisto.db.TestDatabases.open(kind),
                java.time.Clock.systemUTC())) {
            WebServer server = callisto.startWeb(routes -> {});
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            for (String path : new String[] {"/", "/archive", "/subscriptions", "/atom.xml", "/rss.xml"}) {
                HttpResponse<String> r = client.send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + server.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                if (!path.endsWith(".xml")) {
                    assertWellFormedPage(Jsoup.parse(r.body()), path);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void feedNamesAndTitlesAreEscaped(String kind) {
        PlanetSite site = site(kind);
        HttpResponse<String> r = site.get("/feeds/" + site.bob.id());
        assertThat(r.body()).contains("Bob &lt;Builder&gt;").doesNotContain("<Builder>");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void preformattedTextKeepsItsWhitespace(String kind) {
        PlanetSite site = site(kind);
        HttpResponse<String> r = site.get("/");
        assertThat(r.body()).contains(PlanetSite.PRE_BLOCK);
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.selectFirst("article pre").wholeText())
                .isEqualTo("$ pkg install graphite\n    line   indented\n\tand tabbed");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void categoryPageShowsOnlyItsEntries(String kind) {
        PlanetSite site = site(kind);
        Document doc = page(site, "/category/freebsd");
        assertThat(doc.select("h1").text()).isEqualTo("Category Archives: FreeBSD");
        assertThat(doc.title()).startsWith("Category Archives: FreeBSD");
        assertThat(doc.select("main article h3").eachText())
                .containsExactly("Upgrading Graphite", "Bhyve in libvirt", "Getting to know your portmgr-lurker");
        assertThat(doc.select("main section.day > h2")).hasSize(3);
        assertThat(doc.select("head link[rel=alternate][type=application/atom+xml]")
                        .attr("href"))
                .isEqualTo("/category/freebsd/atom.xml");
        assertThat(doc.select("head link[rel=alternate][type=application/rss+xml]")
                        .attr("href"))
                .isEqualTo("/category/freebsd/rss.xml");
        // Alice's "Bhyve" entry names Linux among its own terms, so it is in Linux too
        Document linux = page(site, "/category/linux");
        assertThat(linux.select("main article h3").eachText())
                .contains("Bhyve in libvirt", "Kernel note 0")
                .doesNotContain("Upgrading Graphite");
        assertThat(linux.select("a[rel=next]").attr("href")).startsWith("/category/linux?before=");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void feedPageNamesTheFeedAndLinksItsSite(String kind) {
        PlanetSite site = site(kind);
        Document doc = page(site, "/feeds/" + site.alice.id());
        assertThat(doc.select("h1").text()).isEqualTo("Alice Liddell");
        assertThat(doc.select(".feed-about").text()).contains("https://alice.example/feed.xml", "FreeBSD");
        assertThat(doc.select(".feed-about a[href=https://alice.example/]")).hasSize(1);
        assertThat(doc.select(".feed-about .description em").text()).isEqualTo("FreeBSD");
        assertThat(doc.select("main article")).hasSize(3);
        assertThat(doc.select("head link[rel=alternate][type=application/atom+xml]")
                        .attr("href"))
                .isEqualTo("/feeds/" + site.alice.id() + "/atom.xml");
        Document carol = page(site, "/feeds/" + site.carol.id());
        assertThat(carol.select("main").text()).contains("No entries from this feed yet.");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void entryPermalinkCreditsTheOriginal(String kind) {
        PlanetSite site = site(kind);
        long id = site.entries.river(0, 1).getFirst().id();
        Document doc = page(site, "/entries/" + id);
        assertThat(doc.select("h1").text()).isEqualTo("Upgrading Graphite");
        Element credit = doc.selectFirst("article footer.credit");
        assertThat(credit.text()).isEqualTo("Originally published by Alice Liddell at https://example.org/a1.");
        assertThat(credit.select("a").eachAttr("href"))
                .containsExactly("/feeds/" + site.alice.id(), "https://example.org/a1");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void dateArchivesListMonthsAndShowDays(String kind) {
        PlanetSite site = site(kind);
        LocalDate day = LocalDate.ofInstant(site.base, ZoneOffset.UTC);
        Document archive = page(site, "/archive");
        assertThat(archive.select("h1").text()).isEqualTo("Archives");
        String monthPath = String.format("/archive/%04d/%02d", day.getYear(), day.getMonthValue());
        assertThat(archive.select("main a").eachAttr("href")).contains(monthPath);

        Document dayPage = page(site, monthPath + String.format("/%02d", day.getDayOfMonth()));
        assertThat(dayPage.select("h1").text()).startsWith("Daily Archives: ");
        assertThat(dayPage.select("main section.day")).hasSize(1);
        assertThat(dayPage.select("main article h3").eachText())
                .contains("Upgrading Graphite")
                .doesNotContain("Bhyve in libvirt");
        Document monthPage = page(site, monthPath);
        assertThat(monthPage.select("h1").text()).startsWith("Monthly Archives: ");
        assertThat(monthPage.select("main article")).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void subscriptionsTableShowsStatusErrorsAndRates(String kind) {
        PlanetSite site = site(kind);
        Document doc = page(site, "/subscriptions");
        assertThat(doc.select("h1").text()).isEqualTo("Subscriptions");
        assertThat(doc.select("table.subscriptions thead th").eachText())
                .containsExactly("Feed", "Categories", "Last fetch", "Next fetch", "Status", "Entries per week");
        assertThat(doc.select("table.subscriptions tbody tr")).hasSize(4);
        Element carol = doc.select("table.subscriptions tbody tr").stream()
                .filter(tr -> tr.text().contains("Carol"))
                .findFirst()
                .orElseThrow();
        assertThat(carol.text())
                .contains(
                        "Error",
                        "could not be resolved (DNS)",
                        "no address found for carol.invalid",
                        "2 hours ago",
                        "in 4 hours",
                        "https://carol.invalid/atom");
        assertThat(carol.select("time").eachAttr("datetime")).hasSize(2);
        Element bob = doc.select("table.subscriptions tbody tr").stream()
                .filter(tr -> tr.text().contains("Bob"))
                .findFirst()
                .orElseThrow();
        assertThat(bob.selectFirst("td.number").text()).isEqualTo("4.4"); // 35 entries over 8 weeks
        assertThat(bob.text()).contains("Linux", "never", "Not fetched yet");
        Element alice = row(doc, "Alice");
        assertThat(alice.text()).contains("OK", "30 minutes ago", "in 1 hour", "0.4");
        Element dave = row(doc, "Dave");
        assertThat(dave.text()).contains("Disabled", "switched off by an editor: the blog moved", "not scheduled");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void unknownThingsAreNotFoundWithAMessage(String kind) {
        PlanetSite site = site(kind);
        assertError(site, "/category/nope", 404, "There is no category \"nope\"");
        assertError(site, "/category/nope/atom.xml", 404, "There is no category \"nope\"");
        assertError(site, "/feeds/999999", 404, "There is no feed 999999");
        assertError(site, "/feeds/abc", 404, "There is no feed abc");
        assertError(site, "/entries/424242", 404, "There is no entry 424242");
        assertError(site, "/archive/2026/13", 404, "There is no month 13");
        assertError(site, "/archive/2026/02/30", 404, "There is no day \"30\"");
        assertError(site, "/no/such/page", 404, "There is no page at /no/such/page");
        assertError(site, "/?page=3", 404, "There is no page 3 of the river of news: it has 2 pages.");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void badPageNumbersAreBadRequests(String kind) {
        PlanetSite site = site(kind);
        assertError(site, "/?page=abc", 400, "page must be a whole number from 1 to 2");
        assertError(site, "/?page=0", 400, "page must be a whole number from 1 to 2");
        assertError(site, "/?page=-1", 400, "page must be a whole number from 1 to 2");
        assertError(site, "/category/freebsd?page=1.5", 400, "page must be a whole number from 1 to 1");
        assertError(site, "/?page=%27%3B--", 400, "page must be a whole number");
        assertError(site, "/?page=99999999999999999999", 400, "page must be a whole number");
        assertError(site, "/?before=yesterday", 400, "before must be a time and an entry id");
        assertError(site, "/?before=2026-01-02T03:04:05Z", 400, "before must be a time and an entry id");
        assertError(site, "/?before=2026-01-02T03:04:05Z~-1", 400, "before must be a time and an entry id");
        assertError(site, "/?after=2026-13-02T03:04:05Z~1", 400, "after must be a time and an entry id");
        assertError(
                site,
                "/feeds/" + site.alice.id() + "?before=%27%3B--~1",
                400,
                "before must be a time and an entry id as the page's links write them");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void hostileQueryStringsNeverCauseAServerError(String kind) {
        PlanetSite site = site(kind);
        String longValue = "x".repeat(4000);
        for (String query : new String[] {
            "?page=%27%3B--",
            "?page=" + longValue,
            "?before=" + longValue,
            "?after=+1000000000-12-31T23:59:59Z~1",
            "?before=2026-01-02T03:04:05Z~" + longValue,
            "?page=%00",
            "?page=1&page=2",
            "?page=%F0%9F%92%A9",
            "?page=1%0d%0aSet-Cookie:%20x=1",
            "?page=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "?q=" + longValue
        }) {
            for (String path : new String[] {
                "/", "/category/freebsd", "/feeds/" + site.alice.id(), "/archive", "/subscriptions", "/atom.xml"
            }) {
                HttpResponse<String> r = site.get(path + query);
                assertThat(r.statusCode()).as("%s%s", path, query).isLessThan(500);
                assertThat(r.body()).doesNotContain("<script>");
                assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
            }
        }
        for (String raw : new String[] {
            "/?page=%zz", "/?page=%", "/%zz", "/category/%ff%fe", "/?page=1%", "/?%%%=1", "/?page=<script>"
        }) {
            assertThat(rawStatus(site, raw)).as(raw).isBetween(200, 499);
        }
        HttpResponse<String> r = site.get("/?page=" + longValue);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).doesNotContain(longValue);
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void everyResponseCarriesSecurityHeaders(String kind) {
        PlanetSite site = site(kind);
        for (String path : new String[] {"/", "/category/nope", "/static/callisto.css", "/atom.xml"}) {
            HttpResponse<String> r = site.get(path);
            assertThat(r.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValue(WebServer.CONTENT_SECURITY_POLICY);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).isPresent();
        }
        HttpResponse<String> css = site.get("/static/callisto.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(css.body())
                .contains("prefers-color-scheme: dark", "--reading: 44rem", "overflow-x: auto", "@media print");
    }

    private static Element row(Document doc, String name) {
        return doc.select("table.subscriptions tbody tr").stream()
                .filter(tr -> tr.selectFirst("td").text().startsWith(name))
                .findFirst()
                .orElseThrow();
    }

    /** The status of a request sent byte for byte, for targets java.net.URI refuses to build. */
    private static int rawStatus(PlanetSite site, String target) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", site.server.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream()
                    .write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(
                            s.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertError(PlanetSite site, String path, int status, String message) {
        HttpResponse<String> r = site.get(path);
        assertThat(r.statusCode()).as("status of %s", path).isEqualTo(status);
        Document doc = Jsoup.parse(r.body());
        assertWellFormedPage(doc, path);
        assertThat(doc.select("main .error-message").text())
                .as("message of %s", path)
                .contains(message);
        assertThat(r.headers().firstValue("ETag")).isEmpty();
    }
}
