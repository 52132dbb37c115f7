package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link EntryStore#searchEntries}: recent entries only, title or summary, case ignored, wildcards literal. */
class EntrySearchTest {
    private static final Instant NOW = Instant.parse("2026-03-05T12:00:00Z");

    private static EntryRow row(String key, String title, String summary, Instant published) {
        return new EntryRow(
                key,
                key,
                "https://blog.example.org/" + key,
                title,
                null,
                summary,
                null,
                List.of(),
                null,
                null,
                -1,
                null,
                published,
                null,
                EntryIdentity.sha256(title, summary),
                EntryDetails.NONE,
                null);
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void searchFindsRecentEntriesByTitleOrSummaryAndTakesWildcardsLiterally(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            EntryStore store = new EntryStore(db, clock);
            Feed feed = new SubscriptionStore(db, clock).addFeed("https://blog.example.org/feed", "Ann", List.of());
            Instant day = NOW.minus(1, ChronoUnit.DAYS);
            store.storeEntries(
                    feed.id(),
                    List.of(
                            row("a", "ZFS Upgrades", "<p>boot environments</p>", day),
                            row("b", "100% uptime", "<p>a story</p>", day.minus(1, ChronoUnit.HOURS)),
                            row("c", "1000 uptime", "<p>snake_case names</p>", day.minus(2, ChronoUnit.HOURS)),
                            row("d", "Old ZFS news", "<p>old</p>", NOW.minus(30, ChronoUnit.DAYS))),
                    NOW);
            Instant since = NOW.minus(7, ChronoUnit.DAYS);
            assertThat(store.searchEntries("zfs", since, 10))
                    .extracting(Entry::title)
                    .containsExactly("ZFS Upgrades");
            assertThat(store.searchEntries("BOOT ENV", since, 10))
                    .extracting(Entry::title)
                    .containsExactly("ZFS Upgrades");
            assertThat(store.searchEntries("100%", since, 10))
                    .extracting(Entry::title)
                    .containsExactly("100% uptime");
            assertThat(store.searchEntries("e_c", since, 10))
                    .extracting(Entry::title)
                    .containsExactly("1000 uptime");
            assertThat(store.searchEntries("%", since, 10))
                    .extracting(Entry::title)
                    .containsExactly("100% uptime");
            assertThat(store.searchEntries("\\", since, 10)).isEmpty();
            assertThat(store.searchEntries("'; DROP TABLE entries; --", since, 10))
                    .isEmpty();
            assertThat(store.searchEntries("zfs", NOW.minus(60, ChronoUnit.DAYS), 10))
                    .hasSize(2);
        }
    }
}
