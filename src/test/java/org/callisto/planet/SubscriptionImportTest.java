package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SubscriptionImportTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void addsNewFeedsMergesKnownOnesAndSkipsBadUrls(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriptionStore store = new SubscriptionStore(db, Clock.systemUTC());
            store.addFeed("https://a.example.org/feed", "Alice", List.of("FreeBSD"));
            store.addFeed("https://b.example.org/feed", null, List.of());
            List<SubscriptionImport.Result> results = new ArrayList<>();
            SubscriptionImport importer = new SubscriptionImport(store, results::add);

            importer.add("https://a.example.org/feed", "Someone else", List.of("freebsd", "OpenBSD"));
            importer.add("https://b.example.org/feed", "Bob", List.of());
            importer.add("https://a.example.org/feed", null, List.of("OpenBSD"));
            importer.add("https://c.example.org/feed", "Carol", List.of("NetBSD"));
            importer.add("mailto:x@example.org", "X", List.of());
            importer.finish();

            assertThat(results)
                    .extracting(SubscriptionImport.Result::outcome)
                    .containsExactly(
                            SubscriptionImport.Outcome.SKIPPED,
                            SubscriptionImport.Outcome.UPDATED,
                            SubscriptionImport.Outcome.UPDATED,
                            SubscriptionImport.Outcome.UNCHANGED,
                            SubscriptionImport.Outcome.ADDED);
            assertThat(results.getFirst().reason()).contains("'mailto:x@example.org' is not an http(s) URL");
            assertThat(importer.summary()).isEqualTo("1 added, 2 updated, 1 unchanged, 1 skipped");
            Feed alice = store.feedByUrl("https://a.example.org/feed").orElseThrow();
            assertThat(alice.name()).isEqualTo("Alice");
            assertThat(alice.categories()).extracting(Category::name).containsExactlyInAnyOrder("FreeBSD", "OpenBSD");
            assertThat(store.feedByUrl("https://b.example.org/feed")
                            .orElseThrow()
                            .name())
                    .isEqualTo("Bob");
            assertThat(store.feeds()).hasSize(3);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void importsInBatchesGivingTheSameOutcomesAsOneByOne(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriptionStore store = new SubscriptionStore(db, Clock.systemUTC());
            store.addFeed("https://known.example.org/feed", null, List.of("Old"));
            int total = SubscriptionImport.BATCH * 2 + 7;
            SubscriptionImport importer = new SubscriptionImport(store);
            for (int i = 0; i < total; i++) {
                importer.add("https://feeds.example.org/" + i, "Feed " + i, List.of("Group " + (i % 3), " "));
            }
            importer.add("https://feeds.example.org/5", null, List.of("Group 0")); // added in an earlier batch
            importer.add("HTTPS://Known.Example.ORG/feed", "Known", List.of("old", "New"));
            importer.add("https://feeds.example.org/" + total, "x".repeat(500), List.of("y".repeat(100)));

            assertThat(importer.summary()).isEqualTo((total + 1) + " added, 2 updated, 0 unchanged, 0 skipped");
            assertThat(store.feeds()).hasSize(total + 2);
            Feed five = store.feedByUrl("https://feeds.example.org/5").orElseThrow();
            assertThat(five.name()).isEqualTo("Feed 5");
            assertThat(five.categories()).extracting(Category::name).containsExactly("Group 0", "Group 2");
            Feed known = store.feedByUrl("https://known.example.org/feed").orElseThrow();
            assertThat(known.name()).isEqualTo("Known");
            assertThat(known.categories()).extracting(Category::name).containsExactly("New", "Old");
            Feed shortened =
                    store.feedByUrl("https://feeds.example.org/" + total).orElseThrow();
            assertThat(shortened.name()).hasSize(SubscriptionFields.MAX_NAME).endsWith("…");
            assertThat(shortened.categories().getFirst().name()).hasSize(SubscriptionFields.MAX_CATEGORY);
        }
    }
}
