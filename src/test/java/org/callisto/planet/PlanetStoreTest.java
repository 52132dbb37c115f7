package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PlanetStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    static EntryRow row(String key, String title, String html, Instant published, String... terms) {
        return new EntryRow(key, key, "https://blog.example.org/" + key, title, "Ann", html, null, List.of(terms),
                null, null, -1, null, published, null, EntryIdentity.sha256(title, html));
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void anUpdatedEntryReplacesTheStoredOneAndNeverDuplicates(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            PlanetStore store = new PlanetStore(db);
            Feed feed = store.addFeed("https://blog.example.org/feed", "Ann", List.of("FreeBSD"));
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
            PlanetStore store = new PlanetStore(db);
            Feed bsd = store.addFeed("https://a.example.org/feed", "A", List.of("FreeBSD"));
            Feed other = store.addFeed("https://b.example.org/feed", "B", List.of("Events"));
            store.storeEntries(bsd.id(), List.of(row("1", "Ports", "<p>x</p>", NOW.minusSeconds(60))), NOW);
            store.storeEntries(other.id(), List.of(
                    row("2", "Tagged", "<p>y</p>", NOW.minusSeconds(120), "freebsd"),
                    row("3", "Untagged", "<p>z</p>", NOW.minusSeconds(180), "Cooking")), NOW);
            Category freebsd = store.categoryBySlug("freebsd").orElseThrow();
            assertThat(freebsd.name()).isEqualTo("FreeBSD");
            assertThat(store.categoryEntries(freebsd.id(), 0, 10)).extracting(Entry::title)
                    .containsExactly("Ports", "Tagged");
            assertThat(store.river(0, 10)).extracting(Entry::title).containsExactly("Ports", "Tagged", "Untagged");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void futureDatesDoNotPinEntriesToTheTopAndSqlMetacharactersAreStoredLiterally(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            PlanetStore store = new PlanetStore(db);
            Feed feed = store.addFeed("https://c.example.org/feed?x=1'--", "O'Brien; DROP TABLE feeds;--", List.of());
            store.storeEntries(feed.id(), List.of(row("f", "Future", "<p/>", NOW.plus(300, ChronoUnit.DAYS))), NOW);
            Entry e = store.river(0, 1).getFirst();
            assertThat(e.publishedAt()).isEqualTo(NOW);
            assertThat(store.feeds()).extracting(Feed::displayName).containsExactly("O'Brien; DROP TABLE feeds;--");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void statusIsRecordedAndPermanentRedirectsMoveTheFeed(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            PlanetStore store = new PlanetStore(db);
            Feed feed = store.addFeed("https://old.example.org/feed", null, List.of());
            store.recordStatus(feed.id(), new FeedStatus(NOW, NOW.plusSeconds(900), 200, true, null, null, false,
                    "https://new.example.org/feed", "\"v1\"", "Tue, 17 Nov 2026 10:00:00 GMT",
                    new FeedStatus.FeedMeta("New Title", "https://new.example.org/", null, null, "rss2.0", "UTF-8",
                            false, null, 60)));
            Feed moved = store.feed(feed.id()).orElseThrow();
            assertThat(moved.url()).isEqualTo("https://new.example.org/feed");
            assertThat(moved.displayName()).isEqualTo("New Title");
            assertThat(store.fetchState(feed.id()).etag()).isEqualTo("\"v1\"");
            store.recordStatus(feed.id(), new FeedStatus(NOW, NOW.plusSeconds(1800), 503, false,
                    RefreshFailure.RATE_LIMITED, "HTTP 503", false, null, null, null, null));
            Feed failed = store.feed(feed.id()).orElseThrow();
            assertThat(failed.errorCount()).isEqualTo(1);
            assertThat(failed.lastError()).isEqualTo("HTTP 503");
            assertThat(store.fetchState(feed.id()).etag()).isEqualTo("\"v1\"");
            assertThat(store.dueFeeds(NOW.plusSeconds(1799), 10)).isEmpty();
            assertThat(store.dueFeeds(NOW.plusSeconds(1800), 10)).hasSize(1);
        }
    }
}
