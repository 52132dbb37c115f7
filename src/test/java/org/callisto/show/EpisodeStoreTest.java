package org.callisto.show;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EpisodeStoreTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void episodesRoundTripKeepTheirGuidAndAreDeletedWithAllThatHangsOffThem(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ShowStores show = ShowStores.of(db, Clock.systemUTC());
            EpisodeStore store = show.episodes();
            Episode e = store.saveEpisode(new EpisodeDraft(
                    42,
                    3,
                    "ZFS on the desktop",
                    "zfs-on-the-desktop",
                    Instant.parse("2026-03-05T18:00:00Z"),
                    "We talk *ZFS*.",
                    EpisodeType.FULL,
                    false,
                    null));
            assertThat(e.number()).isEqualTo(42);
            assertThat(e.season()).isEqualTo(3);
            assertThat(e.guid()).hasSize(36);

            Episode again = store.saveEpisode(new EpisodeDraft(
                    42,
                    null,
                    "ZFS on the desktop, again",
                    "zfs",
                    Instant.parse("2026-03-06T18:00:00Z"),
                    "",
                    EpisodeType.BONUS,
                    true,
                    "ignored-guid"));
            assertThat(again.id()).isEqualTo(e.id());
            assertThat(again.guid()).as("guids never change").isEqualTo(e.guid());
            assertThat(again.season()).isNull();
            assertThat(again.type()).isEqualTo(EpisodeType.BONUS);
            assertThat(store.episodes()).containsExactly(again);
            assertThat(store.episode(42)).contains(again);
            assertThat(store.episode(43)).isEmpty();

            store.setChapters(e.id(), "{\"version\":\"1.2.0\",\"chapters\":[]}");
            assertThat(store.episode(42).orElseThrow().chaptersJson()).contains("1.2.0");
            store.setChapters(e.id(), null);
            assertThat(store.episode(42).orElseThrow().chaptersJson()).isNull();

            assertThat(store.updateEpisode(e.id(), "ZFS, edited", Instant.parse("2026-03-07T18:00:00Z"), "New."))
                    .isTrue();
            assertThat(store.updateEpisodeKind(e.id(), 4, EpisodeType.TRAILER, false))
                    .isTrue();
            Episode edited = store.episode(42).orElseThrow();
            assertThat(edited.title()).isEqualTo("ZFS, edited");
            assertThat(edited.publishedAt()).isEqualTo(Instant.parse("2026-03-07T18:00:00Z"));
            assertThat(edited.season()).isEqualTo(4);
            assertThat(edited.type()).isEqualTo(EpisodeType.TRAILER);
            assertThat(edited.explicit()).isFalse();
            assertThat(edited.guid()).isEqualTo(e.guid());
            assertThat(store.updateEpisodeKind(e.id(), null, EpisodeType.FULL, true))
                    .isTrue();
            assertThat(store.episode(42).orElseThrow().season())
                    .as("a season can be removed")
                    .isNull();

            show.notes().setNotes(e.id(), List.of(new Section("Headlines", List.of(NoteItem.of("A", null, "")))));
            show.guests().setGuests(e.id(), List.of(new Guest("Ana", null)));
            show.transcripts().saveTranscript(e.id(), new Transcript("42.vtt", "text/vtt", "en"));
            assertThat(store.deleteEpisode(e.id())).isTrue();
            assertThat(store.deleteEpisode(e.id())).isFalse();
            assertThat(store.episodes()).isEmpty();
            assertThat(show.notes().notes(e.id())).isEmpty();
            assertThat(show.guests().guests(e.id())).isEmpty();
            assertThat(show.transcripts().transcripts(e.id())).isEmpty();
            assertThat(store.updateEpisode(e.id(), "Gone", Instant.parse("2026-03-07T18:00:00Z"), ""))
                    .isFalse();
        }
    }
}
