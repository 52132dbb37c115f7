package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.callisto.db.Database;
import org.callisto.planet.Feed;
import org.callisto.planet.SubscriptionStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Faces from the command line: {@code feeds add --face} and Planet Venus's {@code face} key. */
class FeedFacesCommandTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void feedsAddSetsReplacesAndClearsAFaceAndRefusesABadOne(String kind) {
        String db = Cli.freshDatabase(kind);
        Cli.Run added = Cli.on(
                db,
                "feeds",
                "add",
                "https://ann.example.org/feed",
                "--name",
                "Ann",
                "--face",
                "https://a.example/a.png");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("Added feed").contains("face https://a.example/a.png");
        assertThat(faces(db)).isEqualTo(Map.of("https://ann.example.org/feed", "https://a.example/a.png"));

        Cli.Run bad = Cli.on(db, "feeds", "add", "https://ann.example.org/feed", "--face", "javascript:alert(1)");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("face URL 'javascript:alert(1)' is not an absolute http or https address");
        assertThat(faces(db)).isEqualTo(Map.of("https://ann.example.org/feed", "https://a.example/a.png"));

        assertThat(Cli.on(db, "feeds", "add", "https://ann.example.org/feed").exit())
                .isZero();
        assertThat(faces(db)).as("kept when --face is not given").hasSize(1);
        assertThat(Cli.on(db, "feeds", "add", "https://ann.example.org/feed", "--face", "")
                        .exit())
                .isZero();
        assertThat(faces(db)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void importVenusSetsFacesGivenAsUrlsOrFileNamesUnderFacesUrl(String kind, @TempDir Path dir) throws Exception {
        Path ini = dir.resolve("config.ini");
        Files.writeString(ini, """
                [Planet]
                name = Planet Example

                [https://ann.example.org/feed]
                name = Ann
                face = https://ann.example.org/ann.png

                [https://bob.example.org/rss]
                name = Bob
                face = bob.jpg

                [https://cy.example.org/atom]
                name = Cy
                face = javascript:alert(1)
                """);
        String db = Cli.freshDatabase(kind);
        Cli.Run first = Cli.on(db, "import-venus", ini.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out())
                .contains("face 'bob.jpg' of [https://bob.example.org/rss] (line 8) not set: it is a file name;"
                        + " give --faces-url")
                .contains("face of [https://cy.example.org/atom] (line 12) not set: face URL 'javascript:alert(1)'")
                .contains("Faces set: 1.");
        assertThat(faces(db)).isEqualTo(Map.of("https://ann.example.org/feed", "https://ann.example.org/ann.png"));

        Cli.Run again = Cli.on(db, "import-venus", ini.toString(), "--faces-url", "https://planet.example.org/images");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(faces(db))
                .isEqualTo(Map.of(
                        "https://ann.example.org/feed", "https://ann.example.org/ann.png",
                        "https://bob.example.org/rss", "https://planet.example.org/images/bob.jpg"));
    }

    /** Every face, by feed URL. */
    static Map<String, String> faces(String url) {
        try (Database db = Database.open(url, "", "")) {
            SubscriptionStore store = new SubscriptionStore(db, Clock.systemUTC());
            Map<Long, String> byId = store.faces();
            Map<String, String> out = new TreeMap<>();
            for (Feed f : store.feeds()) {
                if (byId.containsKey(f.id())) {
                    out.put(f.url(), byId.get(f.id()));
                }
            }
            return out;
        }
    }
}
