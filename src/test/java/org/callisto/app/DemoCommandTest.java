package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.callisto.planet.parse.Enclosure;
import org.callisto.planet.parse.FeedParser;
import org.callisto.planet.parse.ParsedEntry;
import org.callisto.planet.parse.ParsedFeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @Test
    void demoFetchesItsSampleBlogsThroughThePipelineAndServesAPopulatedPlanet(@TempDir Path data) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (DemoCommand.Demo demo = DemoCommand.Demo.start(data, Map.of("server.port", "0"))) {
            assertThat(demo.firstRound().failed()).isZero();
            assertThat(demo.firstRound().ok()).isEqualTo(5);
            assertThat(demo.firstRound().added()).isGreaterThanOrEqualTo(10);
            String river = get(http, demo, "/");
            assertThat(river).contains("Upgrading Graphite after the layout change").contains("<pre>");
            assertThat(get(http, demo, "/category/freebsd")).contains("Category Archives: FreeBSD");
            assertThat(get(http, demo, "/subscriptions")).contains("Dana Whitfield").contains("Ines Carvalho");
            checkShow(http, demo);
        }
        // A second demo on the same data directory (and another port) replaces the old demo subscriptions.
        try (DemoCommand.Demo again = DemoCommand.Demo.start(data, Map.of("server.port", "0"))) {
            assertThat(again.planet().store().feeds()).hasSize(5);
            assertThat(again.firstRound().failed()).isZero();
        }
    }

    /** The demo show: archive, an episode page, its MP3 feed parsed back, and a range of its media file. */
    private static void checkShow(HttpClient http, DemoCommand.Demo demo) throws Exception {
        String archive = get(http, demo, "/episodes");
        assertThat(archive).contains("Callisto Demo Weekly").contains("bhyve meets libvirt")
                .contains("Ports, packages and poudriere");
        assertThat(archive.indexOf("bhyve meets libvirt")).isLessThan(archive.indexOf("Ports, packages"));
        String page = get(http, demo, "/episodes/2");
        assertThat(page).contains("<audio controls").contains("<video controls")
                .contains("<source src=\"/media/demo/episode-2.mp3\" type=\"audio/mpeg\">")
                .contains("/media/demo/episode-2-hd.mp4").contains("Direct Download")
                .contains("/show/feeds/mp3.xml").contains("/show/feeds/hd-torrent.xml")
                .contains("/entries/").contains("/journal\">The community journal</a>")
                .contains("Roman Novak").contains("Support the show");
        Path mp3 = demo.config().show().mediaDir().resolve("demo/episode-2.mp3");
        long length = Files.size(mp3);

        HttpResponse<byte[]> feed = http.send(request(demo, "/show/feeds/mp3.xml").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).contains("application/rss+xml; charset=utf-8");
        ParsedFeed parsed = new FeedParser().parse(feed.body(), "application/rss+xml", "http://127.0.0.1/");
        assertThat(parsed.entries()).hasSize(2);
        ParsedEntry second = parsed.entries().stream().filter(e -> e.title().contains("bhyve")).findFirst()
                .orElseThrow();
        Enclosure enclosure = second.enclosures().getFirst();
        assertThat(enclosure.length()).isEqualTo(length);
        assertThat(enclosure.type()).isEqualTo("audio/mpeg");
        assertThat(enclosure.url()).endsWith("/media/demo/episode-2.mp3");

        HttpResponse<byte[]> range = http.send(request(demo, "/media/demo/episode-2.mp3")
                .header("Range", "bytes=100-199").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("Content-Range")).contains("bytes 100-199/" + length);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(Files.readAllBytes(mp3), 100, 200));
    }

    private static HttpRequest.Builder request(DemoCommand.Demo demo, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.web().port() + path));
    }

    private static String get(HttpClient http, DemoCommand.Demo demo, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + demo.web().port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }
}
