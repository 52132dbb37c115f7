package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import org.callisto.planet.parse.EntrySource;
import org.callisto.planet.parse.FeedParser;
import org.callisto.planet.parse.FeedparserOracle;
import org.callisto.planet.parse.ParsedEntry;
import org.callisto.planet.parse.ParsedFeed;
import org.callisto.web.Browser;
import org.callisto.web.NuChecker;
import org.callisto.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the parsing model gained, from end to end: two feed files (an Atom planet of planets and an RSS feed of copied
 * news, in {@code src/test/resources/org/callisto/planet/model/}) are served over loopback, fetched in one round into
 * a real database, and then the stored entries, the river, entry, category and feed pages, and the planet's Atom and
 * RSS output feeds (read back by Callisto's parser and by Python's feedparser) must all carry the "via" source, the
 * comment links and counts, the author's link (never the email), the enclosures with their resolved URLs, and titles
 * whose inline markup is kept while script, event handlers and links in them are not; the pages pass the Nu Html
 * Checker. In Chromium, the player, the via link and the title markup show, and nothing in a title can run.
 */
class EntryDetailsEndToEndTest {
    private static final String ATOM_PATH = "/blog/planet-of-planets.atom";
    private static final String RSS_PATH = "/copied.rss";

    /** A planet subscribed to both fixture feeds, fetched once, with its web server started. */
    private record Running(FixtureServer fixtures, Callisto planet, WebServer web, Feed atom, Feed rss)
            implements AutoCloseable {

        static Running start(String kind) throws IOException {
            FixtureServer fixtures = FixtureServer.start();
            fixtures.route(ATOM_PATH).body(fixture("planet-of-planets.atom")).contentType("application/atom+xml");
            fixtures.route(RSS_PATH).body(fixture("copied.rss")).contentType("application/rss+xml");
            Map<String, String> settings = new HashMap<>(Map.of(
                    "fetch.allow_loopback", "true",
                    "server.port", "0",
                    "site.title", "Planet of planets"));
            settings.put(
                    "data.dir", Files.createTempDirectory("callisto-details").toString());
            if ("postgres".equals(kind)) {
                settings.put("database.url", TestDatabases.postgresUrl());
                settings.put("database.user", "postgres");
            }
            Callisto planet = Callisto.open(ConfigLoader.of(settings));
            SubscriptionStore store = planet.subscriptions();
            Feed atom = store.addFeed(fixtures.url(ATOM_PATH).toString(), "Planet Example", List.of("Planets"));
            Feed rss = store.addFeed(fixtures.url(RSS_PATH).toString(), "Copied News", List.of("Planets"));
            planet.round().run(store.feeds(), o -> {});
            return new Running(fixtures, planet, planet.startWeb(routes -> {}), atom, rss);
        }

        String url(String path) {
            return "http://127.0.0.1:" + web.port() + path;
        }

        Entry entry(String title) {
            return planet.entries().river(0, 50).stream()
                    .filter(e -> e.title() != null && e.title().startsWith(title))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no stored entry titled " + title));
        }

        @Override
        public void close() {
            planet.close();
            fixtures.close();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void sourceCommentsAuthorLinksEnclosuresAndTitleMarkupAreStoredShownAndSyndicated(String kind) throws Exception {
        try (Running site = Running.start(kind)) {
            String media = site.fixtures().url("/blog/media/release-talk.mp3").toString();

            Entry release = site.entry("Release of Callisto 2");
            assertThat(release.title()).isEqualTo("Release of Callisto 2 with H2O");
            EntryDetails d = release.details();
            assertThat(d.titleHtml()).isEqualTo("Release of <em>Callisto</em> 2 with H<sub>2</sub>O");
            assertThat(d.viaTitle()).isEqualTo("Upstream Blog");
            assertThat(d.viaLink()).isEqualTo("https://upstream.example/");
            assertThat(d.viaFeedUrl()).isEqualTo("https://upstream.example/feed.atom");
            assertThat(d.viaId()).isEqualTo("tag:upstream.example,2026:feed");
            assertThat(d.commentsUrl()).isEqualTo("https://upstream.example/2026/release#comments");
            assertThat(d.commentsFeedUrl()).isEqualTo("https://upstream.example/2026/release/comments.atom");
            assertThat(d.commentCount()).isEqualTo(4);
            assertThat(d.authorUri()).isEqualTo("https://upstream.example/about/ada");
            assertThat(release.enclosureUrl()).as("resolved against xml:base").isEqualTo(media);
            assertThat(release.enclosureType()).isEqualTo("audio/mpeg");
            assertThat(release.enclosureLength()).isEqualTo(123456);

            Entry hostile = site.entry("Hostile");
            assertThat(hostile.details().titleHtml())
                    .contains("<em>title</em>")
                    .doesNotContainIgnoringCase("script")
                    .doesNotContainIgnoringCase("onerror")
                    .doesNotContainIgnoringCase("onmouseover")
                    .doesNotContainIgnoringCase("javascript")
                    .doesNotContain("<img")
                    .doesNotContain("<a");
            assertThat(hostile.details().authorUri())
                    .as("a javascript: author link")
                    .isNull();
            assertThat(hostile.enclosureUrl()).as("a javascript: enclosure").isNull();

            Entry video = site.entry("Reading rc.conf aloud");
            assertThat(video.details().titleHtml()).isEqualTo("Reading <code>rc.conf</code> aloud");
            assertThat(video.details().hasVia())
                    .as("a source that is the feed itself")
                    .isFalse();
            assertThat(video.mediaKind()).isEqualTo("video");

            Entry ports = site.entry("Ports tree 2026Q4 branched");
            assertThat(ports.details().titleHtml()).isEqualTo("Ports tree <code>2026Q4</code> branched");
            assertThat(ports.details().viaTitle()).isEqualTo("Ports News");
            assertThat(ports.details().viaFeedUrl()).isEqualTo("https://ports.example/news.rss");
            assertThat(ports.details().commentsUrl()).isEqualTo("https://copied.example/ports-2026q4#respond");
            assertThat(ports.details().commentsFeedUrl()).isEqualTo("https://copied.example/ports-2026q4/feed/");
            assertThat(ports.details().commentCount()).isEqualTo(7);
            assertThat(ports.enclosureUrl())
                    .isEqualTo(site.fixtures().url("/podcast/ports.ogg").toString());
            assertThat(site.entry("Plain item").details()).isEqualTo(EntryDetails.NONE);

            HttpClient http = HttpClient.newHttpClient();
            for (String page : List.of(
                    "/",
                    "/entries/" + release.id(),
                    "/category/planets",
                    "/feeds/" + site.atom().id())) {
                String html = get(http, site.url(page));
                assertThat(html)
                        .as(page)
                        .contains("via <a href=\"https://upstream.example/\">Upstream Blog</a>")
                        .contains("Release of <em>Callisto</em> 2 with H<sub>2</sub>O</a>")
                        .contains("<a class=\"comments\" href=\"https://upstream.example/2026/release#comments\">"
                                + "4 comments</a>")
                        .contains("<audio class=\"player\" controls preload=\"none\" src=\"" + media + "\">")
                        .contains("<a href=\"https://upstream.example/about/ada\" rel=\"author\">Ada Upstream</a>")
                        .doesNotContain("ada@upstream.example")
                        .doesNotContain("onerror")
                        .doesNotContain("javascript:");
            }
            try (NuChecker nu = new NuChecker()) {
                for (String page : List.of(
                        "/",
                        "/entries/" + release.id(),
                        "/entries/" + site.entry("Ports").id())) {
                    NuChecker.Report report = nu.checkHtml(bytes(http, site.url(page)), site.url(page));
                    assertThat(report.errors()).as("Nu Html Checker on " + page).isEmpty();
                }
            }
            assertThat(get(http, site.url("/feeds/" + site.rss().id())))
                    .contains("via <a href=\"https://ports.example/news.rss\">Ports News</a>")
                    .contains("7 comments")
                    .contains("<audio class=\"player\"");
            assertThat(get(http, site.url("/entries/" + video.id())))
                    .contains(
                            "<video class=\"player\" controls preload=\"none\" src=\"https://media.example/rc-conf.mp4\">")
                    .doesNotContain("class=\"via\"");

            byte[] atom = bytes(http, site.url("/atom.xml"));
            byte[] rss = bytes(http, site.url("/rss.xml"));
            for (byte[] output : List.of(atom, rss)) {
                String text = new String(output, StandardCharsets.UTF_8);
                assertThat(text).doesNotContain("ada@upstream.example").doesNotContain("&lt;em&gt;Callisto");
                ParsedFeed back = new FeedParser().parse(output, null, site.url("/"));
                assertThat(back.illFormed()).as(back.problems().toString()).isFalse();
                ParsedEntry e = back.entries().stream()
                        .filter(x -> x.title().startsWith("Release"))
                        .findFirst()
                        .orElseThrow();
                assertThat(e.title()).as("titles go out as text").isEqualTo("Release of Callisto 2 with H2O");
                assertThat(e.source()).extracting(EntrySource::title).isEqualTo("Upstream Blog");
                assertThat(e.commentsUrl()).isEqualTo("https://upstream.example/2026/release#comments");
                assertThat(e.commentCount()).isEqualTo(4);
                assertThat(e.enclosures())
                        .singleElement()
                        .satisfies(x -> assertThat(x.url()).isEqualTo(media));
            }

            JsonNode fromAtom = entryByTitle(FeedparserOracle.entries(atom), "Release of Callisto 2 with H2O");
            assertThat(fromAtom.at("/source/title").asText()).isEqualTo("Upstream Blog");
            assertThat(fromAtom.at("/source/id").asText()).isEqualTo("tag:upstream.example,2026:feed");
            assertThat(fromAtom.at("/source/link").asText()).isEqualTo("https://upstream.example/");
            assertThat(links(fromAtom.path("source"), "self")).containsExactly("https://upstream.example/feed.atom");
            assertThat(fromAtom.at("/author_detail/href").asText()).isEqualTo("https://upstream.example/about/ada");
            assertThat(links(fromAtom, "replies"))
                    .contains(
                            "https://upstream.example/2026/release#comments",
                            "https://upstream.example/2026/release/comments.atom");
            assertThat(fromAtom.at("/enclosures/0/href").asText()).isEqualTo(media);
            assertThat(fromAtom.at("/enclosures/0/type").asText()).isEqualTo("audio/mpeg");
            assertThat(fromAtom.at("/enclosures/0/length").asText()).isEqualTo("123456");

            JsonNode rssFeed = FeedparserOracle.entries(rss);
            assertThat(rssFeed.path("bozo").asBoolean()).isFalse();
            JsonNode fromRss = entryByTitle(rssFeed, "Release of Callisto 2 with H2O");
            assertThat(fromRss.at("/source/title").asText()).isEqualTo("Upstream Blog");
            assertThat(fromRss.at("/source/href").asText()).isEqualTo("https://upstream.example/feed.atom");
            assertThat(fromRss.path("comments").asText()).isEqualTo("https://upstream.example/2026/release#comments");
            assertThat(fromRss.path("wfw_commentrss").asText())
                    .isEqualTo("https://upstream.example/2026/release/comments.atom");
            assertThat(fromRss.path("slash_comments").asText()).isEqualTo("4");
            assertThat(fromRss.at("/enclosures/0/href").asText()).isEqualTo(media);
            assertThat(fromRss.at("/enclosures/0/length").asText()).isEqualTo("123456");
            JsonNode portsBack = entryByTitle(rssFeed, "Ports tree 2026Q4 branched");
            assertThat(portsBack.at("/source/href").asText()).isEqualTo("https://ports.example/news.rss");
            assertThat(portsBack.path("comments").asText()).isEqualTo("https://copied.example/ports-2026q4#respond");
            JsonNode plain = entryByTitle(rssFeed, "Plain item");
            assertThat(plain.at("/source/title").asText())
                    .as("an entry of our own credits the feed it was aggregated from")
                    .isEqualTo("Copied News");
            assertThat(plain.at("/source/href").asText()).isEqualTo(site.rss().url());
        }
    }

    @Test
    void chromiumPlaysNothingUnsafeShowsThePlayerTheViaLinkAndTheTitleMarkup() throws Exception {
        try (Running site = Running.start("sqlite");
                Browser browser = Browser.launch()) {
            Entry release = site.entry("Release of Callisto 2");
            browser.open(URI.create(site.url("/")));
            Object audio = browser.script(
                    "var a = document.querySelector('audio.player');" + " return a && a.controls && a.src;");
            assertThat(audio).isEqualTo(release.enclosureUrl());
            assertThat(browser.script("return document.querySelector('video.player').src"))
                    .isEqualTo("https://media.example/rc-conf.mp4");
            assertThat(browser.script("var v = document.querySelector('.via a'); return v.textContent + ' ' + v.href;"))
                    .isEqualTo("Upstream Blog https://upstream.example/");
            assertThat(browser.script("return Array.from(document.querySelectorAll('.entry h3 a em, .entry h3 a sub,"
                            + " .entry h3 a code')).map(function (e) { return e.tagName + ':' +"
                            + " e.textContent; }).join(' ');"))
                    .isEqualTo("EM:Callisto SUB:2 EM:title CODE:rc.conf CODE:2026Q4");
            assertThat(browser.script("return document.querySelectorAll('.entry h3 script, .entry h3 img,"
                            + " [onerror], [onmouseover], a[href^=\"javascript\"]').length"))
                    .as("script, images, handlers and javascript: links in titles")
                    .isEqualTo(0L);
            browser.open(URI.create(site.url("/entries/" + release.id())));
            assertThat(browser.script("return document.querySelector('h1 a').innerHTML"))
                    .isEqualTo("Release of <em>Callisto</em> 2 with H<sub>2</sub>O");
            assertThat(browser.script("return document.querySelector('.author a[rel=author]').href"))
                    .isEqualTo("https://upstream.example/about/ada");
        }
    }

    private static JsonNode entryByTitle(JsonNode parsed, String title) {
        for (JsonNode e : parsed.path("entries")) {
            if (title.equals(e.path("title").asText())) {
                return e;
            }
        }
        throw new AssertionError("feedparser found no entry titled " + title + " in " + parsed);
    }

    private static List<String> links(JsonNode entry, String rel) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode l : entry.path("links")) {
            if (rel.equals(l.path("rel").asText())) {
                out.add(l.path("href").asText());
            }
        }
        return out;
    }

    private static byte[] fixture(String name) {
        try (InputStream in = EntryDetailsEndToEndTest.class.getResourceAsStream("model/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource org/callisto/planet/model/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        return new String(bytes(http, url), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as("status of %s", url).isEqualTo(200);
        return r.body();
    }
}
