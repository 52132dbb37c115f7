package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
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
            SubscriptionImport importer = new SubscriptionImport(store);

            assertThat(importer.add("https://a.example.org/feed", "Someone else", List.of("freebsd", "OpenBSD"))
                            .outcome())
                    .isEqualTo(SubscriptionImport.Outcome.UPDATED);
            assertThat(importer.add("https://b.example.org/feed", "Bob", List.of())
                            .outcome())
                    .isEqualTo(SubscriptionImport.Outcome.UPDATED);
            assertThat(importer.add("https://a.example.org/feed", null, List.of("OpenBSD"))
                            .outcome())
                    .isEqualTo(SubscriptionImport.Outcome.UNCHANGED);
            assertThat(importer.add("https://c.example.org/feed", "Carol", List.of("NetBSD"))
                            .outcome())
                    .isEqualTo(SubscriptionImport.Outcome.ADDED);
            SubscriptionImport.Result bad = importer.add("mailto:x@example.org", "X", List.of());
            assertThat(bad.outcome()).isEqualTo(SubscriptionImport.Outcome.SKIPPED);
            assertThat(bad.reason()).contains("'mailto:x@example.org' is not an http(s) URL");

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
}
