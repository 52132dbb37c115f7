package org.callisto.show.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mp3InfoTest {

    @TempDir
    Path dir;

    @Test
    void cbrDurationComesFromAudioBytesAndBitrateWithTagsExcluded() throws Exception {
        byte[] bytes = TestMedia.cbrMp3(128, 44100, 1000, 2000, true);
        Path file = TestMedia.write(dir, "episode-1.mp3", bytes);

        Mp3Info info = Mp3Info.read(file);

        assertThat(info.version()).isEqualTo("MPEG-1");
        assertThat(info.bitrate()).isEqualTo(128_000);
        assertThat(info.sampleRate()).isEqualTo(44100);
        assertThat(info.channels()).isEqualTo(2);
        assertThat(info.vbr()).isFalse();
        assertThat(info.vbrHeader()).isEmpty();
        assertThat(info.audioStart()).isEqualTo(2010);
        assertThat(info.audioBytes()).isEqualTo(bytes.length - 2010 - 128);
        assertThat(info.durationMillis())
                .isEqualTo(TestMedia.durationMillis(1, 44100, 1000))
                .isEqualTo(26122);
        assertThat(info.frames()).isEqualTo(-1);
    }

    @Test
    void scanningCountsEveryFrameAndAgreesWithTheBitrateEstimate() throws Exception {
        Path file = TestMedia.write(dir, "episode.mp3", TestMedia.cbrMp3(128, 44100, 1000, 2000, true));

        Mp3Info scanned = Mp3Info.scan(file);

        assertThat(scanned.frames()).isEqualTo(1000);
        assertThat(scanned.durationMillis()).isEqualTo(26122);
        assertThat(scanned.bitrate()).isEqualTo(128_000);
        assertThat(scanned.vbr()).isFalse();
        assertThat(scanned.durationMillis()).isEqualTo(Mp3Info.read(file).durationMillis());
    }

    @Test
    void id3v2TagWithFooterIsSkippedWhole() throws Exception {
        byte[] bytes = TestMedia.concat(
                TestMedia.id3v2(300, true),
                new TestMedia.Mp3Writer(1, 48000, false).frames(128, 250).toBytes());
        Path file = TestMedia.write(dir, "footer.mp3", bytes);

        Mp3Info info = Mp3Info.read(file);

        assertThat(info.audioStart()).isEqualTo(10 + 300 + 10);
        assertThat(info.sampleRate()).isEqualTo(48000);
        assertThat(info.durationMillis()).isEqualTo(6000); // 250 x 1152 / 48000
        assertThat(info.audioBytes()).isEqualTo(250 * 384);
    }

    @Test
    void xingHeaderGivesTheExactDurationOfAVbrFile() throws Exception {
        int[] bitrates = TestMedia.varyingBitrates(777);
        Path file = TestMedia.write(dir, "vbr.mp3", TestMedia.vbrMp3(false, 44100, bitrates));

        Mp3Info info = Mp3Info.read(file);

        assertThat(info.vbr()).isTrue();
        assertThat(info.vbrHeader()).isEqualTo("Xing");
        assertThat(info.frames()).isEqualTo(777);
        assertThat(info.durationMillis())
                .isEqualTo(TestMedia.durationMillis(1, 44100, 777))
                .isEqualTo(20297);
        double averageKbps = Arrays.stream(bitrates).average().orElseThrow();
        assertThat(info.bitrate() / 1000.0).isCloseTo(averageKbps, org.assertj.core.data.Offset.offset(0.5));
        assertThat(Mp3Info.scan(file).durationMillis()).isEqualTo(info.durationMillis());
        assertThat(Mp3Info.scan(file).frames()).isEqualTo(777);
    }

    @Test
    void vbriHeaderGivesTheExactDurationOfAVbrFile() throws Exception {
        Path file = TestMedia.write(
                dir,
                "fraunhofer.mp3",
                TestMedia.concat(
                        TestMedia.id3v2(100, false), TestMedia.vbrMp3(true, 32000, TestMedia.varyingBitrates(500))));

        Mp3Info info = Mp3Info.read(file);

        assertThat(info.vbrHeader()).isEqualTo("VBRI");
        assertThat(info.vbr()).isTrue();
        assertThat(info.frames()).isEqualTo(500);
        assertThat(info.durationMillis()).isEqualTo(18000); // 500 x 1152 / 32000
        assertThat(Mp3Info.scan(file).durationMillis()).isEqualTo(18000);
    }

    @Test
    void infoHeaderMarksACbrFileWithAnExactFrameCount() throws Exception {
        TestMedia.Mp3Writer w =
                new TestMedia.Mp3Writer(1, 44100, false).xingFrame("Info", 128).frames(128, 400);
        Path file = TestMedia.write(dir, "lame-cbr.mp3", w.toBytes(0, 400, w.size()));

        Mp3Info info = Mp3Info.read(file);

        assertThat(info.vbr()).isFalse();
        assertThat(info.vbrHeader()).isEqualTo("Info");
        assertThat(info.bitrate()).isEqualTo(128_000);
        assertThat(info.durationMillis()).isEqualTo(TestMedia.durationMillis(1, 44100, 400));
    }

    @Test
    void mpeg2AndMpeg25MonoFramesAreRead() throws Exception {
        Path mpeg2 = TestMedia.write(
                dir,
                "speech.mp3",
                new TestMedia.Mp3Writer(2, 22050, true).frames(64, 900).toBytes());
        Path mpeg25 = TestMedia.write(
                dir,
                "phone.mp3",
                new TestMedia.Mp3Writer(25, 8000, true).frames(16, 300).toBytes());

        Mp3Info v2 = Mp3Info.read(mpeg2);
        Mp3Info v25 = Mp3Info.read(mpeg25);

        assertThat(v2.version()).isEqualTo("MPEG-2");
        assertThat(v2.channels()).isEqualTo(1);
        assertThat(v2.sampleRate()).isEqualTo(22050);
        assertThat(v2.durationMillis())
                .isEqualTo(TestMedia.durationMillis(2, 22050, 900))
                .isEqualTo(23510);
        assertThat(Mp3Info.scan(mpeg2).frames()).isEqualTo(900);
        assertThat(v25.version()).isEqualTo("MPEG-2.5");
        assertThat(v25.sampleRate()).isEqualTo(8000);
        assertThat(v25.durationMillis()).isEqualTo(21600); // 300 x 576 / 8000
        assertThat(Mp3Info.scan(mpeg25).durationMillis()).isEqualTo(21600);
    }

    @Test
    void junkBeforeTheFirstFrameIsSkippedButAStrayFrameSyncIsNotTakenForAFrame() throws Exception {
        byte[] junk = new byte[3000];
        Arrays.fill(junk, (byte) 0x20);
        junk[1000] = (byte) 0xFF; // a plausible header that is not followed by a second frame
        junk[1001] = (byte) 0xFB;
        junk[1002] = (byte) 0x90;
        byte[] bytes = TestMedia.concat(
                junk, new TestMedia.Mp3Writer(1, 44100, false).frames(128, 100).toBytes());
        Path file = TestMedia.write(dir, "junk.mp3", bytes);

        assertThat(Mp3Info.read(file).audioStart()).isEqualTo(3000);
        assertThat(Mp3Info.scan(file).frames()).isEqualTo(100);
    }

    @Test
    void aFileWithoutFramesIsRefusedWithItsNameAndAQuestion() {
        Path file = TestMedia.write(
                dir,
                "episode-12.mp3",
                "<html><body>Not found</body></html>".repeat(3000).getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> Mp3Info.read(file))
                .isInstanceOf(MediaException.class)
                .hasMessage("episode-12.mp3: no MPEG audio frame found in the first 64 KiB; is it really an MP3?");
    }

    @Test
    void aTagLongerThanTheFileIsReportedAsTruncation() {
        byte[] tag = TestMedia.id3v2(5000, false);
        Path file = TestMedia.write(dir, "cut.mp3", Arrays.copyOf(tag, 1000));

        assertThatThrownBy(() -> Mp3Info.read(file))
                .isInstanceOf(MediaException.class)
                .hasMessage("cut.mp3: the ID3v2 tag at byte 0 declares 5010 bytes but the file has only 1000;"
                        + " the file is truncated");
    }

    @Test
    void aVbrFileCutInHalfIsReportedAsTruncated() throws Exception {
        byte[] whole = TestMedia.vbrMp3(false, 44100, TestMedia.varyingBitrates(2000));
        Path file = TestMedia.write(dir, "half.mp3", Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> Mp3Info.read(file))
                .isInstanceOf(MediaException.class)
                .hasMessageStartingWith("half.mp3: the Xing header declares " + whole.length + " bytes of audio")
                .hasMessageContaining("truncated");
    }

    @Test
    void scanningNoticesAHeaderThatPromisesMoreFramesThanTheFileHolds() {
        TestMedia.Mp3Writer w =
                new TestMedia.Mp3Writer(1, 44100, false).xingFrame("Xing", 128).frames(128, 100);
        Path file = TestMedia.write(dir, "short.mp3", w.toBytes(0, 5000, 0));

        assertThatThrownBy(() -> Mp3Info.scan(file))
                .isInstanceOf(MediaException.class)
                .hasMessage("short.mp3: the Xing header declares 5000 frames but the file holds only 100;"
                        + " the file seems truncated, upload it again");
    }

    @Test
    void anEmptyFileAndOnlyTagsAreRefused() {
        Path empty = TestMedia.write(dir, "empty.mp3", new byte[0]);
        Path tagsOnly = TestMedia.write(dir, "tags.mp3", TestMedia.id3v2(50, false));

        assertThatThrownBy(() -> Mp3Info.read(empty)).hasMessage("empty.mp3: the file is empty");
        assertThatThrownBy(() -> Mp3Info.read(tagsOnly))
                .hasMessage("tags.mp3: the file holds only tags (60 bytes) and no MPEG audio frames");
    }

    @Test
    void scanningStopsAtALastFrameCutShort() throws Exception {
        byte[] bytes = new TestMedia.Mp3Writer(1, 48000, false).frames(128, 50).toBytes();
        Path file = TestMedia.write(dir, "cut-frame.mp3", Arrays.copyOf(bytes, bytes.length - 100));

        assertThat(Mp3Info.scan(file).frames()).isEqualTo(49);
    }

    @Test
    void apeTagAtTheEndIsNotCountedAsAudio() throws Exception {
        byte[] frames =
                new TestMedia.Mp3Writer(1, 48000, false).frames(128, 250).toBytes();
        byte[] ape = new byte[32 + 100];
        java.nio.ByteBuffer footer = java.nio.ByteBuffer.wrap(ape, 100, 32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        footer.put("APETAGEX".getBytes(StandardCharsets.US_ASCII))
                .putInt(2000)
                .putInt(132)
                .putInt(1)
                .putInt(0);
        Path file = TestMedia.write(dir, "ape.mp3", TestMedia.concat(frames, ape, TestMedia.id3v1()));

        Mp3Info info = Mp3Info.read(file);

        assertThat(info.audioBytes()).isEqualTo(frames.length);
        assertThat(info.durationMillis()).isEqualTo(6000);
    }

    @Test
    void scanningSkipsShortJunkBetweenFramesAndAtTheEndButRefusesLongJunk() throws Exception {
        byte[] a = new TestMedia.Mp3Writer(1, 48000, false).frames(128, 100).toBytes();
        byte[] shortJunk = new byte[5000];
        byte[] longJunk = new byte[70 * 1024];
        Path glitch = TestMedia.write(dir, "glitch.mp3", TestMedia.concat(a, shortJunk, a, shortJunk));
        Path broken = TestMedia.write(dir, "broken.mp3", TestMedia.concat(a, longJunk, a));

        assertThat(Mp3Info.scan(glitch).frames()).isEqualTo(200);
        assertThat(Mp3Info.scan(glitch).durationMillis()).isEqualTo(4800);
        assertThatThrownBy(() -> Mp3Info.scan(broken))
                .isInstanceOf(MediaException.class)
                .hasMessage("broken.mp3: lost MPEG frame sync at byte " + a.length + " and found no frame in the"
                        + " next 64 KiB; the file is corrupt after 2 s of audio");
    }
}
