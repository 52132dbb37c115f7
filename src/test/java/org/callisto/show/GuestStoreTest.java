package org.callisto.show;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GuestStoreTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void guestsAreReplacedAndReadInOrder(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ShowStores show = ShowStores.of(db, Clock.systemUTC());
            GuestStore store = show.guests();
            Episode e = RenditionsTest.episode(show, 42);
            store.setGuests(e.id(), List.of(new Guest("Ana Example", "https://ana.example/"), new Guest("Bo", null)));
            assertThat(store.guests(e.id())).extracting(Guest::name).containsExactly("Ana Example", "Bo");
            assertThat(store.guests(e.id()))
                    .containsExactly(new Guest("Ana Example", "https://ana.example/"), new Guest("Bo", null));
            store.setGuests(e.id(), List.of(new Guest("Cy", null)));
            assertThat(store.guests(e.id())).containsExactly(new Guest("Cy", null));
            store.setGuests(e.id(), List.of());
            assertThat(store.guests(e.id())).isEmpty();
        }
    }
}
