package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.callisto.app.Callisto;
import org.callisto.config.ConfigLoader;
import org.callisto.db.TestDatabases;
import org.callisto.planet.fetch.FixtureServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Filter rules from end to end: feeds served over loopback, a refresh round through the real pipeline and a real
 * database; what the rules drop is not stored, is counted and listed, and a stored copy goes when a new rule drops it.
 */
class EntryFiltersTest {

    static final String FEED = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Mixed</title><link>https://mixed.example.org/</link>
            <item><title>FreeBSD 15.0 released</title><guid>https://mixed.example.org/1</guid>
              <description>The release notes of FreeBSD.</description><category>bsd</category></item>
            <item><title>Sponsored: buy our cloud</title><guid>https://mixed.example.org/2</guid>
              <description>An advertisement.</description></item>
            <item><title>Weekly notes</title><guid>https://mixed.example.org/3</guid>
              <description>A &lt;b&gt;Press release&lt;/b&gt; from a vendor.</description><author>pr@example.org (Vendor PR)</author></item>
            <item><title>Sponsorship thanks</title><guid>https://mixed.example.org/4</guid>
              <description>Thanks to our sponsors.</description><category>meta</category></item>
            </channel></rss>
            """;

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void dropRulesKeepEntriesOutCountThemAndRemoveCopiesStoredBefore(String kind) throws Exception {
        try (FixtureServer fixtures = FixtureServer.start();
                Callisto planet = open(kind)) {
            fixtures.route("/mixed.xml").body(FEED).contentType("application/rss+xml");
            fixtures.route("/other.xml")
                    .body(FEED.replace("mixed.example.org", "other.example.org"))
                    .contentType("application/rss+xml");
            Feed mixed =
                    planet.subscriptions().addFeed(fixtures.url("/mixed.xml").toString(), null, List.of());
            Feed other =
                    planet.subscriptions().addFeed(fixtures.url("/other.xml").toString(), null, List.of());
            planet.round().run(planet.subscriptions().feeds(), o -> {});
            assertThat(titles(planet, mixed)).hasSize(4);

            FilterStore rules = planet.filterStore();
            // a word, whole and in any case: "Sponsored" goes, "Sponsorship" stays
            rules.add(null, FilterRule.Action.DROP, FilterRule.Field.TITLE, FilterRule.Kind.WORDS, "sponsored", null);
            // a phrase in the text, for one feed only
            rules.add(
                    mixed.id(),
                    FilterRule.Action.DROP,
                    FilterRule.Field.CONTENT,
                    FilterRule.Kind.WORDS,
                    "\"press release\"",
                    null);
            planet.entryFilters().changed();
            planet.round().run(planet.subscriptions().feeds(), o -> {});

            assertThat(titles(planet, mixed)).containsExactlyInAnyOrder("FreeBSD 15.0 released", "Sponsorship thanks");
            assertThat(titles(planet, other))
                    .containsExactlyInAnyOrder("FreeBSD 15.0 released", "Weekly notes", "Sponsorship thanks");
            assertThat(rules.droppedCount(mixed.id())).isEqualTo(2);
            assertThat(rules.droppedCount(other.id())).isEqualTo(1);
            assertThat(rules.dropped(mixed.id()))
                    .extracting(FilterStore.DroppedEntry::title)
                    .containsExactlyInAnyOrder("Sponsored: buy our cloud", "Weekly notes");
            assertThat(planet.search()
                            .search(new org.callisto.search.SearchRequest(
                                    "advertisement", null, null, null, null, null, null, 1))
                            .hits())
                    .as("the dropped entry's search document goes with it")
                    .isEmpty();

            // a third round changes nothing: each dropped entry is counted once
            planet.round().run(planet.subscriptions().feeds(), o -> {});
            assertThat(rules.droppedTotal()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void keepRulesStoreOnlyWhatMatchesAndRemovingARuleBringsEntriesBack(String kind) throws Exception {
        try (FixtureServer fixtures = FixtureServer.start();
                Callisto planet = open(kind)) {
            fixtures.route("/mixed.xml").body(FEED).contentType("application/rss+xml");
            Feed mixed =
                    planet.subscriptions().addFeed(fixtures.url("/mixed.xml").toString(), null, List.of());
            FilterRule keep = planet.filterStore()
                    .add(
                            mixed.id(),
                            FilterRule.Action.KEEP,
                            FilterRule.Field.CATEGORIES,
                            FilterRule.Kind.REGEX,
                            "^(bsd|meta)$",
                            null);
            planet.filterStore()
                    .add(
                            null,
                            FilterRule.Action.DROP,
                            FilterRule.Field.AUTHOR,
                            FilterRule.Kind.REGEX,
                            "(?i)vendor",
                            null);
            planet.round().run(planet.subscriptions().feeds(), o -> {});
            assertThat(titles(planet, mixed)).containsExactlyInAnyOrder("FreeBSD 15.0 released", "Sponsorship thanks");

            assertThat(planet.filterStore().remove(keep.id())).isTrue();
            planet.entryFilters().changed();
            planet.subscriptions().recordStatus(mixed.id(), refetchNow());
            planet.round().run(planet.subscriptions().feeds(), o -> {});
            assertThat(titles(planet, mixed))
                    .as("without the keep rule only the vendor's entry stays out")
                    .containsExactlyInAnyOrder(
                            "FreeBSD 15.0 released", "Sponsorship thanks", "Sponsored: buy our cloud");
        }
    }

    @Test
    void aBadExpressionIsRefusedWithWhatIsWrongAndWhere() {
        assertThatThrownBy(() -> FilterRule.compile(FilterRule.Kind.REGEX, "free(bsd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'free(bsd'")
                .hasMessageContaining("missing closing )");
        assertThatThrownBy(() -> FilterRule.compile(FilterRule.Kind.REGEX, "(?<=a)b"))
                .hasMessageContaining("is not valid")
                .hasMessageContaining("look-arounds");
        assertThatThrownBy(() -> FilterRule.compile(FilterRule.Kind.WORDS, " , "))
                .hasMessageContaining("hold no word");
        assertThatThrownBy(() -> FilterRule.parse(FilterRule.Field.class, "body", "--field"))
                .hasMessage("--field 'body' is not one of any, title, content, categories, author; use one of them");
    }

    @Test
    @Timeout(20) // guards against a hang only: RE2 answers this in linear time, a backtracking engine would not
    void anExpressionThatWouldBacktrackForeverAnswersAtOnce() {
        var p = FilterRule.compile(FilterRule.Kind.REGEX, "^(a+)+$");
        assertThat(p.matcher("a".repeat(50_000) + "!").find()).isFalse();
    }

    @Test
    void wordsMatchWholeWordsInAnyCaseAndPhrasesAcrossSpaces() {
        var p = FilterRule.compile(FilterRule.Kind.WORDS, "linux, \"press release\"");
        assertThat(p.matcher("News about LINUX today").find()).isTrue();
        assertThat(p.matcher("Linuxulator in FreeBSD").find()).isFalse();
        assertThat(p.matcher("a press\n release").find()).isTrue();
        assertThat(p.matcher("a (re)press release").find()).isTrue();
        assertThat(p.matcher("Zürich-Linux").find()).isTrue();
        assertThat(FilterRule.compile(FilterRule.Kind.WORDS, "a.b")
                        .matcher("aXb")
                        .find())
                .isFalse();
    }

    private static List<String> titles(Callisto planet, Feed feed) {
        return planet.entries().feedEntries(feed.id(), 0, 100).stream()
                .map(Entry::title)
                .toList();
    }

    private static FeedStatus refetchNow() {
        return new FeedStatus(
                java.time.Instant.EPOCH, java.time.Instant.EPOCH, 200, true, null, null, false, null, null, null, null);
    }

    private static Callisto open(String kind) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of(
                "fetch.allow_loopback",
                "true",
                "data.dir",
                Files.createTempDirectory("callisto-filters").toString()));
        if ("postgres".equals(kind)) {
            settings.put("database.url", TestDatabases.postgresUrl());
            settings.put("database.user", "postgres");
        }
        return Callisto.open(ConfigLoader.of(settings));
    }
}
