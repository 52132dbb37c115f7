package org.callisto.show;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.callisto.show.media.Bencode;
import org.callisto.show.media.TestMedia;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RenditionsTest {
    private static final URI SITE = URI.create("https://bsdweekly.example/");

    @TempDir
    Path media;

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void lengthAndDurationComeFromTheFilesAndATorrentIsWrittenBesideEach(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            ShowStores store = ShowStores.of(db, Clock.systemUTC());
            Episode e = episode(store, 42);
            Files.createDirectories(media.resolve("42"));
            Path mp3 = TestMedia.write(
                    media.resolve("42"), "bsd-weekly 42.mp3", TestMedia.cbrMp3(128, 44100, 400, 0, false));
            Path mp4 = TestMedia.write(
                    media.resolve("42"), "hd.mp4", TestMedia.mp4(0, 1000, 61_500, 2000, true, "soun", "vide"));
            Renditions renditions =
                    new Renditions(store.episodes(), store.renditions(), media, SITE, Clock.systemUTC());

            Rendition audio = renditions.add(42, RenditionKind.MP3, Path.of("42/bsd-weekly 42.mp3"));
            Rendition video = renditions.add(42, RenditionKind.HD, mp4);

            assertThat(audio.length()).isEqualTo(Files.size(mp3));
            assertThat(audio.durationMs()).isEqualTo(TestMedia.durationMillis(1, 44100, 400));
            assertThat(audio.mimeType()).isEqualTo("audio/mpeg");
            assertThat(audio.mediaPath()).isEqualTo("42/bsd-weekly 42.mp3");
            assertThat(audio.torrentPath()).isEqualTo("42/bsd-weekly 42.mp3.torrent");
            assertThat(audio.torrentLength()).isEqualTo(Files.size(media.resolve(audio.torrentPath())));
            assertThat(audio.infoHash()).matches("[0-9a-f]{40}");
            assertThat(video.length()).isEqualTo(Files.size(mp4));
            assertThat(video.durationMs()).isEqualTo(61_500);
            assertThat(video.mimeType()).isEqualTo("video/mp4");
            assertThat(store.renditions().renditions(e.id())).containsExactly(audio, video);

            @SuppressWarnings("unchecked")
            Map<String, Object> torrent =
                    (Map<String, Object>) Bencode.decode(Files.readAllBytes(media.resolve(audio.torrentPath())));
            Object webSeed = torrent.get("url-list");
            String seed = webSeed instanceof byte[] b
                    ? new String(b, StandardCharsets.UTF_8)
                    : new String((byte[]) ((java.util.List<?>) webSeed).getFirst(), StandardCharsets.UTF_8);
            assertThat(seed).isEqualTo("https://bsdweekly.example/media/42/bsd-weekly%2042.mp3");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void corruptMissingAndMisfiledMediaAreRefusedWithTheReason(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            ShowStores store = ShowStores.of(db, Clock.systemUTC());
            Episode e = episode(store, 7);
            TestMedia.write(
                    media, "notes.mp3", "<!doctype html><title>404</title>".getBytes(StandardCharsets.US_ASCII));
            byte[] video = TestMedia.mp4(0, 1000, 10_000, 500, true, "vide");
            TestMedia.write(media, "truncated.mp4", java.util.Arrays.copyOf(video, video.length - 200));
            TestMedia.write(media, "video.mp4", video);
            Renditions renditions =
                    new Renditions(store.episodes(), store.renditions(), media, SITE, Clock.systemUTC());

            assertThatThrownBy(() -> renditions.add(7, RenditionKind.MP3, Path.of("notes.mp3")))
                    .isInstanceOf(RenditionException.class)
                    .hasMessageStartingWith(
                            "episode 7 mp3 rendition notes.mp3: the file is not usable media: notes.mp3")
                    .hasMessageEndingWith("; export or upload it again");
            assertThatThrownBy(() -> renditions.add(7, RenditionKind.HD, Path.of("truncated.mp4")))
                    .isInstanceOf(RenditionException.class)
                    .hasMessageContaining("truncated");
            assertThatThrownBy(() -> renditions.add(7, RenditionKind.MP3, Path.of("video.mp4")))
                    .isInstanceOf(RenditionException.class)
                    .hasMessageContaining("the file is video/mp4 but a MP3 audio rendition must be audio/mpeg");
            assertThatThrownBy(() -> renditions.add(7, RenditionKind.SD, Path.of("missing.mp4")))
                    .isInstanceOf(RenditionException.class)
                    .hasMessageContaining("no such file");
            assertThatThrownBy(() -> renditions.add(7, RenditionKind.SD, Path.of("../video.mp4")))
                    .isInstanceOf(RenditionException.class)
                    .hasMessageContaining("outside the media directory");
            assertThatThrownBy(() -> renditions.add(8, RenditionKind.SD, Path.of("video.mp4")))
                    .isInstanceOf(RenditionException.class)
                    .hasMessageContaining("there is no episode 8");
            assertThat(store.renditions().renditions(e.id())).isEmpty();
        }
    }

    static Episode episode(ShowStores store, int number) {
        return store.episodes()
                .saveEpisode(new EpisodeDraft(
                        number,
                        null,
                        "Episode " + number,
                        "episode-" + number,
                        Instant.parse("2026-03-05T18:00:00Z"),
                        "",
                        EpisodeType.FULL,
                        false,
                        null));
    }
}
