package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Faces of subscriptions: set, replaced, removed with a blank value or with the feed, and refused when not http(s). */
class FeedFacesTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aFaceIsKeptPerFeedUntilClearedOrTheFeedIsRemoved(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriptionStore store = new SubscriptionStore(db, Clock.fixed(NOW, ZoneOffset.UTC));
            Feed ann = store.addFeed("https://ann.example.org/feed", "Ann", List.of());
            Feed bob = store.addFeed("https://bob.example.org/feed", "Bob", List.of());
            assertThat(store.faces()).isEmpty();

            assertThat(store.setFace(ann.id(), "  https://ann.example.org/ann.png "))
                    .isTrue();
            assertThat(store.setFace(bob.id(), "http://bob.example.org/me.jpg")).isTrue();
            assertThat(store.setFace(ann.id(), "https://ann.example.org/new.png"))
                    .isTrue();
            assertThat(store.faces())
                    .isEqualTo(Map.of(
                            ann.id(), "https://ann.example.org/new.png", bob.id(), "http://bob.example.org/me.jpg"));

            assertThat(store.setFace(ann.id(), "")).isTrue();
            assertThat(store.faces()).isEqualTo(Map.of(bob.id(), "http://bob.example.org/me.jpg"));
            store.removeFeed(bob.id());
            assertThat(store.faces()).isEmpty();
            assertThat(store.setFace(bob.id(), "https://bob.example.org/me.jpg"))
                    .as("a removed feed")
                    .isFalse();
            assertThat(store.faces()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aFaceThatIsNotAnHttpAddressIsRefusedWithItsValueAndNothingChanges(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            SubscriptionStore store = new SubscriptionStore(db, Clock.fixed(NOW, ZoneOffset.UTC));
            Feed ann = store.addFeed("https://ann.example.org/feed", "Ann", List.of());
            store.setFace(ann.id(), "https://ann.example.org/ann.png");
            for (String bad : List.of(
                    "javascript:alert(1)", "data:image/svg+xml,<svg/>", "/images/ann.png", "ann.png", "http://")) {
                assertThatThrownBy(() -> store.setFace(ann.id(), bad))
                        .as(bad)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("face URL")
                        .hasMessageContaining(bad);
            }
            assertThatThrownBy(() -> store.setFace(ann.id(), "https://a.example/" + "x".repeat(3000)))
                    .hasMessageContaining("the limit is 2048");
            assertThat(store.faces()).isEqualTo(Map.of(ann.id(), "https://ann.example.org/ann.png"));
        }
    }
}
