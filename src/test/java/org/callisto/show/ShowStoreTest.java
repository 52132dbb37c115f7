package org.callisto.show;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShowStoreTest {

    static ShowSettings settings() {
        return new ShowSettings("BSD Weekly", "News, interviews and tips from the BSD world.", "en",
                "The BSD Weekly crew", "Jo Host", "host@bsdweekly.example", "https://bsdweekly.example/art.png",
                List.of("Technology", "News/Tech News"), false, "https://www.patreon.com/bsdweekly",
                "Support the show on Patreon", "feedback@bsdweekly.example",
                PodcastGuid.of("https://bsdweekly.example/show/feed/mp3.xml"), true);
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void settingsEpisodesNotesAndRenditionsRoundTrip(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ShowStore store = new ShowStore(db);
            assertThat(store.settings()).isEmpty();
            store.saveSettings(settings());
            store.saveSettings(settings());
            assertThat(store.settings()).contains(settings());

            Episode e = store.saveEpisode(new EpisodeDraft(42, 3, "ZFS on the desktop", "zfs-on-the-desktop",
                    Instant.parse("2026-03-05T18:00:00Z"), "We talk *ZFS*.", EpisodeType.FULL, false, null));
            assertThat(e.number()).isEqualTo(42);
            assertThat(e.season()).isEqualTo(3);
            assertThat(e.guid()).hasSize(36);

            Episode again = store.saveEpisode(new EpisodeDraft(42, null, "ZFS on the desktop, again", "zfs",
                    Instant.parse("2026-03-06T18:00:00Z"), "", EpisodeType.BONUS, true, "ignored-guid"));
            assertThat(again.id()).isEqualTo(e.id());
            assertThat(again.guid()).as("guids never change").isEqualTo(e.guid());
            assertThat(again.season()).isNull();
            assertThat(again.type()).isEqualTo(EpisodeType.BONUS);
            assertThat(store.episodes()).containsExactly(again);

            List<Section> notes = List.of(
                    new Section("Headlines", List.of(
                            NoteItem.of("FreeBSD 15.1 released", "https://www.freebsd.org/releases/15.1R/", "Lots."),
                            new NoteItem("A planet post", "https://blog.example/p", "", SourceKind.PLANET, 7L))),
                    new Section("Interview", List.of()),
                    new Section("Feedback/Questions", List.of(
                            new NoteItem("Mail from Ana", null, "About jails.", SourceKind.FEEDBACK, 3L))));
            store.setNotes(e.id(), notes);
            store.setNotes(e.id(), notes);
            assertThat(store.notes(e.id())).isEqualTo(notes);
            assertThat(store.renameSection(e.id(), 1, "Interview: Ana")).isTrue();
            assertThat(store.notes(e.id()).get(1).heading()).isEqualTo("Interview: Ana");

            store.setGuests(e.id(), List.of(new Guest("Ana Example", "https://ana.example/"), new Guest("Bo", null)));
            assertThat(store.guests(e.id())).extracting(Guest::name).containsExactly("Ana Example", "Bo");
            store.saveTranscript(e.id(), new Transcript("episodes/42.vtt", "text/vtt", "en"));
            store.saveTranscript(e.id(), new Transcript("episodes/42.vtt", "text/vtt", "en-us"));
            assertThat(store.transcripts(e.id())).containsExactly(new Transcript("episodes/42.vtt", "text/vtt", "en-us"));
            store.setChapters(e.id(), "{\"version\":\"1.2.0\",\"chapters\":[]}");

            Rendition hd = new Rendition(RenditionKind.HD, "42/hd.mp4", "video/mp4", 1000, 61_000, "42/hd.mp4.torrent",
                    300, "a".repeat(40));
            Rendition mp3 = new Rendition(RenditionKind.MP3, "42/a.mp3", "audio/mpeg", 500, 60_400, "42/a.mp3.torrent",
                    200, "b".repeat(40));
            store.saveRendition(e.id(), hd);
            store.saveRendition(e.id(), mp3);
            store.saveRendition(e.id(), mp3);
            assertThat(store.renditions(e.id())).containsExactly(mp3, hd);

            EpisodeNotes all = store.released(Instant.parse("2030-01-01T00:00:00Z")).getFirst();
            assertThat(all.episode().chaptersJson()).contains("1.2.0");
            assertThat(all.rendition(RenditionKind.HD)).contains(hd);
            assertThat(all.rendition(RenditionKind.SD)).isEmpty();
            assertThat(store.released(Instant.parse("2026-01-01T00:00:00Z"))).isEmpty();

            assertThat(store.deleteEpisode(e.id())).isTrue();
            assertThat(store.episodes()).isEmpty();
        }
    }
}
