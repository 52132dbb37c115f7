package org.callisto.show;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RenditionStoreTest {

    static final Rendition HD = new Rendition(
            RenditionKind.HD, "42/hd.mp4", "video/mp4", 1000, 61_000, "42/hd.mp4.torrent", 300, "a".repeat(40));
    static final Rendition MP3 = new Rendition(
            RenditionKind.MP3, "42/a.mp3", "audio/mpeg", 500, 60_400, "42/a.mp3.torrent", 200, "b".repeat(40));

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void oneRenditionOfEachKindReadInKindOrder(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ShowStores show = ShowStores.of(db, Clock.systemUTC());
            RenditionStore store = show.renditions();
            Episode e = RenditionsTest.episode(show, 42);
            store.saveRendition(e.id(), HD);
            store.saveRendition(e.id(), MP3);
            store.saveRendition(e.id(), MP3);
            assertThat(store.renditions(e.id())).containsExactly(MP3, HD);
            Rendition replaced = new Rendition(
                    RenditionKind.HD,
                    "42/hd-2.mp4",
                    "video/mp4",
                    2000,
                    61_000,
                    "42/hd-2.mp4.torrent",
                    310,
                    "c".repeat(40));
            store.saveRendition(e.id(), replaced);
            assertThat(store.renditions(e.id())).containsExactly(MP3, replaced);
        }
    }
}
