package org.callisto.show.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates small, valid media files with known properties, so tests need no binaries: MPEG layer III frames of
 * silence (a zeroed side information and payload decodes as silence), with padding spread as an encoder does,
 * optional ID3v2/ID3v1 tags and Xing/Info/VBRI headers; and ISO base media boxes to assemble MP4 files.
 */
public final class TestMedia {

    private static final int[] BITRATES_V1 = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] BITRATES_V2 = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};

    private TestMedia() {}

    /** The 4-byte header of a layer III frame; {@code version} is 1, 2 or 25. */
    static int frameHeader(int version, int kbps, int sampleRate, boolean mono, boolean padded) {
        int versionBits = switch (version) {
            case 1 -> 3;
            case 2 -> 2;
            case 25 -> 0;
            default -> throw new IllegalArgumentException("version " + version);
        };
        int[] table = version == 1 ? BITRATES_V1 : BITRATES_V2;
        int bitrateIndex = java.util.stream.IntStream.range(1, table.length)
                .filter(i -> table[i] == kbps)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(kbps + " kbit/s for MPEG " + version));
        int base = version == 1 ? sampleRate : version == 2 ? sampleRate * 2 : sampleRate * 4;
        int rateIndex = switch (base) {
            case 44100 -> 0;
            case 48000 -> 1;
            case 32000 -> 2;
            default -> throw new IllegalArgumentException(sampleRate + " Hz for MPEG " + version);
        };
        return 0xFFE00000
                | versionBits << 19
                | 1 << 17
                | 1 << 16
                | bitrateIndex << 12
                | rateIndex << 10
                | (padded ? 1 : 0) << 9
                | (mono ? 3 : 0) << 6;
    }

    /** Frame length without padding, as the standard computes it. */
    static int frameLength(int version, int kbps, int sampleRate) {
        return (version == 1 ? 144 : 72) * kbps * 1000 / sampleRate;
    }

    /** Samples in one frame. */
    static int samplesPerFrame(int version) {
        return version == 1 ? 1152 : 576;
    }

    /** Duration in milliseconds of {@code frames} frames, rounded as the inspector does. */
    public static long durationMillis(int version, int sampleRate, long frames) {
        return Math.round(frames * samplesPerFrame(version) * 1000.0 / sampleRate);
    }

    /** A stream of MPEG frames: call {@link #frame} per frame, padding spread so the average bitrate is exact. */
    static final class Mp3Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final int version;
        private final int sampleRate;
        private final boolean mono;
        private long frameIndex;
        private final java.util.Map<Integer, Long> sizes = new java.util.HashMap<>();

        Mp3Writer(int version, int sampleRate, boolean mono) {
            this.version = version;
            this.sampleRate = sampleRate;
            this.mono = mono;
        }

        Mp3Writer bytes(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        /** One frame of silence at {@code kbps}, padded when the running total falls a byte behind. */
        Mp3Writer frame(int kbps) {
            long unit = (version == 1 ? 144L : 72L) * kbps * 1000;
            long index = sizes.merge(kbps, 1L, Long::sum) - 1;
            boolean padded = (index + 1) * unit / sampleRate - index * unit / sampleRate > unit / sampleRate;
            int length = (int) (unit / sampleRate) + (padded ? 1 : 0);
            byte[] frame = new byte[length];
            ByteBuffer.wrap(frame).putInt(frameHeader(version, kbps, sampleRate, mono, padded));
            out.writeBytes(frame);
            frameIndex++;
            return this;
        }

        Mp3Writer frames(int kbps, int count) {
            for (int i = 0; i < count; i++) {
                frame(kbps);
            }
            return this;
        }

        /**
         * A first frame carrying a Xing (or Info) header with the frame and byte counts, to be patched by
         * {@link #xingCounts} once the stream is complete.
         */
        Mp3Writer xingFrame(String tag, int kbps) {
            int length = frameLength(version, kbps, sampleRate);
            byte[] frame = new byte[length];
            ByteBuffer b = ByteBuffer.wrap(frame);
            b.putInt(frameHeader(version, kbps, sampleRate, mono, false));
            int offset = 4 + sideInfo();
            b.position(offset);
            b.put(tag.getBytes(StandardCharsets.US_ASCII)).putInt(0x3);
            out.writeBytes(frame);
            return this;
        }

        /** A first frame with a VBRI header (always 32 bytes after the frame header). */
        Mp3Writer vbriFrame(int kbps) {
            byte[] frame = new byte[frameLength(version, kbps, sampleRate)];
            ByteBuffer b = ByteBuffer.wrap(frame);
            b.putInt(frameHeader(version, kbps, sampleRate, mono, false));
            b.position(36);
            b.put("VBRI".getBytes(StandardCharsets.US_ASCII))
                    .putShort((short) 1)
                    .putShort((short) 0)
                    .putShort((short) 75);
            out.writeBytes(frame);
            return this;
        }

        private int sideInfo() {
            return version == 1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
        }

        long audioFrames() {
            return frameIndex;
        }

        /** The bytes, with the VBR header (if any) at {@code headerAt} given the frame and byte counts. */
        byte[] toBytes(long headerAt, long declaredFrames, long declaredBytes) {
            byte[] bytes = out.toByteArray();
            ByteBuffer b = ByteBuffer.wrap(bytes);
            int xing = (int) headerAt + 4 + sideInfo();
            int vbri = (int) headerAt + 36;
            if (tagAt(bytes, xing, "Xing") || tagAt(bytes, xing, "Info")) {
                b.putInt(xing + 8, (int) declaredFrames).putInt(xing + 12, (int) declaredBytes);
            } else if (tagAt(bytes, vbri, "VBRI")) {
                b.putInt(vbri + 10, (int) declaredBytes).putInt(vbri + 14, (int) declaredFrames);
            }
            return bytes;
        }

        byte[] toBytes() {
            return out.toByteArray();
        }

        int size() {
            return out.size();
        }

        private static boolean tagAt(byte[] bytes, int at, String tag) {
            return at + 4 <= bytes.length && new String(bytes, at, 4, StandardCharsets.ISO_8859_1).equals(tag);
        }
    }

    /** An ID3v2.4 tag with {@code padding} zero bytes of body, and a footer when asked. */
    static byte[] id3v2(int padding, boolean footer) {
        byte[] tag = new byte[10 + padding + (footer ? 10 : 0)];
        tag[0] = 'I';
        tag[1] = 'D';
        tag[2] = '3';
        tag[3] = 4;
        tag[5] = (byte) (footer ? 0x10 : 0);
        for (int i = 0; i < 4; i++) {
            tag[9 - i] = (byte) (padding >>> (7 * i) & 0x7F);
        }
        if (footer) {
            System.arraycopy(tag, 0, tag, tag.length - 10, 10);
            tag[tag.length - 10] = '3';
            tag[tag.length - 9] = 'D';
            tag[tag.length - 8] = 'I';
        }
        return tag;
    }

    /** An ID3v1 tag: "TAG" and 125 bytes. */
    static byte[] id3v1() {
        byte[] tag = new byte[128];
        tag[0] = 'T';
        tag[1] = 'A';
        tag[2] = 'G';
        System.arraycopy("Silence".getBytes(StandardCharsets.US_ASCII), 0, tag, 3, 7);
        return tag;
    }

    /** A CBR MP3 of {@code frames} frames, with an optional ID3v2 tag (and footer) and ID3v1 tag. */
    public static byte[] cbrMp3(int kbps, int sampleRate, int frames, int id3v2Padding, boolean id3v1) {
        Mp3Writer w = new Mp3Writer(1, sampleRate, false);
        if (id3v2Padding > 0) {
            w.bytes(id3v2(id3v2Padding, false));
        }
        w.frames(kbps, frames);
        if (id3v1) {
            w.bytes(id3v1());
        }
        return w.toBytes();
    }

    /** A VBR MP3: a Xing (or VBRI, when {@code vbri}) frame, then one frame per entry of {@code bitrates}. */
    static byte[] vbrMp3(boolean vbri, int sampleRate, int... bitrates) {
        Mp3Writer w = new Mp3Writer(1, sampleRate, false);
        if (vbri) {
            w.vbriFrame(128);
        } else {
            w.xingFrame("Xing", 128);
        }
        for (int kbps : bitrates) {
            w.frame(kbps);
        }
        return w.toBytes(0, bitrates.length, w.size());
    }

    /** Bitrates that vary frame by frame, {@code count} of them. */
    static int[] varyingBitrates(int count) {
        int[] cycle = {64, 128, 192, 320, 96, 256, 160, 32};
        int[] bitrates = new int[count];
        for (int i = 0; i < count; i++) {
            bitrates[i] = cycle[i % cycle.length];
        }
        return bitrates;
    }

    // ---- ISO base media ----

    /** A box of {@code type} around the concatenated {@code contents}. */
    static byte[] box(String type, byte[]... contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] content : contents) {
            out.writeBytes(content);
        }
        ByteBuffer b = ByteBuffer.allocate(8 + out.size());
        b.putInt(8 + out.size()).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(out.toByteArray());
        return b.array();
    }

    /** A box with a 64-bit size (size field 1). */
    static byte[] largeBox(String type, byte[] content) {
        ByteBuffer b = ByteBuffer.allocate(16 + content.length);
        b.putInt(1)
                .put(type.getBytes(StandardCharsets.ISO_8859_1))
                .putLong(16L + content.length)
                .put(content);
        return b.array();
    }

    /** A last box whose size field is 0: it runs to the end of the file. */
    static byte[] boxToEnd(String type, byte[] content) {
        ByteBuffer b = ByteBuffer.allocate(8 + content.length);
        b.putInt(0).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(content);
        return b.array();
    }

    static byte[] ftyp(String brand) {
        return box("ftyp", ascii(brand), new byte[] {0, 0, 2, 0}, ascii("isom"), ascii("mp42"));
    }

    /** A movie header, version 0 (32-bit fields) or 1 (64-bit). */
    static byte[] mvhd(int version, long timescale, long duration) {
        ByteBuffer b = ByteBuffer.allocate(version == 1 ? 112 : 100);
        b.putInt(version << 24);
        if (version == 1) {
            b.putLong(3_800_000_000L)
                    .putLong(3_800_000_000L)
                    .putInt((int) timescale)
                    .putLong(duration);
        } else {
            b.putInt(0).putInt(0).putInt((int) timescale).putInt((int) duration);
        }
        b.putInt(0x00010000).putShort((short) 0x0100).position(b.position() + 10);
        int[] matrix = {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000};
        for (int m : matrix) {
            b.putInt(m);
        }
        b.position(b.position() + 24).putInt(2);
        return box("mvhd", b.array());
    }

    /** A track whose media handler is {@code handler} ("vide", "soun"). */
    static byte[] trak(String handler) {
        ByteBuffer hdlr = ByteBuffer.allocate(25);
        hdlr.putInt(0).putInt(0).put(ascii(handler));
        return box(
                "trak", box("tkhd", new byte[84]), box("mdia", box("mdhd", new byte[24]), box("hdlr", hdlr.array())));
    }

    static byte[] mdat(int length) {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) (i * 31 + 7);
        }
        return box("mdat", payload);
    }

    /** A typical MP4: ftyp, then moov (mvhd and tracks) and mdat in the order asked. */
    public static byte[] mp4(
            int mvhdVersion, long timescale, long duration, int mdatBytes, boolean moovFirst, String... handlers) {
        byte[][] traks = new byte[handlers.length + 1][];
        traks[0] = mvhd(mvhdVersion, timescale, duration);
        for (int i = 0; i < handlers.length; i++) {
            traks[i + 1] = trak(handlers[i]);
        }
        byte[] moov = box("moov", traks);
        byte[] mdat = mdat(mdatBytes);
        return concat(ftyp("isom"), moovFirst ? moov : mdat, moovFirst ? mdat : moov);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
