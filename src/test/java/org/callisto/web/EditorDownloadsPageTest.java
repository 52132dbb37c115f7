package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.callisto.account.Accounts;
import org.callisto.app.demo.DemoShow;
import org.callisto.show.CountedDownloads;
import org.callisto.show.Renditions;
import org.callisto.show.ShowStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /editor/downloads}: the download counts for editors, never for members or anonymous readers. */
class EditorDownloadsPageTest {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dir;

    private static PlanetSite site;

    @BeforeAll
    static void start() throws IOException {
        Path media = Files.createDirectories(dir.resolve("media"));
        site = new PlanetSite("sqlite", Map.of("show.media_dir", media.toString(), "journal.registration", "open"));
        ShowStores show = ShowStores.of(site.db, Clock.systemUTC());
        Renditions renditions =
                new Renditions(show.episodes(), show.renditions(), media, site.config.siteUrl(), Clock.systemUTC());
        DemoShow.create(show, renditions, media, "http://planet.test/", List.of(), Instant.now());
        Instant now = Instant.now();
        show.downloads().addDownloads(CountedDownloads.of("demo/episode-2.mp3", now, 3, "Overcast"));
        show.downloads().addDownloads(CountedDownloads.of("demo/episode-2.mp3", now, 1, "AntennaPod"));
        show.downloads()
                .addDownloads(CountedDownloads.of("demo/episode-2.mp3", now.minus(Duration.ofDays(60)), 3, "Other"));
        Accounts accounts = Accounts.of(site.db, site.config, Clock.systemUTC());
        accounts.createAdmin("editor1", PASSWORD);
        accounts.register("listener", PASSWORD, null, "10.3.0.1");
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void editorsSeeEachRenditionsTotalAndRecentDownloads() throws IOException {
        WebClient editor = login("editor1");
        HttpResponse<String> r = editor.get("/editor/downloads");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).contains("private, no-store");
        assertThat(r.body())
                .contains("<h1>Downloads</h1>")
                .contains("<tr><td><a href=\"/episodes/2\">2: bhyve meets libvirt</a></td><td>MP3 audio</td>"
                        + "<td>demo/episode-2.mp3</td><td>7</td><td>4</td>"
                        + "<td><a href=\"/editor/downloads?episode=2\">per day and app</a></td></tr>")
                .contains("<th scope=\"row\" colspan=\"3\">All</th><td>7</td><td>4</td>")
                .contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\"")
                .contains("<title>" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ": 4</title>")
                .contains("<title>Overcast: 3</title>")
                .contains("<tr><td>AntennaPod</td><td>1</td></tr>")
                .doesNotContain("<script")
                .doesNotContain("style=");
        assertThat(r.body().split("<rect ", -1)).as("30 days and 2 apps").hasSize(1 + 30 + 2);
        try (NuChecker checker = new NuChecker()) {
            assertThat(checker.checkHtml(
                                    r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                    site.uri("/").toString())
                            .errors())
                    .as(r.body())
                    .isEmpty();
        }
    }

    @Test
    void oneEpisodesChartsAndABadEpisodeNumberSaySo() {
        WebClient editor = login("editor1");
        HttpResponse<String> one = editor.get("/editor/downloads?episode=2");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body())
                .contains("Last 30 days: episode 2: bhyve meets libvirt")
                .contains("<title>Overcast: 3</title>");
        HttpResponse<String> none = editor.get("/editor/downloads?episode=1");
        assertThat(none.body()).contains("<title>" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ": 0</title>");
        HttpResponse<String> bad = editor.get("/editor/downloads?episode=x%3Cy");
        assertThat(bad.statusCode()).isEqualTo(404);
        assertThat(bad.body()).contains("There is no episode x&lt;y").doesNotContain("x<y");
    }

    @Test
    void membersAreRefusedAndReadersAreSentToLogIn() {
        assertThat(login("listener").get("/editor/downloads").statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = site.get("/editor/downloads");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).contains("/login?next=/editor/downloads");
    }

    private static WebClient login(String name) {
        WebClient c = new WebClient(site.uri("/"));
        HttpResponse<String> r = c.submit("/login", "/login", "username", name, "password", PASSWORD);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return c;
    }
}
