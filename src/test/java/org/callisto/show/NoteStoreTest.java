package org.callisto.show;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NoteStoreTest {

    static List<Section> notes() {
        return List.of(
                new Section(
                        "Headlines",
                        List.of(
                                NoteItem.of(
                                        "FreeBSD 15.1 released", "https://www.freebsd.org/releases/15.1R/", "Lots."),
                                new NoteItem("A planet post", "https://blog.example/p", "", SourceKind.PLANET, 7L))),
                new Section("Interview", List.of()),
                new Section(
                        "Feedback/Questions",
                        List.of(new NoteItem("Mail from Ana", null, "About jails.", SourceKind.FEEDBACK, 3L))));
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void notesAreReplacedAsAWholeAndReadInOrderWithTheirIds(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ShowStores show = ShowStores.of(db, Clock.systemUTC());
            NoteStore store = show.notes();
            Episode e = RenditionsTest.episode(show, 42);
            store.setNotes(e.id(), notes());
            store.setNotes(e.id(), notes());
            assertThat(store.notes(e.id())).isEqualTo(notes());
            assertThat(store.renameSection(e.id(), 1, "Interview: Ana")).isTrue();
            assertThat(store.renameSection(e.id(), 3, "Nothing here")).isFalse();
            assertThat(store.notes(e.id()).get(1).heading()).isEqualTo("Interview: Ana");

            List<NoteStore.StoredSection> stored = store.storedNotes(e.id());
            assertThat(stored).extracting(NoteStore.StoredSection::position).containsExactly(0, 1, 2);
            assertThat(stored)
                    .extracting(NoteStore.StoredSection::heading)
                    .containsExactly("Headlines", "Interview: Ana", "Feedback/Questions");
            assertThat(stored.getFirst().items())
                    .extracting(NoteStore.StoredItem::position)
                    .containsExactly(0, 1);
            assertThat(stored.getFirst().items())
                    .extracting(NoteStore.StoredItem::item)
                    .containsExactlyElementsOf(notes().getFirst().items());
            assertThat(stored.get(1).items()).isEmpty();

            store.setNotes(e.id(), List.of());
            assertThat(store.notes(e.id())).isEmpty();
        }
    }
}
