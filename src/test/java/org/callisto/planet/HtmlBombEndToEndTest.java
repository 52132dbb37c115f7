package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.callisto.app.Callisto;
import org.callisto.config.ConfigLoader;
import org.callisto.db.TestDatabases;
import org.callisto.planet.fetch.FixtureServer;
import org.callisto.planet.parse.FeedParser;
import org.callisto.planet.parse.ParsedFeed;
import org.callisto.web.WebServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds built to blow up pages go through the real pipeline (fetch over loopback, parse, sanitize, store) and the
 * real web server: an item of a million nested {@code div}s (5 MB), an item of 3 MB of text, and 48 items of 100 KB.
 * The stored entries, the river and the output feeds stay under the bounds documented in {@code docs/security.md}
 * ("What feeds can make us store and show"). A second feed has a {@code javascript:} site link, which
 * {@code /opml.xml} must not publish, and a NUL, which must not cost it its entries.
 */
class HtmlBombEndToEndTest {
    /** The documented bound of a list page of 30 entries (docs/security.md). */
    static final int LIST_PAGE_BOUND = 2 * 1024 * 1024;
    /** The documented bound of an output feed of 50 entries (docs/security.md). */
    static final int OUTPUT_FEED_BOUND = 6 * 1024 * 1024 + 256 * 1024;

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void bombsStayWithinTheDocumentedBoundsFromFetchToPages(String kind) throws Exception {
        try (FixtureServer fixtures = FixtureServer.start()) {
            fixtures.route("/bombs.xml").body(bombFeed()).contentType("application/rss+xml");
            fixtures.route("/sly.xml")
                    .body("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Sly</title>"
                            + "<link>javascript:alert(document.domain)</link>"
                            + "<item><title>With a\u0000NUL</title><guid>s1</guid><description>one</description></item>"
                            + "<item><title>Plain</title><guid>s2</guid><description>two</description></item>"
                            + "</channel></rss>")
                    .contentType("application/rss+xml");
            Map<String, String> settings = new HashMap<>(Map.of(
                    "fetch.allow_loopback", "true",
                    "fetch.max_body", "32MiB",
                    "fetch.total_timeout", "60s",
                    "fetch.read_timeout", "30s",
                    "server.port", "0",
                    "site.title", "Bombs"));
            settings.put("data.dir", Files.createTempDirectory("callisto-bombs").toString());
            if ("postgres".equals(kind)) {
                settings.put("database.url", TestDatabases.postgresUrl());
                settings.put("database.user", "postgres");
            }
            try (Callisto planet = Callisto.open(ConfigLoader.of(settings))) {
                SubscriptionStore store = planet.subscriptions();
                Feed bombs = store.addFeed(fixtures.url("/bombs.xml").toString(), "Bomber", List.of("Bombs"));
                Feed sly = store.addFeed(fixtures.url("/sly.xml").toString(), "Sly", List.of());
                RefreshRound.Summary summary = planet.round().run(store.feeds(), o -> {});
                assertThat(summary.feeds()).isEqualTo(2);

                List<Entry> stored = planet.entries().feedEntries(bombs.id(), 0, 100);
                assertThat(stored).hasSize(50);
                for (Entry e : stored) {
                    assertThat(bytes(nullToEmpty(e.summaryHtml())) + bytes(nullToEmpty(e.contentHtml())))
                            .as("stored HTML of %s", e.title())
                            .isLessThanOrEqualTo(EntryLimits.MAX_ENTRY_HTML_BYTES);
                }
                assertThat(stored)
                        .allSatisfy(e -> assertThat(e.title()).hasSizeLessThanOrEqualTo(EntryLimits.MAX_TITLE));
                assertThat(stored)
                        .allSatisfy(e ->
                                assertThat(nullToEmpty(e.author())).hasSizeLessThanOrEqualTo(EntryLimits.MAX_AUTHOR));
                assertThat(stored)
                        .anySatisfy(e -> assertThat(e.title())
                                .startsWith("Long 47 and longer")
                                .endsWith("…"));
                Entry nested = entry(stored, "Nested");
                assertThat(nested.bodyHtml()).contains("deep down").hasSizeLessThan(2_000);
                Entry huge = entry(stored, "Huge");
                assertThat(huge.bodyHtml())
                        .contains("Continue reading at <a href=\"https://bombs.example/huge\"")
                        .endsWith("</p>");
                assertThat(bytes(huge.bodyHtml())).isGreaterThan(EntryLimits.MAX_ENTRY_HTML_BYTES - 8_192);

                Feed slyAfter = store.feed(sly.id()).orElseThrow();
                assertThat(slyAfter.siteUrl()).isNull();
                assertThat(slyAfter.illFormed()).isTrue();
                assertThat(slyAfter.problems()).contains("invalid XML character U+0000 skipped");
                assertThat(planet.entries().feedEntries(sly.id(), 0, 10))
                        .extracting(Entry::title)
                        .containsExactlyInAnyOrder("With aNUL", "Plain");

                WebServer web = planet.startWeb(routes -> {});
                String base = "http://127.0.0.1:" + web.port();
                HttpClient http = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                byte[] river = get(http, base + "/");
                assertThat(river.length).isLessThanOrEqualTo(LIST_PAGE_BOUND);
                assertThat(new String(river, StandardCharsets.UTF_8))
                        .contains("Continue reading")
                        .contains("deep down");
                assertThat(get(http, base + "/category/bombs").length).isLessThanOrEqualTo(LIST_PAGE_BOUND);
                assertThat(get(http, base + "/feeds/" + bombs.id()).length).isLessThanOrEqualTo(LIST_PAGE_BOUND);
                byte[] entryPage = get(http, base + "/entries/" + huge.id());
                assertThat(entryPage.length).isLessThanOrEqualTo(EntryLimits.MAX_ENTRY_HTML_BYTES + 64 * 1024);
                assertThat(new String(entryPage, StandardCharsets.UTF_8)).contains("Continue reading at");

                FeedParser parser = new FeedParser();
                for (String output : List.of("/atom.xml", "/rss.xml", "/category/bombs/atom.xml")) {
                    byte[] bytes = get(http, base + output);
                    assertThat(bytes.length).as(output).isLessThanOrEqualTo(OUTPUT_FEED_BOUND);
                    ParsedFeed back = parser.parse(bytes, null, base + output);
                    assertThat(back.illFormed())
                            .as("%s: %s", output, back.problems())
                            .isFalse();
                    assertThat(back.entries()).hasSize(50);
                }
                String opml = new String(get(http, base + "/opml.xml"), StandardCharsets.UTF_8);
                assertThat(opml).contains("Sly").doesNotContainIgnoringCase("javascript:");
                System.out.printf(
                        "html bombs (%s): river %d bytes, entry page %d bytes, atom %d bytes, rss %d bytes%n",
                        kind,
                        river.length,
                        entryPage.length,
                        get(http, base + "/atom.xml").length,
                        get(http, base + "/rss.xml").length);
            }
        }
    }

