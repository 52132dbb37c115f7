package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callisto.config.ConfigLoader;
import org.callisto.planet.EntryDetails;
import org.callisto.planet.EntryRow;
import org.callisto.planet.Feed;
import org.callisto.web.WebServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code callisto backup} of a live site and {@code callisto restore} into a new database: the restored site serves
 * the same pages, byte for byte; nothing is overwritten without {@code --force}; a file that is not a backup is
 * refused and changes nothing.
 */
class BackupCommandTest {
    private static final List<String> PAGES = List.of("/", "/atom.xml", "/rss.xml", "/category/freebsd", "/archive");

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aBackupOfALiveSiteRestoresToTheSamePages(String kind, @TempDir Path dir) throws Exception {
        String live = Cli.freshDatabase(kind);
        Path backup = dir.resolve("callisto.backup");
        Map<String, String> before;
        try (Callisto site = Callisto.open(config(live))) {
            populate(site);
            WebServer web = site.startWeb(routes -> {});
            before = pages(web.port());
            // the backup is taken while the site serves
            Cli.Run run = Cli.on(live, "backup", backup.toString());
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("Backed up the database to " + backup);
            assertThat(backup).isNotEmptyFile();
        }

        String restored = Cli.freshDatabase(kind);
        Cli.Run run = Cli.on(restored, "restore", backup.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 feeds, 12 entries, 0 episodes");
        try (Callisto site = Callisto.open(config(restored))) {
            assertThat(pages(site.startWeb(routes -> {}).port())).isEqualTo(before);
        }

        Cli.Run again = Cli.on(restored, "restore", backup.toString());
        assertThat(again.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(again.err()).contains("already holds", "--force");
        Cli.Run forced = Cli.on(restored, "restore", backup.toString(), "--force");
        assertThat(forced.exit()).as(forced.err()).isZero();

        Cli.Run existing = Cli.on(live, "backup", backup.toString());
        assertThat(existing.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(existing.err()).contains(backup + " already exists");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aFileThatIsNotABackupIsRefusedAndChangesNothing(String kind, @TempDir Path dir) throws Exception {
        String url = Cli.freshDatabase(kind);
        try (Callisto site = Callisto.open(config(url))) {
            populate(site);
        }
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a database\n");
        Cli.Run run = Cli.on(url, "restore", notes.toString(), "--force");
        assertThat(run.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains(notes + " is not ").doesNotContain("Exception");
        try (Callisto site = Callisto.open(config(url))) {
            assertThat(site.subscriptions().feeds()).hasSize(2);
        }
    }

    private static org.callisto.config.Config config(String url) {
        return ConfigLoader.of(Map.of(
                "database.url",
                url,
                "server.port",
                "0",
                "site.title",
                "Backup Planet",
                "site.url",
                "http://planet.test/"));
    }

    private static void populate(Callisto site) {
        Feed alice = site.subscriptions().addFeed("https://alice.example/feed.xml", "Alice", List.of("FreeBSD"));
        Feed bob = site.subscriptions().addFeed("https://bob.example/rss", "Bob", List.of("Linux"));
        Instant base = Instant.parse("2026-11-20T12:00:00Z");
        List<EntryRow> rows = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rows.add(row("a" + i, "Alice's note " + i, "<p>Note <em>" + i + "</em></p>", base.minusSeconds(3600L * i)));
        }
        site.entries().storeEntries(alice.id(), rows, base);
        rows.clear();
        for (int i = 0; i < 5; i++) {
            rows.add(row("b" + i, "Bob's post " + i, "<p>Post " + i + "</p>", base.minusSeconds(5400L * i)));
        }
        site.entries().storeEntries(bob.id(), rows, base);
    }

    private static EntryRow row(String key, String title, String html, Instant published) {
        return new EntryRow(
                key,
                key,
                "https://example.org/" + key,
                title,
                null,
                null,
                html,
                List.of(),
                null,
                null,
                -1,
                null,
                published,
                null,
                Integer.toHexString(html.hashCode()),
                EntryDetails.NONE,
                null);
    }

    private static Map<String, String> pages(int port) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String path : PAGES) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            bodies.put(path, r.body());
        }
        return bodies;
    }
}
