package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link PlanetStatistics}: time range, counts per period, per feed and per week, and the last fetch. */
class PlanetStatisticsTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void anEmptyPlanetHasNoRangeNoCountsAndNoFetch(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            PlanetStatistics statistics = new PlanetStatistics(db);
            assertThat(statistics.entryTimeRange()).isEmpty();
            assertThat(statistics.lastFetch()).isEqualTo(Instant.EPOCH);
            assertThat(statistics.entryCountsByFeed()).isEmpty();
            assertThat(statistics.entriesPerWeek(NOW, 4)).isEmpty();
            assertThat(statistics.countEntriesIn(List.of(NOW.minusSeconds(60), NOW)))
                    .containsExactly(0L);
            assertThat(statistics.countEntriesIn(List.of())).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void figuresFollowTheStoredEntriesAndFetches(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriptionStore subscriptions = new SubscriptionStore(db, CLOCK);
            EntryStore entries = new EntryStore(db, CLOCK);
            Feed a = subscriptions.addFeed("https://a.example.org/feed", "A", List.of());
            Feed b = subscriptions.addFeed("https://b.example.org/feed", "B", List.of());
            Instant oldest = NOW.minus(40, ChronoUnit.DAYS);
            Instant newest = NOW.minus(1, ChronoUnit.DAYS);
            entries.storeEntries(
                    a.id(),
                    List.of(
                            EntryStoreTest.row("1", "One", "<p>1</p>", oldest),
                            EntryStoreTest.row("2", "Two", "<p>2</p>", NOW.minus(3, ChronoUnit.DAYS)),
                            EntryStoreTest.row("3", "Three", "<p>3</p>", newest)),
                    NOW);
            entries.storeEntries(
                    b.id(), List.of(EntryStoreTest.row("4", "Four", "<p>4</p>", NOW.minus(2, ChronoUnit.DAYS))), NOW);
            subscriptions.recordStatus(
                    b.id(),
                    new FeedStatus(
                            NOW.minusSeconds(90),
                            NOW.plusSeconds(3600),
                            200,
                            true,
                            null,
                            null,
                            false,
                            null,
                            null,
                            null,
                            null));

            PlanetStatistics statistics = new PlanetStatistics(db);
            assertThat(statistics.entryTimeRange())
                    .hasValueSatisfying(range -> assertThat(range).containsExactly(oldest, newest));
            assertThat(statistics.lastFetch()).isEqualTo(NOW.minusSeconds(90));
            assertThat(statistics.entryCountsByFeed()).isEqualTo(Map.of(a.id(), 3L, b.id(), 1L));
            assertThat(statistics.entriesPerWeek(NOW, 2)).isEqualTo(Map.of(a.id(), 1.0, b.id(), 0.5));
            assertThat(statistics.countEntriesIn(List.of(
                            NOW.minus(50, ChronoUnit.DAYS),
                            NOW.minus(7, ChronoUnit.DAYS),
                            NOW.minus(2, ChronoUnit.DAYS),
                            NOW)))
                    .containsExactly(1L, 1L, 2L);
        }
    }
}
