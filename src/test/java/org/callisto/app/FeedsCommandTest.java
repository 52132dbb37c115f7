package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FeedsCommandTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void addListAndRemoveRoundTrip(String kind) throws Exception {
        String db = Cli.freshDatabase(kind);

        Cli.Run added = Cli.on(
                db,
                "feeds",
                "add",
                "https://blog.example.org/feed.xml",
                "--name",
                "Alice",
                "--category",
                "FreeBSD",
                "--category",
                "OpenBSD");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("Added feed").contains("Alice").contains("FreeBSD, OpenBSD");
        assertThat(Cli.on(db, "feeds", "add", "http://bob.example.net/rss").exit())
                .isZero();

        Cli.Run again = Cli.on(db, "feeds", "add", "https://blog.example.org/feed.xml", "--category", "NetBSD");
        assertThat(again.out()).contains("Updated feed").contains("Alice").contains("NetBSD");

        Cli.Run table = Cli.on(db, "feeds", "list");
        assertThat(table.exit()).isZero();
        assertThat(table.out())
                .contains("Alice")
                .contains("https://blog.example.org/feed.xml [NetBSD]")
                .contains("http://bob.example.net/rss")
                .contains("new")
                .contains("2 feeds");

        Cli.Run json = Cli.on(db, "feeds", "list", "--json");
        assertThat(json.exit()).isZero();
        JsonNode rows = new ObjectMapper().readTree(json.out());
        assertThat(rows).hasSize(2);
        JsonNode alice = rows.get(0);
        assertThat(alice.get("name").asText()).isEqualTo("Alice");
        assertThat(alice.get("url").asText()).isEqualTo("https://blog.example.org/feed.xml");
        assertThat(alice.get("categories").get(0).asText()).isEqualTo("NetBSD");
        assertThat(alice.get("status").asText()).isEqualTo("new");
        assertThat(alice.get("lastError").isNull()).isTrue();
        long bobId = rows.get(1).get("id").asLong();

        Cli.Run byId = Cli.on(db, "feeds", "remove", Long.toString(bobId));
        assertThat(byId.exit()).as(byId.err()).isZero();
        assertThat(byId.out()).contains("Removed feed " + bobId);
        Cli.Run byUrl = Cli.on(db, "feeds", "remove", "HTTPS://Blog.Example.org/feed.xml");
        assertThat(byUrl.exit()).as(byUrl.err()).isZero();

        assertThat(Cli.on(db, "feeds", "list").out()).contains("No feeds yet");
        assertThat(new ObjectMapper()
                        .readTree(Cli.on(db, "feeds", "list", "--json").out()))
                .isEmpty();
    }

    @Test
    void refusesAUrlThatIsNotHttp() {
        Cli.Run r = Cli.on(Cli.freshDatabase("sqlite"), "feeds", "add", "ftp://x");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .startsWith("callisto feeds add: 'ftp://x' is not an http(s) URL; feeds are fetched over http or https")
                .doesNotContain("Exception");
    }

    @Test
    void refusesARelativeUrl() {
        Cli.Run r = Cli.on(Cli.freshDatabase("sqlite"), "feeds", "add", "example.org/feed");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("'example.org/feed' is not an absolute URL");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void removingAnUnknownFeedFailsWithExitCodeOne(String kind) {
        String db = Cli.freshDatabase(kind);
        Cli.Run byId = Cli.on(db, "feeds", "remove", "4242");
        assertThat(byId.exit()).isEqualTo(1);
        assertThat(byId.err()).contains("no feed has id 4242").contains("feeds list");
        Cli.Run byUrl = Cli.on(db, "feeds", "remove", "https://nowhere.example.org/feed");
        assertThat(byUrl.exit()).isEqualTo(1);
        assertThat(byUrl.err()).contains("no feed has the URL 'https://nowhere.example.org/feed'");
    }

    @Test
    void aMissingConfigFileIsAConfigurationErrorWithExitCodeTwo() {
        Cli.Run r = Cli.run("feeds", "list", "--config", "/nonexistent/callisto.conf");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains("/nonexistent/callisto.conf does not exist")
                .doesNotContain("\tat ");
    }

    @Test
    void aBadDatabaseUrlIsAConfigurationErrorWithExitCodeTwo() {
        Cli.Run r = Cli.run("feeds", "list", "--database-url", "jdbc:mysql://db/planet");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains("database.url = 'jdbc:mysql://db/planet' is not supported")
                .doesNotContain("\tat ");
    }

    @Test
    void feedsWithoutASubcommandPrintsUsage() {
        Cli.Run r = Cli.run("feeds");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("add").contains("list").contains("remove");
    }
}
