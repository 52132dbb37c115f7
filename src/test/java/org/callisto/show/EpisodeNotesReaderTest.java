package org.callisto.show;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EpisodeNotesReaderTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void releasedEpisodesComeWithEverythingAboutThem(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ShowStores show = ShowStores.of(db, Clock.systemUTC());
            Episode e = RenditionsTest.episode(show, 42); // released 2026-03-05T18:00:00Z
            show.notes().setNotes(e.id(), NoteStoreTest.notes());
            show.guests().setGuests(e.id(), List.of(new Guest("Ana Example", "https://ana.example/")));
            show.transcripts().saveTranscript(e.id(), new Transcript("episodes/42.vtt", "text/vtt", "en-us"));
            show.episodes().setChapters(e.id(), "{\"version\":\"1.2.0\",\"chapters\":[]}");
            show.renditions().saveRendition(e.id(), RenditionStoreTest.HD);
            show.renditions().saveRendition(e.id(), RenditionStoreTest.MP3);

            EpisodeNotes all = show.episodeNotes()
                    .released(Instant.parse("2030-01-01T00:00:00Z"))
                    .getFirst();
            assertThat(all.episode().chaptersJson()).contains("1.2.0");
            assertThat(all.rendition(RenditionKind.HD)).contains(RenditionStoreTest.HD);
            assertThat(all.rendition(RenditionKind.SD)).isEmpty();
            assertThat(all.sections()).isEqualTo(NoteStoreTest.notes());
            assertThat(all.guests()).containsExactly(new Guest("Ana Example", "https://ana.example/"));
            assertThat(all.transcripts()).containsExactly(new Transcript("episodes/42.vtt", "text/vtt", "en-us"));
            assertThat(show.episodeNotes().notes(show.episodes().episode(42).orElseThrow()))
                    .isEqualTo(all);
            assertThat(show.episodeNotes().released(Instant.parse("2026-03-05T18:00:00Z")))
                    .hasSize(1);
            assertThat(show.episodeNotes().released(Instant.parse("2026-01-01T00:00:00Z")))
                    .isEmpty();
        }
    }
}
