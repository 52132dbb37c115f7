package org.callisto.show;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SectionStoreTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void sectionsAreAddedRenamedMovedAndDeletedOneByOneAndOnlyInTheirEpisode(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ShowStores show = ShowStores.of(db, Clock.systemUTC());
            SectionStore store = show.sections();
            Episode e = RenditionsTest.episode(show, 42);
            Episode other = RenditionsTest.episode(show, 43);
            show.notes().setNotes(e.id(), NoteStoreTest.notes());
            long added = store.add(e.id(), "Beastie Bits");
            assertThat(headings(show, e))
                    .containsExactly("Headlines", "Interview", "Feedback/Questions", "Beastie Bits");

            assertThat(store.move(e.id(), added, true)).isTrue();
            assertThat(headings(show, e))
                    .containsExactly("Headlines", "Interview", "Beastie Bits", "Feedback/Questions");
            long first = show.notes().storedNotes(e.id()).getFirst().id();
            assertThat(store.move(e.id(), first, true))
                    .as("the first section cannot move up")
                    .isFalse();
            assertThat(store.move(other.id(), added, false))
                    .as("another episode's section")
                    .isFalse();

            assertThat(store.rename(e.id(), added, "Bits")).isTrue();
            assertThat(store.rename(other.id(), added, "Not mine")).isFalse();
            assertThat(store.delete(other.id(), added)).isFalse();
            assertThat(store.delete(e.id(), first)).isTrue();
            assertThat(headings(show, e)).containsExactly("Interview", "Bits", "Feedback/Questions");
            long interview = show.notes().storedNotes(e.id()).getFirst().id();
            assertThat(store.move(e.id(), interview, false))
                    .as("positions may have gaps")
                    .isTrue();
            assertThat(headings(show, e)).containsExactly("Bits", "Interview", "Feedback/Questions");
        }
    }

    private static List<String> headings(ShowStores show, Episode e) {
        return show.notes().notes(e.id()).stream().map(Section::heading).toList();
    }
}
