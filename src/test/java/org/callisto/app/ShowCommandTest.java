package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShowCommandTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void importMarkdownImportsEachFolderAndReportsAMalformedOneWithFileAndLine(String kind, @TempDir Path dir)
            throws Exception {
        Path fixture = Path.of(ShowCommandTest.class.getResource("/show-notes").toURI());
        try (Stream<Path> walk = Files.walk(fixture)) {
            for (Path p : walk.toList()) {
                Path target = dir.resolve(fixture.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path bad = Files.createDirectories(dir.resolve("0044-unfinished")).resolve("notes.md");
        Files.writeString(bad, "number: 44\ntitle: Unfinished\n");
        String db = Cli.freshDatabase(kind);

        Cli.Run first = Cli.on(db, "show", "import-markdown", dir.toString());
        assertThat(first.exit()).isEqualTo(1);
        assertThat(first.out())
                .contains("  added episode 41: Jails All the Way Down")
                .contains("  added episode 43: Ports Tree Spring Cleaning")
                .contains("Imported " + dir + ": 3 added, 0 updated, 0 unchanged, 1 failed;");
        assertThat(first.err())
                .contains("  failed " + bad + ":1: no release date; add a line date: 2026-03-05")
                .contains("1 of 4 folders failed");

        Files.writeString(
                bad,
                "number: 44\ntitle: Unfinished\ndate: 2026-03-19\n\n## Headlines\n\n"
                        + "- [A story](https://story.example/)\n");
        Cli.Run second = Cli.on(db, "show", "import-markdown", dir.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("Imported " + dir + ": 1 added, 0 updated, 3 unchanged, 0 failed;");

        Cli.Run missing =
                Cli.on(db, "show", "import-markdown", dir.resolve("nowhere").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("nowhere is not a folder");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void downloadsListsEachRenditionWithItsTotalAndRecentCounts(String kind, @TempDir Path dir) throws Exception {
        String url = Cli.freshDatabase(kind);
        Path media = dir.resolve("media");
        try (org.callisto.db.Database db = org.callisto.db.Database.open(url, "", "")) {
            org.callisto.show.ShowStores show = org.callisto.show.ShowStores.of(db, java.time.Clock.systemUTC());
            org.callisto.app.demo.DemoShow.create(
                    show,
                    new org.callisto.show.Renditions(
                            show.episodes(),
                            show.renditions(),
                            media,
                            java.net.URI.create("http://planet.test/"),
                            java.time.Clock.systemUTC()),
                    media,
                    "http://planet.test/",
                    java.util.List.of(),
                    java.time.Instant.now());
            java.time.Instant now = java.time.Instant.now();
            java.util.List<org.callisto.show.media.DownloadCounter.Counted> counted = new java.util.ArrayList<>();
            counted.addAll(org.callisto.show.CountedDownloads.of("demo/episode-2.mp3", now, 5, "Overcast"));
            counted.addAll(org.callisto.show.CountedDownloads.of("demo/episode-2.mp3", now, 2, "AntennaPod"));
            counted.addAll(org.callisto.show.CountedDownloads.of(
                    "demo/episode-2.mp3", now.minus(java.time.Duration.ofDays(40)), 10, "Overcast"));
            counted.addAll(org.callisto.show.CountedDownloads.of("demo/episode-1-hd.mp4", now, 1, "Other"));
            show.downloads().addDownloads(counted);
        }

        Cli.Run run = Cli.on(url, "show", "downloads");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("episode  rendition       total   last 30 days  title")
                .contains("      2  mp3                17              7  bhyve meets libvirt")
                .contains("      2  hd                  0              0  bhyve meets libvirt")
                .contains("      1  hd                  1              1  Ports, packages and poudriere")
                .contains("    all                     18              8");
        assertThat(run.out().indexOf("      2  mp3")).isLessThan(run.out().indexOf("      1  mp3"));

        Cli.Run json = Cli.on(url, "show", "downloads", "--json");
        assertThat(json.exit()).as(json.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode report =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertThat(report.get("days").asInt()).isEqualTo(30);
        assertThat(report.get("perDay")).hasSize(30);
        assertThat(report.get("perDay").get(29).get("downloads").asLong()).isEqualTo(8);
        assertThat(report.get("perApp").get(0).get("app").asText()).isEqualTo("Overcast");
        assertThat(report.get("perApp").get(0).get("downloads").asLong()).isEqualTo(5);
        assertThat(report.get("renditions").get(0).get("kind").asText()).isEqualTo("mp3");
        assertThat(report.get("renditions").get(0).get("total").asLong()).isEqualTo(17);

        Cli.Run week = Cli.on(url, "show", "downloads", "--days", "0");
        assertThat(week.exit()).isEqualTo(1);
        assertThat(week.err()).contains("--days 0 is out of range");
    }
}
