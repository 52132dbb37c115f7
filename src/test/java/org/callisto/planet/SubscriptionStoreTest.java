package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.Sql;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link SubscriptionStore}: feeds, their fetch status and failure kinds, and the change time they move. */
class SubscriptionStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void statusIsRecordedAndPermanentRedirectsMoveTheFeed(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriptionStore store = new SubscriptionStore(db, CLOCK);
            Feed feed = store.addFeed("https://old.example.org/feed", null, List.of());
            store.recordStatus(
                    feed.id(),
                    new FeedStatus(
                            NOW,
                            NOW.plusSeconds(900),
                            200,
                            true,
                            null,
                            null,
                            false,
                            "https://new.example.org/feed",
                            "\"v1\"",
                            "Tue, 17 Nov 2026 10:00:00 GMT",
                            new FeedStatus.FeedMeta(
                                    "New Title",
                                    "https://new.example.org/",
                                    null,
                                    null,
                                    "rss2.0",
                                    "UTF-8",
                                    false,
                                    null,
                                    60)));
            Feed moved = store.feed(feed.id()).orElseThrow();
            assertThat(moved.url()).isEqualTo("https://new.example.org/feed");
            assertThat(moved.displayName()).isEqualTo("New Title");
            assertThat(store.fetchState(feed.id()).etag()).isEqualTo("\"v1\"");
            store.recordStatus(
                    feed.id(),
                    new FeedStatus(
                            NOW,
                            NOW.plusSeconds(1800),
                            503,
                            false,
                            RefreshFailure.RATE_LIMITED,
                            "HTTP 503",
                            false,
                            null,
                            null,
                            null,
                            null));
            Feed failed = store.feed(feed.id()).orElseThrow();
            assertThat(failed.errorCount()).isEqualTo(1);
            assertThat(failed.lastError()).isEqualTo("HTTP 503");
            assertThat(store.fetchState(feed.id()).etag()).isEqualTo("\"v1\"");
            assertThat(store.dueFeeds(NOW.plusSeconds(1799), 10)).isEmpty();
            assertThat(store.dueFeeds(NOW.plusSeconds(1800), 10)).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void failureKindsAreStoredByNameAndAnUnknownStoredNameReadsAsOther(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriptionStore store = new SubscriptionStore(db, CLOCK);
            Feed feed = store.addFeed("https://a.example.org/feed", "A", List.of());
            for (RefreshFailure failure : RefreshFailure.values()) {
                store.recordStatus(
                        feed.id(),
                        new FeedStatus(
                                NOW,
                                NOW.plusSeconds(60),
                                0,
                                false,
                                failure,
                                "failed: " + failure,
                                false,
                                null,
                                null,
                                null,
                                null));
                assertThat(store.feed(feed.id()).orElseThrow().lastErrorKind()).isEqualTo(failure);
                assertThat(storedKind(db, feed.id())).isEqualTo(failure.name());
            }
            db.withConnection(
                    c -> Sql.update(c, "UPDATE feeds SET last_error_kind = ? WHERE id = ?", "PARSE", feed.id()));
            Feed unknown = store.feed(feed.id()).orElseThrow();
            assertThat(unknown.lastErrorKind()).isEqualTo(RefreshFailure.OTHER);
            assertThat(unknown.lastError()).isEqualTo("failed: OTHER");
            store.recordStatus(
                    feed.id(),
                    new FeedStatus(NOW, NOW.plusSeconds(60), 200, true, null, null, false, null, null, null, null));
            assertThat(store.feed(feed.id()).orElseThrow().lastErrorKind()).isNull();
            assertThat(storedKind(db, feed.id())).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void subscriptionsAndTheChangeTimeTakeTheStoresClock(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            PlanetChangeTime changeTime = new PlanetChangeTime(db);
            assertThat(changeTime.lastChange()).isEqualTo(Instant.EPOCH);
            Feed feed = new SubscriptionStore(db, CLOCK).addFeed("https://a.example.org/feed", "A", List.of("X"));
            assertThat(feed.createdAt()).isEqualTo(NOW);
            assertThat(changeTime.lastChange()).isEqualTo(NOW);
            Instant later = NOW.plusSeconds(3600);
            SubscriptionStore laterStore = new SubscriptionStore(db, Clock.fixed(later, ZoneOffset.UTC));
            laterStore.setDisabled(feed.id(), true, "by hand");
            assertThat(changeTime.lastChange()).isEqualTo(later);
            assertThat(laterStore.feed(feed.id()).orElseThrow().disabledReason())
                    .isEqualTo("by hand");
            Instant latest = later.plusSeconds(60);
            new SubscriptionStore(db, Clock.fixed(latest, ZoneOffset.UTC)).removeFeed(feed.id());
            assertThat(changeTime.lastChange()).isEqualTo(latest);
            assertThat(laterStore.feeds()).isEmpty();
        }
    }

    private static String storedKind(Database db, long feedId) {
        return db.withConnection(c ->
                        Sql.list(c, "SELECT last_error_kind FROM feeds WHERE id = ?", rs -> rs.getString(1), feedId))
                .getFirst();
    }
}
