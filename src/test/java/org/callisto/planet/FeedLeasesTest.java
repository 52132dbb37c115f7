package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.callisto.account.TestClock;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Leases on due feeds, on a real SQLite file and a real PostgreSQL server. */
class FeedLeasesTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void nodesClaimingAtOnceNeverGetTheSameFeed(String kind) throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-05-01T12:00:00Z"));
        try (Database db = TestDatabases.open(kind)) {
            SubscriptionStore store = new SubscriptionStore(db, clock);
            for (int i = 0; i < 300; i++) {
                store.addFeed("https://host" + (i % 7) + ".example/feed" + i, null, List.of());
            }
            ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
            CountDownLatch go = new CountDownLatch(1);
            try (ExecutorService nodes = Executors.newFixedThreadPool(4)) {
                for (int n = 0; n < 4; n++) {
                    FeedLeases leases = new FeedLeases(db, store, clock, "node" + n, Duration.ofMinutes(3));
                    nodes.submit(() -> {
                        go.await();
                        List<Feed> batch;
                        while (!(batch = leases.claim(7)).isEmpty()) {
                            batch.forEach(f -> claimed.add(f.id()));
                        }
                        return null;
                    });
                }
                go.countDown();
            }
            List<Long> all = new ArrayList<>(claimed);
            assertThat(all).hasSize(300);
            assertThat(new HashSet<>(all)).as("no feed claimed twice").hasSize(300);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aDeadNodesLeasesPassToAnotherAfterTheyExpireAndAGivenBackFeedIsNotDue(String kind) {
        TestClock clock = new TestClock(Instant.parse("2026-05-01T12:00:00Z"));
        try (Database db = TestDatabases.open(kind)) {
            SubscriptionStore store = new SubscriptionStore(db, clock);
            Feed a = store.addFeed("https://a.example/feed", null, List.of());
            Feed b = store.addFeed("https://b.example/feed", null, List.of());
            FeedLeases dead = new FeedLeases(db, store, clock, "dead", Duration.ofMinutes(3));
            FeedLeases alive = new FeedLeases(db, store, clock, "alive", Duration.ofMinutes(3));
            assertThat(dead.claim(10)).extracting(Feed::id).containsExactlyInAnyOrder(a.id(), b.id());
            assertThat(alive.claim(10)).as("leased to the other node").isEmpty();
            assertThat(alive.leasedNow()).isEqualTo(2);
            alive.release(a.id());
            assertThat(alive.claim(10))
                    .as("a node gives back only its own leases")
                    .isEmpty();

            clock.advance(Duration.ofMinutes(3).plusMillis(1));
            Set<Long> taken = new HashSet<>();
            alive.claim(10).forEach(f -> taken.add(f.id()));
            assertThat(taken).containsExactlyInAnyOrder(a.id(), b.id());

            // the outcome is stored (next fetch later), then the lease is given back: the feed is not claimed again
            store.recordStatus(
                    a.id(),
                    new FeedStatus(
                            clock.instant(),
                            clock.instant().plus(Duration.ofHours(1)),
                            200,
                            true,
                            null,
                            null,
                            false,
                            null,
                            null,
                            null,
                            null));
            alive.release(a.id());
            alive.release(b.id());
            assertThat(dead.claim(10)).extracting(Feed::id).containsExactly(b.id());
        }
    }
}
