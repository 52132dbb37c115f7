package org.callisto.show;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TranscriptStoreTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aTranscriptAtTheSameLocationIsUpdatedInPlace(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ShowStores show = ShowStores.of(db, Clock.systemUTC());
            TranscriptStore store = show.transcripts();
            Episode e = RenditionsTest.episode(show, 42);
            store.saveTranscript(e.id(), new Transcript("episodes/42.vtt", "text/vtt", "en"));
            store.saveTranscript(e.id(), new Transcript("episodes/42.vtt", "text/vtt", "en-us"));
            assertThat(store.transcripts(e.id()))
                    .containsExactly(new Transcript("episodes/42.vtt", "text/vtt", "en-us"));
            store.saveTranscript(e.id(), new Transcript("https://subs.example/42.srt", "application/x-subrip", null));
            assertThat(store.transcripts(e.id()))
                    .containsExactly(
                            new Transcript("episodes/42.vtt", "text/vtt", "en-us"),
                            new Transcript("https://subs.example/42.srt", "application/x-subrip", null));
        }
    }
}
