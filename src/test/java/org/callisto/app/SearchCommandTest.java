package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.planet.EntryDetails;
import org.callisto.planet.EntryIdentity;
import org.callisto.planet.EntryRow;
import org.callisto.planet.EntryStore;
import org.callisto.planet.Feed;
import org.callisto.planet.SubscriptionStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code callisto search}: lines for people, JSON for scripts, and a clear failure for a query without words. */
class SearchCommandTest {
    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void searchPrintsMatchesWithMarkedWordsAsLinesOrJson(String kind) throws Exception {
        String url = Cli.freshDatabase(kind);
        try (Database db = Database.open(url, kind.equals("postgres") ? "postgres" : "", "")) {
            Feed feed =
                    new SubscriptionStore(db, Clock.systemUTC()).addFeed("https://a.example/feed", "Ann", List.of());
            String html = "<p>Jails and <b>bhyve</b> on one host.</p>";
            new EntryStore(db, Clock.systemUTC())
                    .storeEntries(
                            feed.id(),
                            List.of(new EntryRow(
                                    "k1",
                                    "k1",
                                    "https://a.example/1",
                                    "Virtual machines",
                                    "Ann",
                                    html,
                                    null,
                                    List.of(),
                                    null,
                                    null,
                                    -1,
                                    null,
                                    Instant.now().minusSeconds(3600),
                                    null,
                                    EntryIdentity.sha256("Virtual machines", html),
                                    EntryDetails.NONE,
                                    null)),
                            Instant.now());
        }
        Cli.Run lines = Cli.on(url, "search", "bhyve");
        assertThat(lines.exit()).as(lines.err()).isZero();
        assertThat(lines.out()).contains("Virtual machines").contains("[bhyve]").contains("/entries/");

        Cli.Run json = Cli.on(url, "search", "bhyve", "--json", "--part", "planet");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode out = new ObjectMapper().readTree(json.out());
        assertThat(out.get("hits")).hasSize(1);
        assertThat(out.get("hits").get(0).get("title").asText()).isEqualTo("Virtual machines");

        Cli.Run none = Cli.on(url, "search", "***");
        assertThat(none.exit()).isNotZero();
        assertThat(none.err()).contains("no word to look for");
    }
}
