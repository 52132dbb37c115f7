package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.callisto.app.Callisto;
import org.callisto.config.Config;
import org.callisto.config.ConfigLoader;
import org.callisto.db.TestDatabases;
import org.callisto.planet.fetch.FixtureServer;
import org.callisto.planet.parse.FeedParser;
import org.callisto.planet.parse.ParsedFeed;
import org.callisto.web.WebServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The planet from end to end over real loopback sockets and a real database: a few dozen real feeds from the
 * shared corpora plus one feed per hostile input are subscribed, fetched in one round, rendered in every page type,
 * and the planet's own output feeds are parsed back. Runs on SQLite and on PostgreSQL.
 */
class PlanetEndToEndTest {

    /** Real feeds written by others, read in place from the shared corpora. */
    static final List<String> GOOD_FEEDS = List.of(
            "rome/rome/src/test/resources/rss_0.91N.xml",
            "rome/rome/src/test/resources/rss_0.91U.xml",
            "rome/rome/src/test/resources/rss_0.92.xml",
            "rome/rome/src/test/resources/rss_0.93.xml",
            "rome/rome/src/test/resources/rss_0.94.xml",
            "rome/rome/src/test/resources/rss_1.0.xml",
            "rome/rome/src/test/resources/rss_2.0.xml",
            "rome/rome/src/test/resources/atom_0.3.xml",
            "rome/rome/src/test/resources/atom_1.0.xml",
            "rome/rome/src/test/resources/atom_1.0_b.xml",
            "rome/rome/src/test/resources/rss_1.0_DC_Sy.xml",
            "rome/rome/src/test/resources/CDATATestFeed.xml",
            "rome/rome/src/test/resources/dublin-core-date.xml",
            "rome/rome/src/test/resources/rss_1.0-ns-on-channel.xml",
            "miniflux/internal/reader/parser/testdata/encoding_ISO-8859-1.xml",
            "miniflux/internal/reader/parser/testdata/encoding_WINDOWS-1251.xml",
            "miniflux/internal/reader/parser/testdata/large_atom.xml",
            "miniflux/internal/reader/parser/testdata/large_rss.xml",
            "miniflux/internal/reader/parser/testdata/no_encoding_ISO-8859-1.xml",
            "miniflux/internal/reader/parser/testdata/rdf_UTF8.xml",
            "miniflux/internal/reader/parser/testdata/small_atom.xml",
            "miniflux/internal/reader/parser/testdata/urdu_UTF8.xml",
            "podcast-feeds-partytime/fixtures/example.xml",
            "podcast-feeds-partytime/fixtures/pc20rss.xml",
            "podcast-feeds-partytime/fixtures/SOM.xml",
            "jsonfeed/schema/test/examples/v1.1/microblog.json",
            "jsonfeed/schema/test/examples/v1.1/podcast.json",
            "jsonfeed/schema/test/examples/v1.1/simple.json");

