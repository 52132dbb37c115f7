package org.callisto.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.callisto.planet.EntryDetails;
import org.callisto.planet.EntryIdentity;
import org.callisto.planet.EntryRow;
import org.callisto.planet.EntryStore;
import org.callisto.planet.Feed;
import org.callisto.planet.SubscriptionStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link SearchService} on both databases: what is found, in which order, with which snippet, and hostile input. */
class SearchServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static EntryRow row(String key, String title, String html, Instant published, String... terms) {
        return new EntryRow(
                key,
                key,
                "https://blog.example.org/" + key,
                title,
                "Ann",
                html,
                null,
                List.of(terms),
                null,
                null,
                -1,
                null,
                published,
                null,
                EntryIdentity.sha256(title, html),
                EntryDetails.NONE,
                null);
    }

    /** A planet of two feeds and four entries. */
    private static Feed[] planet(Database db) {
        SubscriptionStore subscriptions = new SubscriptionStore(db, CLOCK);
        EntryStore entries = new EntryStore(db, CLOCK);
        Feed bsd = subscriptions.addFeed("https://a.example.org/feed", "Ann", List.of("FreeBSD"));
        Feed other = subscriptions.addFeed("https://b.example.org/feed", "Bob", List.of("Events"));
        entries.storeEntries(
                bsd.id(),
                List.of(
                        row("1", "ZFS snapshots", "<p>How I keep <b>ZFS</b> snapshots of my jails.</p>", days(1)),
                        row("2", "Ports tree", "<p>Updating the ports tree; zfs mentioned once.</p>", days(3))),
                NOW);
        entries.storeEntries(
                other.id(),
                List.of(
                        row("3", "Conference notes", "<p>Talks about <i>filesystems</i> and ZFS.</p>", days(2)),
                        row(
                                "4",
                                "Cooking",
                                "<p>A recipe &lt;mark&gt;with&lt;/mark&gt; \uE000garlic\uE001.</p>",
                                days(5))),
                NOW);
        return new Feed[] {bsd, other};
    }

    private static Instant days(int n) {
        return NOW.minus(n, ChronoUnit.DAYS);
    }

    private static List<String> titles(SearchResults r) {
        return r.hits().stream().map(SearchHit::title).toList();
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void findsEntriesNewestFirstOrBestFirstWithTheMatchedWordsMarked(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            planet(db);
            SearchService search = new SearchService(db, CLOCK);
            SearchResults newest = search.search(SearchRequest.of("zfs"));
            assertThat(titles(newest)).containsExactly("ZFS snapshots", "Conference notes", "Ports tree");
            assertThat(newest.hasNext()).isFalse();
            SearchHit first = newest.hits().getFirst();
            assertThat(first.path()).startsWith("/entries/");
            assertThat(first.source()).isEqualTo("Ann");
            assertThat(first.snippet()).anySatisfy(s -> {
                assertThat(s.marked()).isTrue();
                assertThat(s.text()).isEqualToIgnoringCase("zfs");
            });
            SearchResults best = search.search(
                    new SearchRequest("zfs snapshots", Set.of(), null, null, null, null, SearchOrder.BEST, 1));
            assertThat(titles(best)).first().isEqualTo("ZFS snapshots");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void filtersByFeedCategoryPartAndDates(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            Feed[] feeds = planet(db);
            SearchService search = new SearchService(db, CLOCK);
            assertThat(titles(search.search(
                            new SearchRequest("zfs", Set.of(), null, feeds[1].id(), null, null, null, 1))))
                    .containsExactly("Conference notes");
            assertThat(titles(search.search(new SearchRequest("zfs", Set.of(), "freebsd", null, null, null, null, 1))))
                    .containsExactly("ZFS snapshots", "Ports tree");
            assertThat(titles(search.search(new SearchRequest("zfs", Set.of(), null, null, days(2), days(0), null, 1))))
                    .containsExactly("ZFS snapshots", "Conference notes");
            assertThat(search.search(new SearchRequest(
                                    "zfs", Set.of("journal", "show"), null, null, null, null, null, 1))
                            .hits())
                    .isEmpty();
            assertThatThrownBy(() ->
                            search.search(new SearchRequest("zfs", Set.of(), "no-such", null, null, null, null, 1)))
                    .isInstanceOf(SearchRefusal.class)
                    .hasMessageContaining("no-such");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void hostileQueriesGiveResultsOrAClearRefusalNeverAnSqlError(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            planet(db);
            SearchService search = new SearchService(db, CLOCK);
            for (String q : List.of(
                    "\"zfs",
                    "zfs\"\"\"",
                    "zfs*",
                    "* zfs",
                    "zfs:",
                    "zfs AND OR NOT",
                    "zfs'); DROP TABLE entries; --",
                    "(zfs",
                    "^zfs",
                    "-ports zfs",
                    "zfs OR garlic",
                    "{zfs} [ports]",
                    "zfs " + "x".repeat(10_000),
                    "zfs " + "word ".repeat(2_000))) {
                SearchResults r = search.search(SearchRequest.of(q));
                if (SearchTerms.words(q).stream().allMatch(w -> w.equals("zfs"))) {
                    assertThat(r.hits()).as(q).isNotEmpty();
                }
            }
            // operators of FTS5 are words like any other: no syntax error, just no document with "near" in it
            assertThat(search.search(SearchRequest.of("NEAR(zfs ports, 3)")).hits())
                    .isEmpty();
            assertThat(titles(search.search(SearchRequest.of("-ports zfs"))))
                    .containsExactly("ZFS snapshots", "Conference notes");
            assertThat(search.search(SearchRequest.of("zfs " + "word ".repeat(2_000)))
                            .note())
                    .contains("first 32 words");
            for (String q :
                    List.of("", "   ", "***", "\"\"", "()", "-zfs", "' OR 1=1 --".replaceAll("[A-Za-z0-9]", ""))) {
                assertThatThrownBy(() -> search.search(SearchRequest.of(q)))
                        .as(q)
                        .isInstanceOf(SearchRefusal.class)
                        .hasMessageContaining("word");
            }
            // the database cannot be made to mark text: markers and tags in the indexed text are just text
            SearchHit garlic = search.search(SearchRequest.of("recipe")).hits().getFirst();
            assertThat(garlic.snippet().stream().filter(Snippets.Segment::marked))
                    .extracting(Snippets.Segment::text)
                    .containsExactly("recipe");
            assertThat(Snippets.plain(garlic.snippet())).contains("garlic").doesNotContain("[garlic]");
        }
    }
}
