package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.callisto.account.Accounts;
import org.callisto.config.ConfigLoader;
import org.callisto.db.Database;
import org.callisto.db.Sql;
import org.callisto.show.Episode;
import org.callisto.show.EpisodePublishingStore;
import org.callisto.show.ShowStores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Episodes imported from the command line get their discussion in the journal as episodes published in the browser
 * do: one story per episode, by the first administrator or the editor named with {@code --discussions-by},
 * published at the episode's release time; importing again never opens a second one; without an administrator
 * nothing is opened and the command says how to open them later; a name that is no editor's changes nothing.
 */
class ShowImportDiscussionsTest {

    private static Path notes() throws URISyntaxException {
        return Path.of(
                ShowImportDiscussionsTest.class.getResource("/show-notes").toURI());
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void importedEpisodesGetOneDiscussionEachHoweverOftenTheyAreImported(String kind) throws Exception {
        String db = Cli.freshDatabase(kind);
        String dir = notes().toString();

        Cli.Run nobody = Cli.on(db, "show", "import-markdown", dir);
        assertThat(nobody.exit()).as(nobody.err()).isZero();
        assertThat(nobody.out())
                .contains("3 added")
                .contains("Discussions: none opened, as the journal has no administrator yet; create one with"
                        + " 'callisto admin create' and import again");
        assertThat(stories(db)).isZero();

        try (Database d = Database.open(db, "", "")) {
            Accounts accounts = Accounts.of(
                    d, ConfigLoader.of(Map.of("database.url", db, "journal.registration", "open")), Clock.systemUTC());
            accounts.createAdmin("chief", "a long admin password");
            accounts.register("listener", "a long member password", null, "10.0.0.1");
        }

        Cli.Run member = Cli.on(db, "show", "import-markdown", dir, "--discussions-by", "listener");
        assertThat(member.exit()).isEqualTo(1);
        assertThat(member.err()).contains("--discussions-by listener: listener is not an editor or administrator");
        Cli.Run unknown = Cli.on(db, "show", "import-markdown", dir, "--discussions-by", "nobody");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("--discussions-by nobody: there is no account of that name");
        Cli.Run off = Cli.on(db, "show", "import-markdown", dir, "--no-discussions");
        assertThat(off.exit()).as(off.err()).isZero();
        assertThat(off.out()).doesNotContain("Discussions:");
        assertThat(stories(db)).isZero();

        Cli.Run opened = Cli.on(db, "show", "import-markdown", dir);
        assertThat(opened.exit()).as(opened.err()).isZero();
        assertThat(opened.out()).contains("3 unchanged").contains("Discussions: 3 opened by chief, 0 open already");
        Cli.Run again = Cli.on(db, "show", "import-markdown", dir);
        assertThat(again.out()).contains("Discussions: 0 opened by chief, 3 open already");
        assertThat(stories(db)).isEqualTo(3);

        try (Database d = Database.open(db, "", "")) {
            ShowStores show = ShowStores.of(d, Clock.systemUTC());
            EpisodePublishingStore extras = new EpisodePublishingStore(d, Clock.systemUTC());
            List<Episode> episodes = show.episodes().episodes();
            assertThat(episodes).hasSize(3);
            for (Episode e : episodes) {
                Long story = extras.extras(e.id()).storyId();
                assertThat(story).as("discussion of episode " + e.number()).isNotNull();
                var row = d.withConnection(c -> Sql.first(
                                c,
                                "SELECT s.title, s.published_at, s.status, u.username FROM stories s"
                                        + " JOIN users u ON u.id = s.author_id WHERE s.id = ?",
                                rs -> List.of(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
                                story)
                        .orElseThrow());
                assertThat(row.get(0)).isEqualTo("Episode " + e.number() + ": " + e.title());
                assertThat(row.get(1)).isEqualTo(e.publishedAt().toEpochMilli());
                assertThat(row.get(2)).isEqualTo("published");
                assertThat(row.get(3)).isEqualTo("chief");
            }
        }
    }

    private static long stories(String db) {
        try (Database d = Database.open(db, "", "")) {
            return d.withConnection(c -> Sql.first(c, "SELECT COUNT(*) FROM stories", rs -> rs.getLong(1))
                    .orElseThrow());
        }
    }
}
