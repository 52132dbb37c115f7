package org.callisto.show;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ItemStoreTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void itemsAreAddedChangedMovedAndDeletedOneByOneAndOnlyInTheirEpisode(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ShowStores show = ShowStores.of(db, Clock.systemUTC());
            ItemStore store = show.items();
            Episode e = RenditionsTest.episode(show, 42);
            Episode other = RenditionsTest.episode(show, 43);
            show.notes().setNotes(e.id(), NoteStoreTest.notes());
            List<NoteStore.StoredSection> sections = show.notes().storedNotes(e.id());
            long headlines = sections.get(0).id();
            long interview = sections.get(1).id();

            long added = store.add(
                    e.id(),
                    headlines,
                    new NoteItem("From the journal", "https://j.example/s/1", "A story.", SourceKind.JOURNAL, 12L));
            assertThat(store.add(other.id(), headlines, NoteItem.of("Lost", null, "")))
                    .isEqualTo(-1);
            assertThat(titles(show, e, 0))
                    .containsExactly("FreeBSD 15.1 released", "A planet post", "From the journal");
            assertThat(show.notes().notes(e.id()).getFirst().items().getLast())
                    .isEqualTo(new NoteItem(
                            "From the journal", "https://j.example/s/1", "A story.", SourceKind.JOURNAL, 12L));

            assertThat(store.move(e.id(), added, true)).isTrue();
            assertThat(titles(show, e, 0))
                    .containsExactly("FreeBSD 15.1 released", "From the journal", "A planet post");
            assertThat(store.move(other.id(), added, true)).isFalse();

            assertThat(store.update(e.id(), added, "Journal story", null, "Edited."))
                    .isTrue();
            assertThat(store.update(other.id(), added, "Not mine", null, "")).isFalse();
            NoteItem updated = show.notes().notes(e.id()).getFirst().items().get(1);
            assertThat(updated).isEqualTo(new NoteItem("Journal story", null, "Edited.", SourceKind.JOURNAL, 12L));

            assertThat(store.moveToSection(e.id(), added, interview)).isTrue();
            assertThat(store.moveToSection(other.id(), added, headlines)).isFalse();
            assertThat(titles(show, e, 0)).containsExactly("FreeBSD 15.1 released", "A planet post");
            assertThat(titles(show, e, 1)).containsExactly("Journal story");

            assertThat(store.delete(other.id(), added)).isFalse();
            assertThat(store.delete(e.id(), added)).isTrue();
            assertThat(store.delete(e.id(), added)).isFalse();
            assertThat(titles(show, e, 1)).isEmpty();
        }
    }

    private static List<String> titles(ShowStores show, Episode e, int section) {
        return show.notes().notes(e.id()).get(section).items().stream()
                .map(NoteItem::title)
                .toList();
    }
}
