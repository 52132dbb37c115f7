package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callisto.app.demo.DemoShow;
import org.callisto.planet.parse.FeedParser;
import org.callisto.planet.parse.ParsedFeed;
import org.callisto.show.EpisodeDraft;
import org.callisto.show.EpisodeType;
import org.callisto.show.PodcastFeed;
import org.callisto.show.Renditions;
import org.callisto.show.ShowStores;
import org.callisto.show.media.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The show over real sockets: the archive, episode pages, the podcast feeds, media downloads with ranges, and
 * refusals of paths leading out of the media directory; every page passes the Nu Html Checker. Runs once on SQLite
 * and once on PostgreSQL.
 */
@ParameterizedClass
@MethodSource("org.callisto.db.TestDatabases#kinds")
class ShowWebTest {
    private static final String SECRET = "secret outside the media directory";
    private static final String CHAPTERS =
            "{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"Hello\"}]}";

    @TempDir
    static Path dir;

    private static PlanetSite site;
    private static Path media;
    private static ShowStores show;

    /** The database this run is on: sqlite or postgres. */
    @org.junit.jupiter.params.Parameter
    String kind;

    @BeforeParameterizedClassInvocation
    static void start(String kind) throws IOException {
        media = dir.resolve("media");
        Files.createDirectories(media);
        Files.writeString(dir.resolve("secret.txt"), SECRET);
        Files.write(dir.resolve("outside.mp3"), TestMedia.cbrMp3(128, 44100, 40, 0, false));
        site = new PlanetSite(kind, Map.of("show.media_dir", media.toString()));
        show = ShowStores.of(site.db, Clock.systemUTC());
        Renditions renditions =
                new Renditions(show.episodes(), show.renditions(), media, site.config.siteUrl(), Clock.systemUTC());
        DemoShow.create(show, renditions, media, "http://planet.test/", site.entries.river(0, 10), Instant.now());
        show.episodes().setChapters(show.episodes().episode(2).orElseThrow().id(), CHAPTERS);
        show.episodes()
                .saveEpisode(new EpisodeDraft(
                        3,
                        1,
                        "Not out yet",
                        "not-out-yet",
                        Instant.now().plus(Duration.ofDays(2)),
                        "Coming soon.",
                        EpisodeType.FULL,
                        false,
                        null));
        try {
            Files.createSymbolicLink(media.resolve("link.mp3"), dir.resolve("outside.mp3"));
            Files.createSymbolicLink(media.resolve("up"), dir);
        } catch (UnsupportedOperationException | IOException e) {
            // no symbolic links on this file system: the other refusals are still checked
        }
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void theArchiveListsReleasedEpisodesNewestFirstWithTheirFeeds() {
        HttpResponse<String> r = site.get("/episodes");
        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.body();
        assertThat(html)
                .contains("Callisto Demo Weekly: episodes")
                .contains("<a href=\"/episodes/2\"><span class=\"episode-number\">2</span>: bhyve meets libvirt</a>")
                .contains("<strong>bhyve</strong>")
                .contains("<a href=\"/episodes\">Episodes</a>")
                .contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"MP3 audio feed\""
                        + " href=\"/show/feeds/mp3.xml\">")
                .contains("href=\"/show/feeds/itunes.xml\"")
                .doesNotContain("Not out yet");
        assertThat(html.indexOf("bhyve meets libvirt")).isLessThan(html.indexOf("Ports, packages and poudriere"));
    }