    /**
     * An RSS feed of 50 items: a million nested divs, 3.5 MB of text, and 48 items of 100 KB of paragraphs, one of
     * them with a title and an author name of 200 KB.
     */
    static byte[] bombFeed() {
        StringBuilder rss = new StringBuilder(14_000_000);
        rss.append("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bombs</title>")
                .append("<link>https://bombs.example/</link>");
        rss.append("<item><title>Nested</title><guid>nested</guid><link>https://bombs.example/nested</link>")
                .append("<pubDate>Mon, 01 Dec 2025 12:00:00 GMT</pubDate><description><![CDATA[")
                .append("<div>".repeat(1_000_000))
                .append("deep down]]></description></item>");
        rss.append("<item><title>Huge</title><guid>huge</guid><link>https://bombs.example/huge</link>")
                .append("<pubDate>Mon, 01 Dec 2025 11:00:00 GMT</pubDate><description><![CDATA[");
        String paragraph = "<p>" + "All work and no play makes a dull feed. ".repeat(25) + "</p>";
        int hugeStart = rss.length();
        while (rss.length() - hugeStart < 3_500_000) {
            rss.append(paragraph);
        }
        rss.append("]]></description></item>");
        for (int i = 0; i < 48; i++) {
            rss.append("<item><title>Long ")
                    .append(i)
                    .append(i == 47 ? " and longer".repeat(20_000) : "")
                    .append("</title><author>")
                    .append(i == 47 ? "a@b.example (" + "Name ".repeat(20_000) + ")" : "a@b.example (A)")
                    .append("</author><guid>long-")
                    .append(i)
                    .append("</guid><link>https://bombs.example/long/")
                    .append(i)
                    .append("</link><pubDate>Sun, 30 Nov 2025 ")
                    .append(String.format("%02d", i % 24))
                    .append(":00:00 GMT</pubDate><description><![CDATA[");
            int start = rss.length();
            while (rss.length() - start < 100_000) {
                rss.append(paragraph);
            }
            rss.append("]]></description></item>");
        }
        rss.append("</channel></rss>");
        return rss.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Entry entry(List<Entry> entries, String title) {
        return entries.stream()
                .filter(e -> title.equals(e.title()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry titled " + title));
    }

    private static byte[] get(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as("status of %s", url).isEqualTo(200);
        return r.body();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
