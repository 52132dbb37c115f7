package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link PostStore}: one entry shown for one post across feeds, and the administrators' split and merge. */
class PostStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static EntryRow row(String guid, String link, String html, Instant t, String sourceFeed) {
        EntryDetails d = sourceFeed == null
                ? EntryDetails.NONE
                : new EntryDetails(null, null, null, null, null, "Ann's blog", null, sourceFeed, null);
        return new EntryRow(
                guid,
                guid,
                link,
                "Ports news",
                "Ann",
                html,
                null,
                List.of(),
                null,
                null,
                -1,
                null,
                t,
                null,
                EntryIdentity.sha256(html),
                d,
                null);
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void threeCopiesOfAPostAreOneEntryCreditedToTheFirstAndSplitAndMergeUndoEachOther(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriptionStore subscriptions = new SubscriptionStore(db, CLOCK);
            EntryStore store = new EntryStore(db, CLOCK);
            Feed ann = subscriptions.addFeed("https://ann.example.org/feed", "Ann", List.of());
            Feed planet = subscriptions.addFeed("https://planet.example.com/atom.xml", "Planet", List.of());
            Feed mirror = subscriptions.addFeed("https://mirror.example.net/feed", "Mirror", List.of());
            String html = "<p>" + "The ports tree gained a new framework for building packages in parallel. ".repeat(4)
                    + "</p>";
            Instant t = NOW.minusSeconds(7200);
            // the planet of planets and the tracking link arrive first, the original (earliest published) last
            store.storeEntries(
                    planet.id(),
                    List.of(row(
                            "7",
                            "https://planet.example.com/go/7",
                            html,
                            t.plusSeconds(60),
                            "https://ann.example.org/feed")),
                    NOW);
            store.storeEntries(
                    mirror.id(),
                    List.of(row(
                            "m1",
                            "https://ANN.example.org/2026/ports/?utm_source=x#c",
                            "<p>other words</p>",
                            t.plusSeconds(120),
                            null)),
                    NOW);
            store.storeEntries(ann.id(), List.of(row("7", "https://ann.example.org/2026/ports/", html, t, null)), NOW);
            Feed other = subscriptions.addFeed("https://bob.example.org/feed", "Bob", List.of());
            store.storeEntries(
                    other.id(),
                    List.of(row(
                            "b1",
                            "https://bob.example.org/x",
                            "<p>A different post about ports and packages entirely, written by Bob.</p>",
                            t,
                            null)),
                    NOW);

            List<Entry> river = store.river(0, 10);
            assertThat(river).extracting(Entry::feedName).containsExactlyInAnyOrder("Ann", "Bob");
            long shown = river.stream()
                    .filter(e -> e.feedName().equals("Ann"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            PostStore posts = store.posts();
            assertThat(posts.copies(List.of(shown)).get(shown))
                    .extracting(PostCopy::feedName)
                    .containsExactly("Planet", "Mirror");
            assertThat(store.count(EntryList.river())).isEqualTo(2);

            long mirrored = posts.copies(List.of(shown)).get(shown).get(1).entryId();
            posts.split(mirrored, "admin");
            assertThat(store.river(0, 10))
                    .extracting(Entry::feedName)
                    .containsExactlyInAnyOrder("Ann", "Bob", "Mirror");
            assertThatThrownBy(() -> posts.split(mirrored, "admin")).hasMessageContaining("entry " + mirrored);
            posts.merge(mirrored, shown, "admin");
            assertThat(store.river(0, 10)).extracting(Entry::feedName).containsExactlyInAnyOrder("Ann", "Bob");
            assertThat(posts.postOf(mirrored)).isEqualTo(shown);
            assertThatThrownBy(() -> posts.merge(shown, 999_999, "admin")).hasMessageContaining("no entry 999999");
            assertThat(posts.log(10)).hasSize(2).first().asString().contains("admin merge " + mirrored);
            // a feed's own page still lists its copy
            assertThat(store.feedEntries(planet.id(), 0, 10)).hasSize(1);
        }
    }
}
