package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.callisto.app.Callisto;
import org.callisto.app.demo.DemoMedia;
import org.callisto.app.demo.DemoShow;
import org.callisto.config.Config;
import org.callisto.config.ConfigLoader;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.callisto.show.DownloadStore;
import org.callisto.show.ShowStores;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Downloads counted the IAB way over real sockets, by real clients (curl with ranges, over IPv4 and IPv6, and
 * aria2c) and crafted requests, on a real SQLite file and a real PostgreSQL database, with a clock the test moves:
 * ranges of one listener that add up to a minute of audio count once; probes, HEAD, bots, short partial downloads
 * and repeats within 24 hours (also across the UTC midnight, across a restart) do not; the next day counts again;
 * nothing stored names an address or a user agent, and listener hashes go after 24 hours.
 */
class DownloadCountsWebTest {
    private static final String MP3 = "/media/demo/episode-2.mp3";
    private static final String ANTENNAPOD = "AntennaPod/3.5.0";
    private static final String OVERCAST = "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)";
    private static final String APPLE = "AppleCoreMedia/1.0.0.21E236 (iPhone; U; CPU OS 17_4 like Mac OS X; en_us)";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A clock the test moves between runs of the server. */
    static final class MovingClock extends Clock {
        volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aMinuteOfAudioPerListenerCountsOncePerEpisodeIn24HoursWithoutBotsProbesOrAddresses(
            String kind, @TempDir Path dir) throws Exception {
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
        Instant day1 = Instant.parse("2026-05-01T12:00:00Z");
        MovingClock clock = new MovingClock(day1);
        long minute; // the bytes of one minute of the episode's audio
        long length;

        try (Callisto callisto = Callisto.open(config, Database.open(url, user, ""), clock)) {
            DemoShow.create(callisto.show(), callisto.renditions(), media, "http://planet.test/", List.of(), day1);
            // two minutes at 64 kbit/s instead of the demo's few seconds: 480,000 bytes a minute
            Files.write(media.resolve("demo/episode-2.mp3"), DemoMedia.silentMp3(120, 64));
            length = Files.size(media.resolve("demo/episode-2.mp3"));
            minute = 64_000 * 60 / 8;
            WebServer server = callisto.startWeb(Duration.ofMillis(50), routes -> {});
            int port = server.port();

            assertThat(head(port, APPLE)).isEqualTo(200); // HEAD: never a download
            assertThat(get(port, APPLE, "bytes=0-1")).isEqualTo(206); // Apple's probe
            assertThat(get(port, APPLE, "bytes=0-" + (minute / 2))).isEqualTo(206); // half a minute: not yet
            // AntennaPod fetches in two ranges that add up to more than a minute: one download
            assertThat(curl(port, "127.0.0.1", ANTENNAPOD, "0-" + (minute / 2 + 1000)))
                    .isEqualTo("206");
            assertThat(curl(port, "127.0.0.1", ANTENNAPOD, (minute / 2 + 1001) + "-" + (minute + 5000)))
                    .isEqualTo("206");
            // and again, whole: a repeat within 24 hours
            assertThat(curl(port, "127.0.0.1", ANTENNAPOD, null)).isEqualTo("200");
            // bots, a download tool with its own name, and a request without a user agent
            assertThat(get(port, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", null))
                    .isEqualTo(200);
            assertThat(curl(port, "127.0.0.1", null, null)).isEqualTo("200"); // curl/x.y: a tool, not a listener
            assertThat(curl(port, "127.0.0.1", "", null)).isEqualTo("200"); // no User-Agent at all
            // Overcast over IPv4 and over IPv6 (the client address as the server sees it): two listeners
            assertThat(curl(port, "127.0.0.1", OVERCAST, null)).isEqualTo("200");
            assertThat(curl(port, "[::1]", OVERCAST, null)).isEqualTo("200");
            assertThat(curl(port, "[::1]", OVERCAST, "0-" + length)).isEqualTo("206"); // the same IPv6 listener
            // aria2c in 4 parallel connections: its pieces add up
            aria2c(port, dir.resolve("aria2"));
        } // closing the server stores what it counted

        try (Database db = Database.open(url, user, "")) {
            DownloadStore downloads = ShowStores.of(db, clock).downloads();
            LocalDate d1 = LocalDate.of(2026, 5, 1);
            assertThat(downloads.perApp(d1, d1, Optional.of(2)))
                    .containsExactly(
                            new DownloadStore.AppCount("Overcast", 2),
                            new DownloadStore.AppCount("AntennaPod", 1),
                            new DownloadStore.AppCount("aria2 (BitTorrent web seed)", 1));
            assertThat(stored(db))
                    .noneMatch(s -> s.contains("127.0.0.1")
                            || s.contains("::1")
                            || s.contains("0:0:0:0:0:0:0:1")
                            || s.contains("AntennaPod/")
                            || s.contains("Overcast/"));
            assertThat(count(db, "download_listeners")).isEqualTo(4);
        }

        // 23 hours later, past the UTC midnight (a new day key), a new process: still a repeat
        clock.now = day1.plus(Duration.ofHours(23));
        assertThat(runAndCount(config, url, user, clock, ANTENNAPOD)).isZero();
        // 25 hours after the first: a new download
        clock.now = day1.plus(Duration.ofHours(25));
        assertThat(runAndCount(config, url, user, clock, ANTENNAPOD)).isEqualTo(1);

        // two days on, the next flush deletes the listener hashes older than 24 hours and the old day keys
        clock.now = day1.plus(Duration.ofHours(50));
        assertThat(runAndCount(config, url, user, clock, OVERCAST)).isEqualTo(1);
        try (Database db = Database.open(url, user, "")) {
            assertThat(count(db, "download_listeners")).isEqualTo(1);
            assertThat(keyDays(db)).containsExactly("2026-05-02", "2026-05-03", "2026-05-04");
            DownloadStore downloads = ShowStores.of(db, clock).downloads();
            assertThat(downloads.perDay(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 3), Optional.empty()))
                    .extracting(DownloadStore.DayCount::downloads)
                    .containsExactly(4L, 1L, 1L);
        }
    }

    /** Starts a server on the database, has {@code agent} download the episode whole, and returns what counted. */
    private long runAndCount(Config config, String url, String user, Clock clock, String agent) throws Exception {
        long before = total(url, user, clock);
        try (Callisto callisto = Callisto.open(config, Database.open(url, user, ""), clock)) {
            WebServer server = callisto.startWeb(Duration.ofMillis(50), routes -> {});
            assertThat(curl(server.port(), "127.0.0.1", agent, null)).isEqualTo("200");
        }
        return total(url, user, clock) - before;
    }

    private static long total(String url, String user, Clock clock) {
        try (Database db = Database.open(url, user, "")) {
            return ShowStores.of(db, clock).downloads().downloads(LocalDate.of(2026, 1, 1)).stream()
                    .mapToLong(org.callisto.show.EpisodeDownloads::total)
                    .sum();
        }
    }

    /** Every text value of the download tables. */
    private static List<String> stored(Database db) {
        return db.withConnection(c -> {
            List<String> values = new ArrayList<>();
            for (String table : List.of("download_days", "download_listeners", "download_counts")) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            values.add(String.valueOf(rs.getObject(i)));
                        }
                    }
                }
            }
            return values;
        });
    }

    private static long count(Database db, String table) {
        return db.withConnection(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static List<String> keyDays(Database db) {
        return db.withConnection(
                c -> org.callisto.db.Sql.list(c, "SELECT day FROM download_keys ORDER BY day", rs -> rs.getString(1)));
    }

    /** curl fetching the episode from {@code host}; null agent for curl's own, "" for none; the HTTP status. */
    private static String curl(int port, String host, String agent, String range) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                TorrentDownloadTest.executable("curl"),
                "-g",
                "-s",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                "--max-time",
                "20"));
        if (agent != null) {
            command.addAll(List.of("-H", agent.isEmpty() ? "User-Agent:" : "User-Agent: " + agent));
        }
        if (range != null) {
            command.addAll(List.of("-r", range));
        }
        command.add("http://" + host + ":" + port + MP3);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static void aria2c(int port, Path into) throws Exception {
        Files.createDirectories(into);
        Process p = new ProcessBuilder(
                        TorrentDownloadTest.executable("aria2c"),
                        "-x",
                        "4",
                        "-s",
                        "4",
                        "-k",
                        "1M",
                        "--min-split-size=1M",
                        "--allow-overwrite=true",
                        "--console-log-level=warn",
                        "--summary-interval=0",
                        "-d",
                        into.toString(),
                        "http://127.0.0.1:" + port + MP3)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private int get(int port, String agent, String range) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + MP3))
                .timeout(Duration.ofSeconds(10))
                .header("User-Agent", agent);
        if (range != null) {
            b.header("Range", range);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int head(int port, String agent) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + MP3))
                                .header("User-Agent", agent)
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