    @Test
    void anEpisodePageHasPlayersDownloadsFeedsFundingNotesAndGuests() {
        HttpResponse<String> r = site.get("/episodes/1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/html")
                .containsIgnoringWhitespaces("charset=utf-8");
        String html = r.body();
        long mp3 = media.resolve("demo/episode-1.mp3").toFile().length();
        assertThat(html)
                .contains("<h1><span class=\"episode-number\">1</span>: Ports, packages and poudriere</h1>")
                .contains("<audio controls preload=\"none\" class=\"player\">")
                .contains("<source src=\"/media/demo/episode-1.mp3\" type=\"audio/mpeg\">")
                .contains("<video controls preload=\"none\" class=\"player\">")
                .contains("<source src=\"/media/demo/episode-1-hd.mp4\" type=\"video/mp4\">")
                .contains("<h2 id=\"downloads-heading\">Direct Download</h2>")
                .contains("<a href=\"/media/demo/episode-1.mp3\" type=\"audio/mpeg\" download>MP3 audio</a> ("
                        + ShowPages.size(mp3) + ", 0:05)")
                .contains("<a href=\"/media/demo/episode-1.mp3.torrent\" type=\"application/x-bittorrent\">")
                .contains("href=\"/show/feeds/mp3.xml\"")
                .contains("href=\"/show/feeds/hd.xml\"")
                .contains("href=\"/show/feeds/mp3-torrent.xml\"")
                .contains("href=\"/show/feeds/hd-torrent.xml\"")
                .contains("href=\"/show/feeds/itunes.xml\"")
                .doesNotContain("/show/feeds/sd.xml")
                .contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"HD video torrents feed\"")
                .contains("<a href=\"http://planet.test/episodes\">Support the show</a>")
                .contains("<h2>Headlines</h2>")
                .contains("<h2>News Roundup</h2>")
                .contains("<a href=\"http://planet.test/entries/")
                .contains("<a href=\"http://planet.test/journal\">The community journal</a>")
                .contains("<h3>A listener asks whether silence compresses well</h3>")
                .contains("Dana Whitfield")
                .contains("<code>pkg audit</code>");
    }

    @Test
    void unknownOrUnreleasedEpisodesAre404Pages() {
        for (String path : List.of(
                "/episodes/99",
                "/episodes/3",
                "/episodes/abc",
                "/show/feeds/ogg.xml",
                "/show/abc",
                "/show/99",
                "/show/1/chapters.json")) {
            HttpResponse<String> r = site.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow())
                    .as(path)
                    .startsWith("text/html");
        }
        assertThat(site.get("/episodes/99").body()).contains("There is no episode 99.");
        HttpResponse<String> old = site.get("/show/2");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location")).contains("/episodes/2");
    }

    @Test
    void everyFeedIsServedAsRssAndParsesBack() throws Exception {
        for (PodcastFeed feed : PodcastFeed.values()) {
            String path = "/show/feeds/" + feed.slug() + ".xml";
            HttpResponse<byte[]> r = site.getBytes(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).as(path).contains("application/rss+xml; charset=utf-8");
            ParsedFeed parsed = new FeedParser().parse(r.body(), "application/rss+xml", "http://planet.test/");
            assertThat(parsed.title()).as(path).startsWith("Callisto Demo Weekly");
            assertThat(parsed.entries()).as(path).hasSize(feed.kind() == org.callisto.show.RenditionKind.SD ? 0 : 2);
            parsed.entries().forEach(e -> {
                var enclosure = e.enclosures().getFirst();
                String file = enclosure.url().replace("http://planet.test/media/", "");
                assertThat(enclosure.length())
                        .as(path)
                        .isEqualTo(media.resolve(file).toFile().length());
                assertThat(e.link()).startsWith("http://planet.test/episodes/");
            });
        }
    }

    @Test
    void chaptersAreServedAsJsonChapters() {
        HttpResponse<String> r = site.get("/show/2/chapters.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json+chapters");
        assertThat(r.body()).isEqualTo(CHAPTERS);
    }

    @Test
    void mediaAnswersHeadRangesAndTorrents() throws Exception {
        byte[] file = Files.readAllBytes(media.resolve("demo/episode-2.mp3"));
        HttpResponse<Void> head = site.http.send(
                HttpRequest.newBuilder(site.uri("/media/demo/episode-2.mp3"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).contains(Integer.toString(file.length));
        assertThat(head.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(head.headers().firstValue("Content-Type")).contains("audio/mpeg");
        String etag = head.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> range = site.getBytes("/media/demo/episode-2.mp3", "Range", "bytes=-50");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(file, file.length - 50, file.length));
        assertThat(site.getBytes("/media/demo/episode-2.mp3", "If-None-Match", etag)
                        .statusCode())
                .isEqualTo(304);
        assertThat(site.getBytes("/media/demo/episode-2-hd.mp4").headers().firstValue("Content-Type"))
                .contains("video/mp4");

        HttpResponse<byte[]> torrent = site.getBytes("/media/demo/episode-2.mp3.torrent");
        assertThat(torrent.statusCode()).isEqualTo(200);
        assertThat(torrent.headers().firstValue("Content-Type")).contains("application/x-bittorrent");
        assertThat(torrent.body()).isEqualTo(Files.readAllBytes(media.resolve("demo/episode-2.mp3.torrent")));
    }

    @Test
    void theArtworkTheFeedsNameIsASquarePngServedFromTheMediaDirectory() throws Exception {
        String feed = site.get("/show/feeds/itunes.xml").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "<itunes:image href=\"http://planet.test/([^\"]+)\"")
                .matcher(feed);
        assertThat(m.find()).as("itunes:image in the feed").isTrue();
        HttpResponse<byte[]> art = site.getBytes("/" + m.group(1));
        assertThat(art.statusCode()).isEqualTo(200);
        assertThat(art.headers().firstValue("Content-Type")).contains("image/png");
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(art.body()));
        assertThat(image.getWidth()).isEqualTo(1400);
        assertThat(image.getHeight()).isEqualTo(1400);

        Files.writeString(media.resolve("fake.png"), "<script>alert(1)</script>");
        assertThat(site.getBytes("/media/fake.png").statusCode())
                .as("a .png that is not a PNG")
                .isEqualTo(404);
    }

    @Test
    void pathsOutOfTheMediaDirectoryAreRefused() throws Exception {
        List<String> attempts = List.of(
                "/media/../secret.txt",
                "/media/%2e%2e/secret.txt",
                "/media/%2E%2E%2Fsecret.txt",
                "/media/demo/..%2F..%2Fsecret.txt",
                "/media/demo/../../secret.txt",
                "/media/..%5Csecret.txt",
                "/media//secret.txt",
                "/media/%2Fetc%2Fpasswd",
                "/media/up/secret.txt",
                "/media/link.mp3",
                "/media/demo/missing.mp3",
                "/media/demo/.episode-1.mp3",
                "/media/demo",
                "/media/%00",
                "/media/up/outside.mp3");
        for (String path : attempts) {
            HttpResponse<byte[]> r = site.http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.server.port() + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            assertThat(new String(r.body(), StandardCharsets.ISO_8859_1))
                    .as(path)
                    .doesNotContain(SECRET)
                    .doesNotContain("Xing");
            assertThat(r.body().length).as(path).isLessThan(20_000);
        }
        Path root = media.toAbsolutePath().normalize();
        for (String path : List.of(
                "../secret.txt",
                "demo/../../secret.txt",
                "/etc/passwd",
                "up/secret.txt",
                "link.mp3",
                "demo\\..\\..\\secret.txt",
                ".",
                "demo/./episode-1.mp3",
                "")) {
            assertThat(ShowPages.inside(root, path)).as(path).isEmpty();
        }
        assertThat(ShowPages.inside(root, "demo/episode-1.mp3")).isPresent();
    }

    @Test
    void showPagesHaveNoConformanceError() {
        NuChecker checker = new NuChecker();
        try (checker) {
            Map<String, HttpResponse<String>> pages = new LinkedHashMap<>();
            pages.put("archive", site.get("/episodes"));
            pages.put("episode 1", site.get("/episodes/1"));
            pages.put("episode 2", site.get("/episodes/2"));
            pages.put("episode 404", site.get("/episodes/99"));
            pages.forEach((name, r) -> {
                NuChecker.Report report = checker.checkHtml(
                        r.body().getBytes(StandardCharsets.UTF_8), site.uri("/").toString());
                report.warnings().forEach(w -> System.out.println("nu checker warning, " + name + ":" + w));
                assertThat(report.errors())
                        .as("Nu Html Checker errors in %s\n%s", name, r.body())
                        .isEmpty();
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
