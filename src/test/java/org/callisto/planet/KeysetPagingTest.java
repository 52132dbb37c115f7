package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link EntryStore#older} and {@link EntryStore#newer}: paging by place through lists with tied times. */
class KeysetPagingTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void pagingByPlaceVisitsEveryEntryOnceEvenWhenTimesAreEqual(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriptionStore subscriptions = new SubscriptionStore(db, CLOCK);
            EntryStore store = new EntryStore(db, CLOCK);
            Feed ann = subscriptions.addFeed("https://ann.example.org/feed", "Ann", List.of("FreeBSD"));
            Feed bob = subscriptions.addFeed("https://bob.example.org/feed", "Bob", List.of());
            // 47 entries over only 5 distinct times, so every page boundary falls inside a run of equal times
            List<EntryRow> annRows = new ArrayList<>();
            List<EntryRow> bobRows = new ArrayList<>();
            for (int i = 0; i < 47; i++) {
                Instant t = NOW.minusSeconds(3600L * (i % 5));
                EntryRow row = EntryStoreTest.row("e" + i, "Entry " + i, "<p>" + i + "</p>", t);
                (i % 3 == 0 ? bobRows : annRows).add(row);
            }
            store.storeEntries(ann.id(), annRows, NOW);
            store.storeEntries(bob.id(), bobRows, NOW);

            for (EntryList list : List.of(
                    EntryList.river(),
                    EntryList.feed(ann.id()),
                    EntryList.category(
                            new CategoryStore(db).categories().getFirst().id()),
                    EntryList.between(NOW.minusSeconds(3 * 3600), NOW.plusSeconds(1)))) {
                List<Entry> all = store.page(list, 0, 1000);
                assertThat(all).isNotEmpty();
                List<List<Entry>> pages = new ArrayList<>();
                List<Entry> seen = new ArrayList<>();
                EntryCursor before = null;
                while (true) {
                    List<Entry> page = store.older(list, before, 4);
                    if (page.isEmpty()) {
                        break;
                    }
                    pages.add(page);
                    seen.addAll(page);
                    before = EntryCursor.of(page.getLast());
                }
                assertThat(seen).extracting(Entry::id).containsExactlyElementsOf(ids(all));
                // and back again: the page newer than each page is the page before it
                for (int p = 1; p < pages.size(); p++) {
                    assertThat(store.newer(list, EntryCursor.of(pages.get(p).getFirst()), 4))
                            .extracting(Entry::id)
                            .containsExactlyElementsOf(ids(pages.get(p - 1)));
                }
            }
        }
    }

    private static List<Long> ids(List<Entry> entries) {
        return entries.stream().map(Entry::id).toList();
    }
}
