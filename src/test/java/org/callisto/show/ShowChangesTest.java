package org.callisto.show;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The show's change time ({@link ShowChanges#lastChange}) moves with every write of every show store, even several
 * in one millisecond of the clock, and when a release time passes; download counts leave it alone.
 */
class ShowChangesTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void everyWriteOfEveryStoreMovesTheChangeTime(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ShowStores show = ShowStores.of(db, Clock.fixed(NOW, ZoneOffset.UTC)); // every write in one millisecond
            Supplier<Instant> last = () -> show.changes().lastChange();
            assertThat(last.get()).isEqualTo(Instant.EPOCH);
            Episode e = RenditionsTest.episode(show, 42);
            assertThat(last.get()).isAfterOrEqualTo(NOW);
            show.notes().setNotes(e.id(), NoteStoreTest.notes());
            long section = show.notes().storedNotes(e.id()).getFirst().id();
            long[] added = new long[2];
            Map<String, Runnable> writes = new java.util.LinkedHashMap<>();
            writes.put("settings", () -> show.settings().saveSettings(ShowSettingsStoreTest.settings()));
            writes.put("episode", () -> RenditionsTest.episode(show, 42));
            writes.put("episode details", () -> show.episodes().updateEpisode(e.id(), "New", e.publishedAt(), ""));
            writes.put("episode kind", () -> show.episodes().updateEpisodeKind(e.id(), 2, EpisodeType.BONUS, true));
            writes.put("chapters", () -> show.episodes().setChapters(e.id(), "{\"version\":\"1.2.0\"}"));
            writes.put("notes", () -> show.notes().setNotes(e.id(), NoteStoreTest.notes()));
            writes.put("section renamed by position", () -> show.notes().renameSection(e.id(), 0, "News"));
            writes.put("section added", () -> added[0] = show.sections().add(e.id(), "Extra"));
            writes.put("section renamed", () -> show.sections().rename(e.id(), added[0], "More"));
            writes.put("section moved", () -> show.sections().move(e.id(), added[0], true));
            writes.put("item added", () -> added[1] = show.items().add(e.id(), added[0], NoteItem.of("A", null, "")));
            writes.put("item changed", () -> show.items().update(e.id(), added[1], "B", null, ""));
            writes.put("item moved", () -> show.items().moveToSection(e.id(), added[1], section));
            writes.put("item swapped", () -> show.items().move(e.id(), added[1], true));
            writes.put("item deleted", () -> show.items().delete(e.id(), added[1]));
            writes.put("section deleted", () -> show.sections().delete(e.id(), added[0]));
            writes.put("guests", () -> show.guests().setGuests(e.id(), List.of(new Guest("Ana", null))));
            writes.put(
                    "transcript",
                    () -> show.transcripts().saveTranscript(e.id(), new Transcript("42.vtt", "text/vtt", "en")));
            writes.put("rendition", () -> show.renditions().saveRendition(e.id(), RenditionStoreTest.MP3));
            writes.put(
                    "import",
                    () -> show.imports()
                            .importEpisode(new ParsedNotes(
                                    new EpisodeDraft(
                                            43,
                                            null,
                                            "Imported",
                                            "imported",
                                            Instant.parse("2026-03-12T00:00:00Z"),
                                            "",
                                            EpisodeType.FULL,
                                            false,
                                            null),
                                    NoteStoreTest.notes(),
                                    List.of(new Guest("Bo", null)))));
            writes.put("deletion", () -> show.episodes().deleteEpisode(e.id()));
            for (Map.Entry<String, Runnable> write : writes.entrySet()) {
                Instant before = last.get();
                write.getValue().run();
                assertThat(last.get()).as(write.getKey()).isAfter(before);
            }

            Instant quiet = last.get();
            show.episodeNotes().released(NOW);
            show.downloads()
                    .addDownloads(CountedDownloads.of("42/a.mp3", Instant.parse("2026-06-01T12:00:00Z"), 3, "Other"));
            assertThat(last.get())
                    .as("reading and counting downloads change nothing")
                    .isEqualTo(quiet);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aReleaseTimeThatPassesMovesTheChangeTimeWithoutAWrite(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ShowStores show = ShowStores.of(db, Clock.fixed(NOW, ZoneOffset.UTC));
            Instant later = NOW.plusSeconds(3600);
            show.episodes()
                    .saveEpisode(new EpisodeDraft(7, null, "Later", "later", later, "", EpisodeType.FULL, false, null));
            assertThat(show.changes().lastChange(later.minusMillis(1))).isBefore(later);
            assertThat(show.changes().lastChange(later)).isEqualTo(later);
            assertThat(show.changes().lastChange(later.plusSeconds(60))).isEqualTo(later);
        }
    }
}
