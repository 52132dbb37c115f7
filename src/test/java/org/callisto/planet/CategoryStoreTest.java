package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link CategoryStore}: categories made by subscribing, and entries filed again when a feed's categories change. */
class CategoryStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void entriesAreFiledAgainWhenTheirFeedsCategoriesChange(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriptionStore subscriptions = new SubscriptionStore(db, CLOCK);
            CategoryStore categories = new CategoryStore(db);
            EntryStore entries = new EntryStore(db, CLOCK);
            subscriptions.addFeed("https://z.example.org/feed", "Z", List.of("OpenBSD"));
            Feed feed = subscriptions.addFeed("https://a.example.org/feed", "A", List.of("FreeBSD"));
            entries.storeEntries(
                    feed.id(),
                    List.of(
                            EntryStoreTest.row("1", "Plain", "<p>1</p>", NOW.minusSeconds(60)),
                            EntryStoreTest.row("2", "Tagged", "<p>2</p>", NOW.minusSeconds(120), "openbsd")),
                    NOW);
            long plain = entries.river(0, 10).get(0).id();
            long tagged = entries.river(0, 10).get(1).id();
            assertThat(categories.categories()).extracting(Category::name).containsExactly("FreeBSD", "OpenBSD");
            assertThat(names(categories.entryCategories(List.of(plain, tagged))))
                    .isEqualTo(Map.of(plain, List.of("FreeBSD"), tagged, List.of("FreeBSD", "OpenBSD")));

            subscriptions.setFeedCategories(feed.id(), List.of("NetBSD", " "));
            assertThat(categories.categories())
                    .extracting(Category::slug)
                    .containsExactly("freebsd", "netbsd", "openbsd");
            assertThat(names(categories.entryCategories(List.of(plain, tagged))))
                    .isEqualTo(Map.of(plain, List.of("NetBSD"), tagged, List.of("NetBSD", "OpenBSD")));
            assertThat(categories.entryCategories(List.of())).isEmpty();
        }
    }

    private static Map<Long, List<String>> names(Map<Long, List<Category>> filed) {
        return filed.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey,
                        e -> e.getValue().stream().map(Category::name).toList()));
    }
}
