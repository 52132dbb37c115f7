package org.callisto.show.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaInspectorTest {

    @TempDir
    Path dir;

    @Test
    void mp3IsRecognisedByItsContentWhateverItsName() throws Exception {
        byte[] bytes = TestMedia.cbrMp3(128, 44100, 1000, 500, false);
        Path file = TestMedia.write(dir, "upload.bin", bytes);

        MediaInfo info = MediaInspector.inspect(file);

        assertThat(info.mimeType()).isEqualTo("audio/mpeg");
        assertThat(info.length()).isEqualTo(bytes.length);
        assertThat(info.durationMillis()).isEqualTo(26122);
        assertThat(info.durationText()).isEqualTo("0:00:26");
        assertThat(info.format()).isInstanceOf(Mp3Info.class);
        assertThat(info.path()).isEqualTo(file);
    }

    @Test
    void mp4ContentWinsOverAnMp3Name() throws Exception {
        Path file = TestMedia.write(dir, "misnamed.mp3", TestMedia.mp4(0, 1000, 3_723_000, 100, true, "vide"));

        MediaInfo info = MediaInspector.inspect(file);

        assertThat(info.mimeType()).isEqualTo("video/mp4");
        assertThat(info.durationText()).isEqualTo("1:02:03");
    }

    @Test
    void audioOnlyMp4IsAudioMp4() throws Exception {
        Path m4a = TestMedia.write(dir, "show.m4a", TestMedia.mp4(0, 1000, 1000, 100, true));
        Path soundOnly = TestMedia.write(dir, "show.mp4", TestMedia.mp4(0, 1000, 1000, 100, true, "soun"));
        Path video = TestMedia.write(dir, "video.mp4", TestMedia.mp4(0, 1000, 1000, 100, true, "soun", "vide"));

        assertThat(MediaInspector.inspect(m4a).mimeType()).isEqualTo("audio/mp4");
        assertThat(MediaInspector.inspect(soundOnly).mimeType()).isEqualTo("audio/mp4");
        assertThat(MediaInspector.inspect(video).mimeType()).isEqualTo("video/mp4");
    }

    @Test
    void scanningFramesIsAvailableThroughTheInspector() throws Exception {
        Path file = TestMedia.write(dir, "vbr.mp3", TestMedia.vbrMp3(false, 48000, TestMedia.varyingBitrates(250)));

        MediaInfo info = MediaInspector.inspect(file, true);

        assertThat(info.durationMillis()).isEqualTo(6000);
        assertThat(((Mp3Info) info.format()).frames()).isEqualTo(250);
    }

    @Test
    void unknownContentIsRefusedNamingTheFirstBytes() {
        Path file = TestMedia.write(dir, "notes.mp4", "<!doctype html>".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> MediaInspector.inspect(file))
                .isInstanceOf(MediaException.class)
                .hasMessage("notes.mp4: neither MP3 (no ID3 tag or MPEG frame sync) nor MP4 (no 'ftyp' box) at the"
                        + " start; the first bytes are 3c 21 64 6f 63 74 79 70 65 20 68 74."
                        + " Episodes must be MP3, M4A or MP4 files");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> MediaInspector.inspect(dir.resolve("gone.mp3")))
                .isInstanceOf(MediaException.class)
                .hasMessageStartingWith("gone.mp3: no such file");
    }
}
