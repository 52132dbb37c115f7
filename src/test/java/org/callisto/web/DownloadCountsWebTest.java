package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.callisto.app.Callisto;
import org.callisto.app.demo.DemoShow;
import org.callisto.config.Config;
import org.callisto.config.ConfigLoader;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.callisto.show.EpisodeDownloads;
import org.callisto.show.RenditionKind;
import org.callisto.show.ShowStores;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Download counts over real sockets: a whole-file GET and a GET of a range starting at byte 0 count, HEAD and later
 * ranges do not; the counts reach the database (on a real SQLite file and a real PostgreSQL database), survive a
 * restart of the server on the same database, and nothing that could identify a listener is stored.
 */
class DownloadCountsWebTest {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void downloadsAreCountedOnceEachAndSurviveARestartWithoutAddresses(String kind, @TempDir Path dir)
            throws Exception {
        String url = "sqlite".equals(kind) ? TestDatabases.sqliteUrl() : TestDatabases.postgresUrl();
        String user = "sqlite".equals(kind) ? "" : "postgres";
        Path media = Files.createDirectories(dir.resolve("media"));
        Config config = ConfigLoader.of(Map.of(
                "server.port",
                "0",
                "site.title",
                "Test Planet",
                "site.url",
                "http://planet.test/",
                "show.media_dir",
                media.toString()));
        String mp3 = "/media/demo/episode-2.mp3";

        try (Callisto callisto = Callisto.open(config, Database.open(url, user, ""), Clock.systemUTC())) {
            DemoShow.create(
                    callisto.show(), callisto.renditions(), media, "http://planet.test/", List.of(), Instant.now());
            WebServer server = callisto.startWeb(Duration.ofMillis(50), routes -> {});
            assertThat(get(server, mp3).statusCode()).isEqualTo(200); // counts (full)
            assertThat(get(server, mp3, "Range", "bytes=0-99").statusCode()).isEqualTo(206); // counts (range)
            assertThat(get(server, mp3, "Range", "bytes=100-").statusCode()).isEqualTo(206); // a later piece
            assertThat(get(server, mp3, "Range", "bytes=-10").statusCode()).isEqualTo(206); // the end
            assertThat(head(server, mp3)).isEqualTo(200); // not a download
            assertThat(get(server, "/media/demo/episode-2-hd.mp4").statusCode()).isEqualTo(200);
            assertThat(get(server, "/media/demo/episode-2.vtt").statusCode()).isEqualTo(200); // not media
        } // closing the server stores what it counted
        try (Database db = Database.open(url, user, "")) {
            ShowStores show = ShowStores.of(db, Clock.systemUTC());
            assertThat(rendition(show, 2, RenditionKind.MP3)).isEqualTo(2);
            assertThat(rendition(show, 2, RenditionKind.HD)).isEqualTo(1);
            assertThat(rendition(show, 1, RenditionKind.MP3)).isZero();
        }

        try (Callisto callisto = Callisto.open(config, Database.open(url, user, ""), Clock.systemUTC())) {
            // a new process on the same database
            assertThat(get(callisto.startWeb(Duration.ofMillis(50), routes -> {}), mp3)
                            .statusCode())
                    .isEqualTo(200);
        }
        try (Database db = Database.open(url, user, "")) {
            ShowStores show = ShowStores.of(db, Clock.systemUTC());
            assertThat(rendition(show, 2, RenditionKind.MP3)).isEqualTo(3);
            EpisodeDownloads row = show
                    .downloads()
                    .downloads(LocalDate.now(ZoneOffset.UTC).minusDays(29))
                    .stream()
                    .filter(r -> r.number() == 2 && r.kind() == RenditionKind.MP3)
                    .findFirst()
                    .orElseThrow();
            assertThat(row.recent()).isEqualTo(3);
            assertThat(row.mediaPath()).isEqualTo("demo/episode-2.mp3");

            db.withConnection(c -> {
                List<String> columns = new ArrayList<>();
                DatabaseMetaData meta = c.getMetaData();
                try (ResultSet rs = meta.getColumns(null, null, "download_counts", null)) {
                    while (rs.next()) {
                        columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                assertThat(columns).containsExactlyInAnyOrder("media_path", "day", "kind", "downloads");
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery(
                                "SELECT media_path, day, kind, downloads FROM download_counts ORDER BY media_path, kind")) {
                    List<String> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4));
                    }
                    String today = LocalDate.now(ZoneOffset.UTC).toString();
                    assertThat(rows)
                            .containsExactly(
                                    "demo/episode-2-hd.mp4 " + today + " full 1",
                                    "demo/episode-2.mp3 " + today + " full 2",
                                    "demo/episode-2.mp3 " + today + " range 1");
                    assertThat(String.join("\n", rows))
                            .doesNotContain("127.0.0.1")
                            .doesNotContain("Java-http");
                }
                return null;
            });
        }
    }

    private static long rendition(ShowStores show, int number, RenditionKind kind) {
        return show.downloads().downloads(LocalDate.now(ZoneOffset.UTC)).stream()
                .filter(r -> r.number() == number && r.kind() == kind)
                .mapToLong(EpisodeDownloads::total)
                .findFirst()
                .orElseThrow();
    }

    private HttpResponse<byte[]> get(WebServer server, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private int head(WebServer server, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
