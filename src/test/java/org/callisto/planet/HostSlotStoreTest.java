package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.callisto.account.TestClock;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The per-host fetch slots shared by nodes, on a real SQLite file and a real PostgreSQL server. */
class HostSlotStoreTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aHostsSlotsAreSharedByTheNodesAndADeadNodesSlotsFreeThemselves(String kind) {
        TestClock clock = new TestClock(Instant.parse("2026-05-01T12:00:00Z"));
        try (Database db = TestDatabases.open(kind)) {
            HostSlotStore a = new HostSlotStore(db, clock, "a", Duration.ofMinutes(3));
            HostSlotStore b = new HostSlotStore(db, clock, "b", Duration.ofMinutes(3));
            int first = a.tryTake("blog.example", 2);
            int second = b.tryTake("blog.example", 2);
            assertThat(List.of(first, second)).containsExactlyInAnyOrder(0, 1);
            assertThat(a.tryTake("blog.example", 2))
                    .as("both slots held, one by each node")
                    .isEqualTo(-1);
            assertThat(b.tryTake("other.example", 2))
                    .as("another host has its own")
                    .isIn(0, 1);
            assertThat(a.heldNow()).isEqualTo(3);

            b.give("blog.example", second);
            assertThat(a.tryTake("blog.example", 2)).isEqualTo(second);
            a.give("blog.example", second);
            b.give("blog.example", first); // not b's: nothing happens
            assertThat(b.tryTake("blog.example", 2)).isEqualTo(second);
            assertThat(b.tryTake("blog.example", 2))
                    .as("the other is still a's")
                    .isEqualTo(-1);

            clock.advance(Duration.ofMinutes(3).plusMillis(1)); // a died holding its slot
            assertThat(b.tryTake("blog.example", 2))
                    .as("b's own expired too; one is free")
                    .isIn(0, 1);
            assertThat(b.tryTake("blog.example", 2)).isIn(0, 1);
        }
    }
}