    static final String BILLION_LAUGHS = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
             <!ENTITY a "lollollollollollollollollollol">
             <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
             <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
             <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
             <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
             <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
             <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
             <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
             <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
            ]>
            <rss version="2.0"><channel><title>Laughs</title><link>https://laughs.example.org/</link>
            <item><title>&i;</title><guid>laugh-1</guid><description>&i;</description></item></channel></rss>
            """;

    static final String XXE = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>External</title><link>https://xxe.example.org/</link>
            <item><title>leak</title><guid>xxe-1</guid><description>&secret;</description></item></channel></rss>
            """;

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void subscribesFetchesRendersEveryPageAndParsesItsOwnFeedsBack(String kind) throws Exception {
        try (FixtureServer fixtures = FixtureServer.start()) {
            Map<String, String> feedUrls = new LinkedHashMap<>();
            for (int i = 0; i < GOOD_FEEDS.size(); i++) {
                String path = "/good/" + i + "-" + GOOD_FEEDS.get(i).replaceAll(".*/", "");
                fixtures.route(path)
                        .corpusFile(GOOD_FEEDS.get(i))
                        .etag("\"v" + i + "\"")
                        .contentType(GOOD_FEEDS.get(i).endsWith(".json") ? "application/feed+json" : "application/xml");
                feedUrls.put(GOOD_FEEDS.get(i), fixtures.url(path).toString());
            }
            Map<String, String> hostile = hostileFeeds(fixtures);

            Map<String, String> settings = new HashMap<>(Map.of(
                    "fetch.allow_loopback", "true",
                    "fetch.total_timeout", "6s",
                    "fetch.read_timeout", "5s",
                    "fetch.max_body", "2MiB",
                    "fetch.per_host", "8",
                    "server.port", "0",
                    "site.title", "End to End Planet"));
            settings.put(
                    "data.dir",
                    java.nio.file.Files.createTempDirectory("callisto-e2e").toString());
            if ("postgres".equals(kind)) {
                settings.put("database.url", TestDatabases.postgresUrl());
                settings.put("database.user", "postgres");
            }
            Config config = ConfigLoader.of(settings);
            try (Callisto planet = Callisto.open(config)) {
                SubscriptionStore store = planet.subscriptions();
                EntryStore entries = planet.entries();
                int n = 0;
                for (String url : feedUrls.values()) {
                    store.addFeed(url, null, List.of(n++ % 2 == 0 ? "FreeBSD" : "OpenBSD"));
                }
                for (String url : hostile.values()) {
                    store.addFeed(url, null, List.of("Hostile"));
                }
                String truncated = fixtures.url("/hostile/truncated.xml").toString();
                store.addFeed(truncated, null, List.of("Hostile"));
                Map<String, RefreshOutcome> outcomes = new ConcurrentHashMap<>();
                RefreshRound.Summary first = planet.round().run(store.feeds(), o -> outcomes.put(o.url(), o));
                assertThat(first.feeds()).isEqualTo(feedUrls.size() + hostile.size() + 1);
                Feed repaired = store.feedByUrl(truncated).orElseThrow();
                assertThat(repaired.lastError()).isNull();
                assertThat(repaired.illFormed()).isTrue();
                assertThat(entries.feedEntries(repaired.id(), 0, 10))
                        .extracting(Entry::title)
                        .containsExactly("Half & half");

                for (Map.Entry<String, String> good : feedUrls.entrySet()) {
                    RefreshOutcome o = outcomes.get(good.getValue());
                    assertThat(o.kind())
                            .as("outcome of %s: %s", good.getKey(), o.message())
                            .isEqualTo(RefreshOutcome.Kind.OK);
                }
                for (Map.Entry<String, String> bad : hostile.entrySet()) {
                    Feed f = store.feedByUrl(bad.getValue()).orElseThrow();
                    String status = f.lastError() != null ? f.lastError() : f.problems();
                    assertThat(status)
                            .as("stored status of hostile feed %s", bad.getKey())
                            .isNotBlank();
                }
                assertThat(store.feedByUrl(hostile.get("gone")).orElseThrow().disabled())
                        .isTrue();
                assertThat(store.feedByUrl(hostile.get("html page"))
                                .orElseThrow()
                                .lastErrorKind())
                        .isEqualTo(RefreshFailure.NOT_A_FEED);
                assertThat(store.feedByUrl(hostile.get("metadata redirect"))
                                .orElseThrow()
                                .lastErrorKind())
                        .isEqualTo(RefreshFailure.BLOCKED_ADDRESS);
                List<Entry> all = entries.river(0, 100_000);
                assertThat(all.size()).isGreaterThan(100);
                Feed xxe = store.feedByUrl(hostile.get("external entity")).orElseThrow();
                for (Entry e : entries.feedEntries(xxe.id(), 0, 100)) {
                    assertThat(e.bodyHtml() + e.title()).doesNotContain("root:");
                }
                for (Entry e : all) {
                    assertThat(e.bodyHtml()).doesNotContainIgnoringCase("<script");
                    assertThat(e.title() == null ? "" : e.title())
                            .doesNotContain("lollollollollollollollollollollollol".repeat(10));
                }

                // A second round: the fixtures answer 304 to the validators the first round stored.
                RefreshRound.Summary second = planet.round()
                        .run(
                                store.feeds().stream()
                                        .filter(f -> feedUrls.containsValue(f.url()))
                                        .toList(),
                                o -> {});
                assertThat(second.notModified()).isEqualTo(feedUrls.size());
                assertThat(second.added()).isZero();
                assertThat(entries.river(0, 100_000)).hasSize(all.size());

                WebServer web = planet.startWeb(routes -> {});
                renderEveryPageAndReadOwnFeeds(web.port(), store, all);
            }
        }
    }

    private static Map<String, String> hostileFeeds(FixtureServer fixtures) throws Exception {
        Map<String, String> urls = new LinkedHashMap<>();
        fixtures.route("/hostile/laughs.xml").body(BILLION_LAUGHS).contentType("application/rss+xml");
        urls.put("billion laughs", fixtures.url("/hostile/laughs.xml").toString());
        fixtures.route("/hostile/xxe.xml").body(XXE).contentType("application/rss+xml");
        urls.put("external entity", fixtures.url("/hostile/xxe.xml").toString());
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gz.write(zeros);
            }
        }
        fixtures.route("/hostile/bomb.xml")
                .body(bomb.toByteArray())
                .header("Content-Encoding", "gzip")
                .contentType("application/rss+xml");
        urls.put("gzip bomb", fixtures.url("/hostile/bomb.xml").toString());
        fixtures.route("/hostile/huge.xml").generated(1L << 30, false).contentType("application/rss+xml");
        urls.put("1 GB body", fixtures.url("/hostile/huge.xml").toString());
        fixtures.route("/hostile/slow.xml").slowBody(Duration.ofMillis(200)).contentType("application/rss+xml");
        urls.put("endless slow body", fixtures.url("/hostile/slow.xml").toString());
        fixtures.route("/hostile/loop-a").redirect(302, "/hostile/loop-b");
        fixtures.route("/hostile/loop-b").redirect(302, "/hostile/loop-a");
        urls.put("redirect loop", fixtures.url("/hostile/loop-a").toString());
        urls.put("metadata address", "http://169.254.169.254/latest/meta-data/");
        fixtures.route("/hostile/to-metadata").redirect(301, "http://169.254.169.254/latest/meta-data/");
        urls.put("metadata redirect", fixtures.url("/hostile/to-metadata").toString());
        fixtures.route("/hostile/page.html")
                .body("<!DOCTYPE html><html><head><title>Blog</title></head>"
                        + "<body><h1>Welcome</h1><p>No feed here.</p></body></html>")
                .contentType("text/html");
        urls.put("html page", fixtures.url("/hostile/page.html").toString());
        fixtures.route("/hostile/gone.xml").status(410);
        urls.put("gone", fixtures.url("/hostile/gone.xml").toString());
        fixtures.route("/hostile/truncated.xml")
                .body("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                        + "<title>Cut</title><item><title>Half &amp; half</title><guid>t1</guid><description>ab")
                .contentType("application/rss+xml");
        return urls;
    }

    private static void renderEveryPageAndReadOwnFeeds(int port, SubscriptionStore store, List<Entry> all)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        Entry newest = all.getFirst();
        Feed someFeed = store.feed(newest.feedId()).orElseThrow();
        var day = newest.publishedAt().atZone(ZoneOffset.UTC).toLocalDate();
        List<String> pages = new ArrayList<>(List.of(
                "/",
                "/?page=2",
                "/category/freebsd",
                "/category/openbsd",
                "/feeds/" + someFeed.id(),
                "/entries/" + newest.id(),
                "/archive",
                String.format("/archive/%04d/%02d", day.getYear(), day.getMonthValue()),
                String.format("/archive/%04d/%02d/%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth()),
                "/subscriptions",
                "/opml.xml",
                "/atom.xml",
                "/rss.xml",
                "/category/freebsd/atom.xml",
                "/category/freebsd/rss.xml"));
        for (String page : pages) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + page)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as("status of %s", page).isEqualTo(200);
            assertThat(r.headers().firstValue("ETag")).as("ETag of %s", page).isPresent();
        }
        HttpResponse<String> subs = http.send(
                HttpRequest.newBuilder(URI.create(base + "/subscriptions")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(subs.body())
                .contains("410")
                .contains("169.254.169.254")
                .contains("not well-formed, repaired: parse error at");

        FeedParser parser = new FeedParser();
        for (String output : List.of("/atom.xml", "/rss.xml")) {
            byte[] bytes = http.send(
                            HttpRequest.newBuilder(URI.create(base + output)).build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body();
            ParsedFeed back = parser.parse(bytes, null, base + output);
            assertThat(back.illFormed())
                    .as("%s is well-formed: %s", output, back.problems())
                    .isFalse();
            assertThat(back.title()).isEqualTo("End to End Planet");
            assertThat(back.entries()).hasSize(Math.min(50, all.size()));
            // Atom requires a title, so the Atom writer names an untitled entry "(untitled)"; RSS may omit it
            boolean untitled = newest.title() == null || newest.title().isBlank();
            assertThat(back.entries().getFirst().title())
                    .isEqualTo(untitled && output.equals("/atom.xml") ? "(untitled)" : newest.title());
            assertThat(back.entries().getFirst().link())
                    .isEqualTo(
                            newest.link() != null
                                    ? newest.link()
                                    : "http://localhost:8080/entries/"
                                            + newest.id()); // the permalink stands in for a missing link
        }
        assertThat(Instant.now()).isAfter(newest.publishedAt().minusSeconds(1));
    }
}
