package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callisto.app.demo.DemoShow;
import org.callisto.show.Episode;
import org.callisto.show.Renditions;
import org.callisto.show.ShowStores;
import org.callisto.show.Transcript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transcripts over real sockets, found the way a podcast app finds them: through {@code podcast:transcript} in a
 * feed, then fetched from the media directory with their own Content-Type and CORS; and linked on the episode page.
 */
class TranscriptsWebTest {
    @TempDir
    static Path dir;

    private static PlanetSite site;
    private static Path media;

    @BeforeAll
    static void start() throws IOException {
        media = dir.resolve("media");
        Files.createDirectories(media);
        site = new PlanetSite("sqlite", Map.of("show.media_dir", media.toString()));
        ShowStores show = ShowStores.of(site.db, Clock.systemUTC());
        Renditions renditions =
                new Renditions(show.episodes(), show.renditions(), media, site.config.siteUrl(), Clock.systemUTC());
        DemoShow.create(show, renditions, media, "http://planet.test/", site.entries.river(0, 10), Instant.now());
        Episode first = show.episodes().episode(1).orElseThrow();
        Files.writeString(media.resolve("demo/episode-1.txt"), "Host: Hello, plain world. Ünïcödé.\n");
        show.transcripts().saveTranscript(first.id(), new Transcript("demo/episode-1.txt", "text/plain", null));
        show.transcripts()
                .saveTranscript(first.id(), new Transcript("https://subs.example/1.srt", "application/x-subrip", "de"));
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void everyTranscriptInTheFeedIsServedWithItsTypeCorsAndExactBytes() throws IOException {
        String feed = site.get("/show/feeds/mp3.xml").body();
        Matcher m = Pattern.compile("<podcast:transcript url=\"([^\"]+)\" type=\"([^\"]+)\"")
                .matcher(feed);
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            String url = m.group(1);
            String type = m.group(2);
            seen.add(type);
            if (!url.startsWith("http://planet.test/")) {
                assertThat(url).isEqualTo("https://subs.example/1.srt");
                continue;
            }
            String path = url.substring("http://planet.test".length());
            HttpResponse<byte[]> r = site.getBytes(path, "Origin", "https://player.example");
            assertThat(r.statusCode()).as(url).isEqualTo(200);
            String expected = switch (type) {
                case "text/vtt" -> "text/vtt; charset=utf-8";
                case "application/x-subrip" -> "application/x-subrip";
                default -> "text/plain; charset=utf-8";
            };
            assertThat(r.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                    .as(url)
                    .isEqualTo(expected.replace(" ", "")); // Jetty writes text/plain's without the space
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(url)
                    .contains("*");
            assertThat(r.body())
                    .as(url)
                    .isEqualTo(Files.readAllBytes(media.resolve(path.substring("/media/".length()))));
        }
        assertThat(seen)
                .containsExactlyInAnyOrder("text/vtt", "application/x-subrip", "text/plain", "application/x-subrip");
        assertThat(new String(
                        site.getBytes("/media/demo/episode-2.vtt").body(), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\nHost: Welcome");
        assertThat(site.getBytes("/media/demo/episode-2.vtt", "Range", "bytes=0-5")
                        .statusCode())
                .isEqualTo(206);
    }

    @Test
    void theEpisodePageLinksEachTranscriptAndGivesThePlayersTheWebVttAsCaptions() {
        String two = site.get("/episodes/2").body();
        assertThat(two)
                .contains("<h2 id=\"transcripts-heading\">Transcripts</h2>")
                .contains(
                        "<a href=\"/media/demo/episode-2.vtt\" type=\"text/vtt\" hreflang=\"en\">Transcript (WebVTT)</a>")
                .contains("<a href=\"/media/demo/episode-2.srt\" type=\"application/x-subrip\" hreflang=\"en\">"
                        + "Transcript (SRT)</a>")
                .contains("<track kind=\"captions\" src=\"/media/demo/episode-2.vtt\" srclang=\"en\""
                        + " label=\"Captions (en)\">")
                .doesNotContain("episode-2.srt\" srclang");
        String one = site.get("/episodes/1").body();
        assertThat(one)
                .contains("<a href=\"/media/demo/episode-1.txt\" type=\"text/plain\" hreflang=\"en\">"
                        + "Transcript (plain text)</a>")
                .contains("<a href=\"https://subs.example/1.srt\" type=\"application/x-subrip\" hreflang=\"de\">")
                .doesNotContain("<track");
    }

    @Test
    void chaptersAreOpenToOtherOrigins() {
        ShowStores show = ShowStores.of(site.db, Clock.systemUTC());
        show.episodes()
                .setChapters(show.episodes().episode(1).orElseThrow().id(), "{\"version\":\"1.2.0\",\"chapters\":[]}");
        HttpResponse<String> r = site.get("/show/1/chapters.json");
        for (int i = 0; i < 50 && r.statusCode() != 200; i++) {
            sleep(); // the show's cache notices the change within its check interval
            r = site.get("/show/1/chapters.json");
        }
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
