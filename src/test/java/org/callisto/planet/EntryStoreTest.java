package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link EntryStore}: storing entries once, filing them under categories, and the change time they move. */
class EntryStoreTest {
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

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void anUpdatedEntryReplacesTheStoredOneAndNeverDuplicates(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriptionStore subscriptions = new SubscriptionStore(db, CLOCK);
            EntryStore store = new EntryStore(db, CLOCK);
            Feed feed = subscriptions.addFeed("https://blog.example.org/feed", "Ann", List.of("FreeBSD"));
            Instant t = NOW.minus(1, ChronoUnit.DAYS);
            assertThat(store.storeEntries(feed.id(), List.of(row("a", "First", "<p>one</p>", t)), NOW))
                    .isEqualTo(new StoreResult(1, 0, 0));
            assertThat(store.storeEntries(feed.id(), List.of(row("a", "First", "<p>one</p>", t)), NOW))
                    .isEqualTo(new StoreResult(0, 0, 1));
            assertThat(store.storeEntries(feed.id(), List.of(row("a", "First, corrected", "<p>one!</p>", t)), NOW))
                    .isEqualTo(new StoreResult(0, 1, 0));
            List<Entry> river = store.river(0, 10);
            assertThat(river).hasSize(1);
            assertThat(river.getFirst().title()).isEqualTo("First, corrected");
            assertThat(river.getFirst().feedName()).isEqualTo("Ann");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void categoryArchivesHoldFeedCategoriesAndEntriesWhoseTermsNameACategory(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriptionStore subscriptions = new SubscriptionStore(db, CLOCK);
            CategoryStore categories = new CategoryStore(db);
            EntryStore store = new EntryStore(db, CLOCK);
            Feed bsd = subscriptions.addFeed("https://a.example.org/feed", "A", List.of("FreeBSD"));
            Feed other = subscriptions.addFeed("https://b.example.org/feed", "B", List.of("Events"));
            store.storeEntries(bsd.id(), List.of(row("1", "Ports", "<p>x</p>", NOW.minusSeconds(60))), NOW);
            store.storeEntries(
                    other.id(),
                    List.of(
                            row("2", "Tagged", "<p>y</p>", NOW.minusSeconds(120), "freebsd"),
                            row("3", "Untagged", "<p>z</p>", NOW.minusSeconds(180), "Cooking")),
                    NOW);
            Category freebsd = categories.categoryBySlug("freebsd").orElseThrow();
            assertThat(freebsd.name()).isEqualTo("FreeBSD");
            assertThat(store.categoryEntries(freebsd.id(), 0, 10))
                    .extracting(Entry::title)
                    .containsExactly("Ports", "Tagged");
            assertThat(store.river(0, 10)).extracting(Entry::title).containsExactly("Ports", "Tagged", "Untagged");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void futureDatesDoNotPinEntriesToTheTopAndSqlMetacharactersAreStoredLiterally(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriptionStore subscriptions = new SubscriptionStore(db, CLOCK);
            EntryStore store = new EntryStore(db, CLOCK);
            Feed feed = subscriptions.addFeed(
                    "https://c.example.org/feed?x=1'--", "O'Brien; DROP TABLE feeds;--", List.of());
            store.storeEntries(feed.id(), List.of(row("f", "Future", "<p/>", NOW.plus(300, ChronoUnit.DAYS))), NOW);
            Entry e = store.river(0, 1).getFirst();
            assertThat(e.publishedAt()).isEqualTo(NOW);
            assertThat(subscriptions.feeds())
                    .extracting(Feed::displayName)
                    .containsExactly("O'Brien; DROP TABLE feeds;--");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void newAndChangedEntriesMoveTheChangeTimeToTheStoresClockAndRepeatsDoNot(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            Instant fetched = NOW.minus(2, ChronoUnit.HOURS);
            Feed feed = new SubscriptionStore(db, Clock.fixed(NOW.minus(3, ChronoUnit.HOURS), ZoneOffset.UTC))
                    .addFeed("https://d.example.org/feed", "D", List.of());
            PlanetChangeTime changeTime = new PlanetChangeTime(db);
            assertThat(changeTime.lastChange()).isEqualTo(NOW.minus(3, ChronoUnit.HOURS));
            EntryStore store = new EntryStore(db, CLOCK);
            Instant t = NOW.minus(1, ChronoUnit.DAYS);
            store.storeEntries(feed.id(), List.of(row("a", "First", "<p>one</p>", t)), fetched);
            assertThat(changeTime.lastChange())
                    .as("stored at the store's clock, not the fetch time")
                    .isEqualTo(NOW);
            new EntryStore(db, Clock.offset(CLOCK, Duration.ofMinutes(5)))
                    .storeEntries(feed.id(), List.of(row("a", "First", "<p>one</p>", t)), fetched);
            assertThat(changeTime.lastChange()).as("a repeat changes nothing").isEqualTo(NOW);
        }
    }
}
