package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImportVenusCommandTest {

    private static Path config() throws Exception {
        return Path.of(
                ImportVenusCommandTest.class.getResource("/venus/config.ini").toURI());
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void subscribesEveryFeedWithItsNameAndCategories(String kind) throws Exception {
        String db = Cli.freshDatabase(kind);
        Cli.Run r = Cli.on(db, "import-venus", config().toString());
        assertThat(r.exit()).as(r.err()).isZero();

        Map<String, String> feeds = OpmlCommandTest.snapshot(db);
        assertThat(feeds)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "https://blog.example.org/freebsd/feed.xml", "Alice Anders: FreeBSD",
                        "http://www.example.net/~bob/rss.xml", "Bob Brown: NetBSD, OpenBSD",
                        "https://carol.example.com/atom.xml", "Carol Chen: FreeBSD, Ports",
                        "https://dave.example.org/index.rss", "Dave Doe: DragonFly",
                        "https://erin.example.org/feeds/all.atom.xml", "Erin Evans: NetBSD",
                        "https://frank.example.com/feed/", "Frank Fischer: Free Software, FreeBSD",
                        "https://grace.example.org/blog/?feed=rss2", "Grace Green",
                        "https://heidi.example.org/posts.atom", "Heidi Hansen: OpenBSD, Security",
                        "http://ivan.example.net/rss", "Ivan Ivanov: DragonFly",
                        "https://judy.example.org/feed.json", "Judy Jones: FreeBSD"));

        assertThat(r.out())
                .contains("10 added, 0 updated, 0 unchanged, 4 skipped")
                .contains("skipped [index.html.tmpl]: line 25: not a feed")
                .contains("[atom.xml.tmpl]")
                .contains("[excerpt.py]")
                .contains("'ftp://files.example.org/news.rss' is not an http(s) URL")
                .contains("malformed line " + config() + ":54: 'this line is malformed")
                .contains("'Planet BSD' at https://planet.bsd.example.org/, run by The Planet BSD editors")
                .contains("site.title = Planet BSD")
                .contains("site.url = https://planet.bsd.example.org/")
                .contains("Filters: 0 imported, 3 not imported")
                .contains("[Planet] filters: the Venus filter script 'stripAd/feedburner.sed' has no Callisto"
                        + " counterpart")
                .doesNotContain("[DEFAULT]")
                .doesNotContain("skipped [Planet]");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void importingAgainChangesNothingAndKeepsLocalEdits(String kind) throws Exception {
        String db = Cli.freshDatabase(kind);
        Cli.on(db, "feeds", "add", "https://judy.example.org/feed.json", "--name", "Judy J.", "--category", "Jails");
        Cli.on(db, "import-venus", config().toString());
        Cli.Run again = Cli.on(db, "import-venus", config().toString());
        assertThat(again.out()).contains("0 added, 0 updated, 10 unchanged, 4 skipped");
        assertThat(OpmlCommandTest.snapshot(db))
                .containsEntry("https://judy.example.org/feed.json", "Judy J.: FreeBSD, Jails");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void importsFilterAndExcludeAsRulesAndReportsWhatItCannotImport(String kind, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.ini");
        Files.writeString(file, """
                [Planet]
                name = Filtered
                exclude = (?i)sponsored
                filters = excerpt.py regexp_sifter.py?require=BSD%7CUnix

                [https://alice.example.org/feed.xml]
                name = Alice
                filter = FreeBSD
                  OpenBSD

                [https://bob.example.org/feed.xml]
                name = Bob
                exclude = (?<!Net)BSD
                """);
        String db = Cli.freshDatabase(kind);
        Cli.Run r = Cli.on(db, "import-venus", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Filters: 4 imported, 2 not imported")
                .contains("drop entries whose text matches the expression '(?i)sponsored', in every feed")
                .contains("keep entries whose text matches the expression 'BSD|Unix', in every feed")
                .contains("keep entries whose text matches the expression 'FreeBSD'")
                .contains("keep entries whose text matches the expression 'OpenBSD'")
                .contains("the Venus filter script 'excerpt.py' has no Callisto counterpart")
                .contains("[https://bob.example.org/feed.xml] exclude: the regular expression '(?<!Net)BSD' is not"
                        + " valid");

        Cli.Run list = Cli.on(db, "feeds", "filter", "list");
        assertThat(list.out().lines()).hasSize(4);
        Cli.Run again = Cli.on(db, "import-venus", file.toString());
        assertThat(again.exit()).isZero();
        assertThat(Cli.on(db, "feeds", "filter", "list").out().lines())
                .as("importing twice makes no second copy of a rule")
                .hasSize(4);
    }

    @Test
    void aFileWithoutFeedSectionsIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("callisto.conf");
        Files.writeString(file, "site.title = Not Venus\n");
        Cli.Run r = Cli.on(Cli.freshDatabase("sqlite"), "import-venus", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("has no feed sections").contains("Planet Venus config.ini");
    }

    @Test
    void aMissingFileIsNamed() {
        Cli.Run r = Cli.on(Cli.freshDatabase("sqlite"), "import-venus", "/nonexistent/config.ini");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("/nonexistent/config.ini does not exist");
    }
}
