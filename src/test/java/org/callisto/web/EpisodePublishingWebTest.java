package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.callisto.app.demo.DemoMedia;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Publishing the show from the browser over real HTTP on loopback, on SQLite and PostgreSQL: uploads through the
 * episode editor's {@code multipart/form-data} form (accepted, refused for type, content and size, refused without
 * the CSRF token), Podlove chapters listed on the episode page, publish, schedule and unpublish with the
 * discussion that follows the episode, deleting with its confirmation and its line in the moderation log, the
 * previews, the embeddable player and oEmbed.
 */
class EpisodePublishingWebTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EDITOR = "/editor/episodes/2";

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void anMp3UploadedThroughTheFormIsInspectedAndGetsATorrent(String kind) throws Exception {
        try (ShowEditing f = new ShowEditing(kind, dir)) {
            WebClient editor = f.client("editor1");
            String token = WebClient.csrf(editor.get(EDITOR).body(), EDITOR + "/upload");
            HttpResponse<String> r = editor.postFile(
                    EDITOR + "/upload",
                    "file",
                    "ep2 final.mp3",
                    DemoMedia.silentMp3(3, 128),
                    "csrf",
                    token,
                    "kind",
                    "mp3");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("MP3 audio ep2-final.mp3 added: 0:03, 128 kbit/s");
            Path stored = f.media.resolve("episodes/2/ep2-final.mp3");
            assertThat(stored).exists();
            assertThat(f.media.resolve("episodes/2/ep2-final.mp3.torrent")).exists();
            assertThat(f.media.resolve(".uploads")).isEmptyDirectory();
            assertThat(f.site.fresh("/episodes/2").body()).contains("/media/episodes/2/ep2-final.mp3");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void wrongTypeOversizedAndTokenlessUploadsAreRefusedInWords(String kind) throws Exception {
        try (ShowEditing f = new ShowEditing(kind, dir, Map.of("show.upload_max_size", "64KiB"))) {
            WebClient editor = f.client("editor1");
            String token = WebClient.csrf(editor.get(EDITOR).body(), EDITOR + "/upload");

            HttpResponse<String> text = editor.postFile(
                    EDITOR + "/upload",
                    "file",
                    "notes.mp3",
                    "just some words\n".repeat(50).getBytes(),
                    "csrf",
                    token,
                    "kind",
                    "mp3");
            assertThat(text.statusCode()).isEqualTo(400);
            assertThat(text.body())
                    .contains("Episode 2 mp3 rendition episodes/2/notes.mp3: the file is not usable media");

            HttpResponse<String> video = editor.postFile(
                    EDITOR + "/upload", "file", "clip.mp3", DemoMedia.tinyMp4(2), "csrf", token, "kind", "mp3");
            assertThat(video.statusCode()).isEqualTo(400);
            assertThat(video.body()).contains("a MP3 audio rendition must be audio/mpeg");

            HttpResponse<String> big = editor.postFile(
                    EDITOR + "/upload", "file", "long.mp3", DemoMedia.silentMp3(20, 128), "csrf", token, "kind", "mp3");
            assertThat(big.statusCode()).isEqualTo(413);
            assertThat(big.body()).contains("larger than the 65536 bytes (64.0 KiB) an upload may have");

            HttpResponse<String> tokenless =
                    editor.postFile(EDITOR + "/upload", "file", "ok.mp3", DemoMedia.silentMp3(1, 128), "kind", "mp3");
            assertThat(tokenless.statusCode()).isEqualTo(403);

            HttpResponse<String> smallArt = editor.postFile(
                    EDITOR + "/upload", "file", "art.png", png(600, 600), "csrf", token, "kind", "artwork");
            assertThat(smallArt.statusCode()).isEqualTo(400);
            assertThat(smallArt.body()).contains("the image is 600×600 pixels; Apple Podcasts wants 1400 to 3000");

            try (var files = Files.walk(f.media.resolve("episodes/2"))) {
                assertThat(files.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void podloveChaptersAreListedWithStartsLinkingIntoTheMedia(String kind) throws Exception {
        try (ShowEditing f = new ShowEditing(kind, dir)) {
            WebClient editor = f.client("editor1");
            String token = WebClient.csrf(editor.get(EDITOR).body(), EDITOR + "/upload");
            String psc = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <psc:chapters version="1.2" xmlns:psc="http://podlove.org/simple-chapters">
                      <psc:chapter start="00:00:00.000" title="Welcome"/>
                      <psc:chapter start="00:01:30.500" title="Headlines" href="https://example.org/news"/>
                    </psc:chapters>
                    """;
            HttpResponse<String> r = editor.postFile(
                    EDITOR + "/upload",
                    "file",
                    "chapters.xml",
                    psc.getBytes(StandardCharsets.UTF_8),
                    "csrf",
                    token,
                    "kind",
                    "chapters");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            String page = f.site.fresh("/episodes/2").body();
            assertThat(page).contains("<h2 id=\"chapters-heading\">Chapters</h2>");
            assertThat(page)
                    .containsPattern("href=\"/media/[^\"]+\\.mp3#t=90\" class=\"chapter-start\">1:30</a> Headlines");
            JsonNode json = JSON.readTree(f.site.fresh("/show/2/chapters.json").body());
            assertThat(json.path("chapters").get(1).path("startTime").asDouble())
                    .isEqualTo(90.5);

            HttpResponse<String> broken = editor.postFile(
                    EDITOR + "/upload",
                    "file",
                    "chapters.json",
                    "{\"version\": 1}".getBytes(),
                    "csrf",
                    token,
                    "kind",
                    "chapters");
            assertThat(broken.statusCode()).isEqualTo(400);
            assertThat(broken.body()).contains("\"version\" is missing or not a string");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void unpublishScheduleAndPublishMoveTheEpisodeAndOneDiscussion(String kind) throws Exception {
        try (ShowEditing f = new ShowEditing(kind, dir)) {
            WebClient editor = f.client("editor1");
            String action = EDITOR + "/publication";
            HttpResponse<String> off = editor.submit(EDITOR, action, "action", "unpublish");
            assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
            assertThat(off.body()).contains("Unpublished: the site, the feeds and search do not show it.");
            assertThat(f.site.fresh("/episodes/2").statusCode()).isEqualTo(404);
            assertThat(f.site.fresh("/show/feeds/mp3.xml").body()).doesNotContain("/episodes/2<");

            HttpResponse<String> past = editor.submit(EDITOR, action, "action", "schedule", "at", "2001-01-01T00:00");
            assertThat(past.statusCode()).isEqualTo(400);
            assertThat(past.body()).contains("The time 2001-01-01T00:00 is in the past");

            HttpResponse<String> later = editor.submit(EDITOR, action, "action", "schedule", "at", "2999-01-01T10:00");
            assertThat(later.body()).contains("Scheduled for").contains("2999-01-01T10:00");
            assertThat(f.site.fresh("/episodes/2").statusCode()).isEqualTo(404);
            String story = discussion(later.body());
            assertThat(f.site.fresh(story).statusCode()).isEqualTo(404);

            HttpResponse<String> now = editor.submit(EDITOR, action, "action", "publish");
            assertThat(now.body()).contains("Episode 2 is published.");
            assertThat(discussion(now.body())).isEqualTo(story);
            String page = f.site.fresh("/episodes/2").body();
            assertThat(page).contains("<a href=\"" + story + "\">Discuss this episode</a>");
            assertThat(f.site.fresh(story).body()).contains("Episode 2:");
            assertThat(f.site.fresh("/show/feeds/mp3.xml").body())
                    .contains("<comments>http://planet.test" + story + "</comments>");

            HttpResponse<String> tokenless = editor.post(action, "action", "unpublish");
            assertThat(tokenless.statusCode()).isEqualTo(403);
            assertThat(f.site.fresh("/episodes/2").statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void deletingAsksForConfirmationAndIsLogged(String kind) throws Exception {
        try (ShowEditing f = new ShowEditing(kind, dir)) {
            WebClient editor = f.client("editor1");
            String confirm = editor.get(EDITOR + "/delete").body();
            assertThat(confirm).contains("Delete episode 2:");
            HttpResponse<String> noReason = editor.submit(EDITOR + "/delete", EDITOR + "/delete", "reason", " ");
            assertThat(noReason.statusCode()).isEqualTo(400);
            assertThat(noReason.body()).contains("Give a reason for deleting episode 2");
            assertThat(f.site.fresh("/episodes/2").statusCode()).isEqualTo(200);

            assertThat(f.client("member1").get(EDITOR + "/delete").statusCode()).isEqualTo(403);
            HttpResponse<String> done =
                    editor.submit(EDITOR + "/delete", EDITOR + "/delete", "reason", "recorded twice by mistake");
            assertThat(done.statusCode()).isEqualTo(303);
            assertThat(f.site.fresh("/episodes/2").statusCode()).isEqualTo(404);
            assertThat(f.site.fresh("/moderation").body())
                    .contains("deleted")
                    .contains("episode 2")
                    .contains("recorded twice by mistake");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void editorsPreviewAnUnreleasedEpisodeAndItsFeedItem(String kind) throws Exception {
        try (ShowEditing f = new ShowEditing(kind, dir)) {
            WebClient editor = f.client("editor1");
            editor.submit(EDITOR, EDITOR + "/publication", "action", "schedule", "at", "2999-01-01T10:00");
            HttpResponse<String> page = editor.get(EDITOR + "/preview");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Preview: this is the page as it will be published.");
            assertThat(page.headers().firstValue("Cache-Control"))
                    .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
            HttpResponse<String> item = editor.get(EDITOR + "/preview.xml");
            assertThat(item.statusCode()).isEqualTo(200);
            assertThat(item.body()).contains("<item>").contains("http://planet.test/episodes/2</link>");
            assertThat(f.client("member1").get(EDITOR + "/preview").statusCode())
                    .isEqualTo(403);
            assertThat(f.site.fresh(EDITOR + "/preview.xml").statusCode()).isIn(302, 303);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void theEmbedPageIsFrameableAndOembedDescribesIt(String kind) throws Exception {
        try (ShowEditing f = new ShowEditing(kind, dir)) {
            WebClient reader = f.anonymous();
            String page = reader.get("/episodes/2").body();
            String oembed = "/oembed?url=" + URLEncoder.encode("http://planet.test/episodes/2", StandardCharsets.UTF_8)
                    + "&amp;format=json";
            assertThat(page).contains("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"" + oembed);
            assertThat(page)
                    .contains("overcast://x-callback-url/add?url=http%3A%2F%2Fplanet.test%2Fshow%2Ffeeds%2Fitunes.xml");
            assertThat(reader.get("/episodes/2").headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));

            HttpResponse<String> embed = reader.get("/episodes/2/embed");
            assertThat(embed.statusCode()).isEqualTo(200);
            assertThat(embed.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(
                            v -> assertThat(v).contains("frame-ancestors *").doesNotContain("'none'; base"));
            assertThat(embed.headers().firstValue("X-Frame-Options")).isEmpty();
            assertThat(embed.body()).contains("<audio controls").contains("http://planet.test/episodes/2");
            assertThat(reader.get("/episodes/2/embed").headers().firstValue("X-Frame-Options"))
                    .isEmpty();

            HttpResponse<String> o = reader.get(oembed.replace("&amp;", "&"));
            assertThat(o.statusCode()).isEqualTo(200);
            assertThat(o.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            JsonNode json = JSON.readTree(o.body());
            assertThat(json.path("version").asText()).isEqualTo("1.0");
            assertThat(json.path("type").asText()).isEqualTo("rich");
            assertThat(json.path("html").asText()).startsWith("<iframe src=\"http://planet.test/episodes/2/embed\"");
            assertThat(reader.get("/oembed?url=http%3A%2F%2Fevil.example%2Fepisodes%2F2&format=json")
                            .statusCode())
                    .isEqualTo(404);
            assertThat(reader.get("/oembed?url=http%3A%2F%2Fplanet.test%2Fepisodes%2F2&format=xml")
                            .statusCode())
                    .isEqualTo(501);
        }
    }

    @org.junit.jupiter.api.Test
    void publishingPagesHaveNoConformanceError() throws Exception {
        try (ShowEditing f = new ShowEditing("sqlite", dir, Map.of("show.upload_max_size", "64KiB"));
                NuChecker checker = new NuChecker()) {
            WebClient editor = f.client("editor1");
            String token = WebClient.csrf(editor.get(EDITOR).body(), EDITOR + "/upload");
            Map<String, HttpResponse<String>> pages = new java.util.LinkedHashMap<>();
            editor.postFile(
                    EDITOR + "/upload",
                    "file",
                    "c.json",
                    "{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"<Intro>\"},{\"startTime\":61}]}"
                            .getBytes(StandardCharsets.UTF_8),
                    "csrf",
                    token,
                    "kind",
                    "chapters");
            editor.postFile(EDITOR + "/upload", "file", "poster.png", png(640, 360), "csrf", token, "kind", "poster");
            pages.put(
                    "upload accepted",
                    editor.postFile(
                            EDITOR + "/upload", "file", "art.png", png(1400, 1400), "csrf", token, "kind", "artwork"));
            pages.put(
                    "upload refused",
                    editor.postFile(
                            EDITOR + "/upload", "file", "x.mp3", "<b>no</b>".getBytes(), "csrf", token, "kind", "mp3"));
            pages.put(
                    "upload too large",
                    editor.postFile(
                            EDITOR + "/upload", "file", "x.mp3", new byte[200_000], "csrf", token, "kind", "mp3"));
            pages.put("published", editor.submit(EDITOR, EDITOR + "/publication", "action", "publish"));
            pages.put("delete confirmation", editor.get(EDITOR + "/delete"));
            pages.put("delete refused", editor.submit(EDITOR + "/delete", EDITOR + "/delete", "reason", ""));
            pages.put("episode page", f.site.fresh("/episodes/2"));
            pages.put("embed page", f.site.fresh("/episodes/2/embed"));
            editor.submit(EDITOR, EDITOR + "/publication", "action", "unpublish");
            pages.put("preview", editor.get(EDITOR + "/preview"));
            pages.put("episode list with an unpublished one", editor.get("/editor/episodes"));
            pages.forEach((name, r) -> {
                NuChecker.Report report = checker.checkHtml(
                        r.body().getBytes(StandardCharsets.UTF_8),
                        f.site.uri("/").toString());
                assertThat(report.errors())
                        .as("Nu Html Checker errors in %s (status %d)\n%s", name, r.statusCode(), r.body())
                        .isEmpty();
            });
            String page = pages.get("episode page").body();
            assertThat(page).contains("poster=\"/media/episodes/2/poster.png\"");
            assertThat(page).contains("src=\"/media/episodes/2/art.png\" alt=\"Episode artwork\"");
            assertThat(page).contains("&lt;Intro&gt;").contains("Chapter at 1:01");
        }
    }

    /** The discussion link on the editor's page. */
    private static String discussion(String editorPage) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<a href=\"(/stories/[0-9]+)\">its discussion</a>")
                .matcher(editorPage);
        assertThat(m.find()).as(editorPage).isTrue();
        return m.group(1);
    }

    /** A PNG of {@code w} × {@code h} pixels. */
    static byte[] png(int w, int h) throws java.io.IOException {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
