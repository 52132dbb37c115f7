package org.callisto.show.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mp4InfoTest {

    @TempDir
    Path dir;

    @Test
    void version0MovieHeaderBeforeMediaDataGivesDurationAndFastStart() throws Exception {
        Path file = TestMedia.write(dir, "hd.mp4", TestMedia.mp4(0, 600, 600 * 95 + 300, 5000, true, "vide", "soun"));

        Mp4Info info = Mp4Info.read(file);

        assertThat(info.majorBrand()).isEqualTo("isom");
        assertThat(info.mvhdVersion()).isZero();
        assertThat(info.timescale()).isEqualTo(600);
        assertThat(info.durationMillis()).isEqualTo(95_500);
        assertThat(info.handlers()).containsExactly("vide", "soun");
        assertThat(info.hasVideo()).isTrue();
        assertThat(info.fastStart()).isTrue();
    }

    @Test
    void version1MovieHeaderAfterMediaDataHas64BitDuration() throws Exception {
        long duration = 90_000L * 3600 * 30; // 30 hours at 90 kHz does not fit in 32 bits
        Path file = TestMedia.write(dir, "long.mp4", TestMedia.mp4(1, 90_000, duration, 4000, false, "vide"));

        Mp4Info info = Mp4Info.read(file);

        assertThat(info.mvhdVersion()).isEqualTo(1);
        assertThat(info.duration()).isEqualTo(duration).isGreaterThan(0xFFFFFFFFL);
        assertThat(info.durationMillis()).isEqualTo(30 * 3600 * 1000L);
        assertThat(info.fastStart()).isFalse();
    }

    @Test
    void largeSizeAndSizeZeroBoxesAreWalked() throws Exception {
        byte[] moov = TestMedia.box("moov", TestMedia.mvhd(0, 1000, 61_234), TestMedia.trak("soun"));
        byte[] bytes = TestMedia.concat(
                TestMedia.ftyp("M4A "),
                TestMedia.largeBox("free", new byte[100]),
                moov,
                TestMedia.boxToEnd("mdat", new byte[3000]));
        Path file = TestMedia.write(dir, "talk.m4a", bytes);

        Mp4Info info = Mp4Info.read(file);

        assertThat(info.majorBrand()).isEqualTo("M4A ");
        assertThat(info.durationMillis()).isEqualTo(61_234);
        assertThat(info.hasVideo()).isFalse();
    }

    @Test
    void fragmentedFileTakesTheDurationFromMovieExtendsHeader() throws Exception {
        byte[] mehd = TestMedia.box("mehd", new byte[] {0, 0, 0, 0, 0, 0, 0x75, 0x30}); // 30000
        byte[] moov = TestMedia.box("moov", TestMedia.mvhd(0, 1000, 0), TestMedia.box("mvex", mehd));
        Path file = TestMedia.write(
                dir,
                "frag.mp4",
                TestMedia.concat(
                        TestMedia.ftyp("iso6"), moov, TestMedia.box("moof", new byte[16]), TestMedia.mdat(100)));

        assertThat(Mp4Info.read(file).durationMillis()).isEqualTo(30_000);
    }

    @Test
    void aTruncatedMoovIsReportedWithItsOffsetAndSizes() {
        byte[] whole = TestMedia.mp4(0, 1000, 5000, 1200, false, "vide");
        int moovStart = 24 + 1208;
        Path file = TestMedia.write(dir, "video.mp4", Arrays.copyOf(whole, moovStart + 60));

        assertThatThrownBy(() -> Mp4Info.read(file))
                .isInstanceOf(MediaException.class)
                .hasMessage("video.mp4: box 'moov' is truncated at byte " + moovStart + " (declares "
                        + (whole.length - moovStart) + " bytes, file has " + (moovStart + 60)
                        + "); the upload or recording did not finish");
    }

    @Test
    void aTruncatedMdatIsReportedToo() {
        byte[] whole = TestMedia.mp4(0, 1000, 5000, 100_000, true, "vide");
        Path file = TestMedia.write(dir, "cut.mp4", Arrays.copyOf(whole, whole.length - 1));

        assertThatThrownBy(() -> Mp4Info.read(file)).hasMessageStartingWith("cut.mp4: box 'mdat' is truncated at");
    }

    @Test
    void aFileWithoutMoovSaysSo() {
        Path file =
                TestMedia.write(dir, "recording.mp4", TestMedia.concat(TestMedia.ftyp("mp42"), TestMedia.mdat(500)));

        assertThatThrownBy(() -> Mp4Info.read(file))
                .hasMessage("recording.mp4: no 'moov' box (top-level boxes:"
                        + " ftyp, mdat); the file is incomplete or was not finalised by its recorder");
    }

    @Test
    void aChildRunningPastItsParentAndGarbageBoxesAreCorruption() {
        byte[] mvhd = TestMedia.mvhd(0, 1000, 1000);
        byte[] moov = TestMedia.box("moov", mvhd);
        java.nio.ByteBuffer.wrap(moov).putInt(8, mvhd.length + 50); // mvhd claims more than moov holds
        Path overrun = TestMedia.write(dir, "overrun.mp4", TestMedia.concat(TestMedia.ftyp("isom"), moov));
        Path garbage = TestMedia.write(
                dir,
                "garbage.mp4",
                TestMedia.concat(TestMedia.ftyp("isom"), new byte[] {0, 0, 0, 20, 1, 2, 3, 4}, new byte[12]));
        Path tiny = TestMedia.write(
                dir, "tiny.mp4", TestMedia.concat(TestMedia.ftyp("isom"), new byte[] {0, 0, 0, 4, 'm', 'o', 'o', 'v'}));

        assertThatThrownBy(() -> Mp4Info.read(overrun))
                .hasMessage("overrun.mp4: box 'mvhd' at byte 32 declares 158"
                        + " bytes, past the end of its parent 'moov' at byte 140; the file is corrupt");
        assertThatThrownBy(() -> Mp4Info.read(garbage))
                .hasMessage("garbage.mp4: no valid box at byte 24 (type bytes 01020304); is it really an MP4?");
        assertThatThrownBy(() -> Mp4Info.read(tiny))
                .hasMessage("tiny.mp4: box 'moov' at byte 24 declares 4 bytes,"
                        + " less than its own 8-byte header; the file is corrupt");
    }
}
