package org.callisto.show.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What an MP3 file says about itself, read from its MPEG audio frames rather than from tags or from what an uploader
 * claims. Immutable.
 *
 * <p>{@link #read(Path)} looks at the start of the file only: it skips ID3v2 tags (with their footer, if flagged),
 * finds the first frame (confirmed by the frame that follows it), and takes the frame count from a Xing/Info or
 * VBRI header when there is one, which gives the exact duration of a VBR file. Without such a header the file is
 * taken as constant bitrate, and the duration is the audio bytes (without ID3v1 and APEv2 tags at the end) times 8
 * divided by the bitrate. {@link #scan(Path)} walks every frame instead: slower (a few milliseconds per megabyte)
 * but exact for any file, and it notices a file whose header promises more than it holds.
 *
 * @param version        "MPEG-1", "MPEG-2" or "MPEG-2.5"
 * @param bitrate        bits per second: the frames' bitrate for CBR, the average for VBR
 * @param sampleRate     samples per second
 * @param channels       1 or 2
 * @param vbr            whether the bitrate varies (a Xing or VBRI header, or frames of different bitrates)
 * @param vbrHeader      "Xing", "Info", "VBRI", or "" when the file has none
 * @param frames         audio frames (not counting a Xing/VBRI frame), or -1 when not counted
 * @param audioStart     the byte offset of the first frame
 * @param audioBytes     the bytes of audio frames, tags excluded
 * @param durationMillis the playing time
 */
public record Mp3Info(
        String version,
        int bitrate,
        int sampleRate,
        int channels,
        boolean vbr,
        String vbrHeader,
        long frames,
        long audioStart,
        long audioBytes,
        long durationMillis)
        implements MediaFormat {

    /** How far past the tags the first frame is looked for. */
    static final int SEARCH_WINDOW = 64 * 1024;

    private static final int MAX_ID3V2_TAGS = 16;

    /** Reads the file's tags and first frames; see the class comment. */
    public static Mp3Info read(Path file) throws MediaException {
        try (InspectedFile media = InspectedFile.open(file)) {
            return read(media, false);
        }
    }

    /** Walks every frame of the file: exact duration, bitrate and frame count, whatever the headers say. */
    public static Mp3Info scan(Path file) throws MediaException {
        try (InspectedFile media = InspectedFile.open(file)) {
            return read(media, true);
        }
    }

    static Mp3Info read(InspectedFile media, boolean scan) throws MediaException {
        long start = skipId3v2(media);
        long end = audioEnd(media, start);
        long[] found = findFirstFrame(media, start, end);
        long first = found[0];
        MpegFrameHeader header = MpegFrameHeader.parse((int) found[1]);
        VbrHeader vbrHeader = VbrHeader.find(media, first, header);
        if (vbrHeader != null
                && vbrHeader.bytes() > 0
                && vbrHeader.bytes() > end - first + MpegFrameHeader.MAX_FRAME_LENGTH) {
            throw media.fail("the " + vbrHeader.kind() + " header declares " + vbrHeader.bytes()
                    + " bytes of audio but the file holds only " + (end - first) + " after byte " + first
                    + "; the file seems truncated, upload it again");
        }
        if (scan) {
            return FrameScan.run(media, first, end, header, vbrHeader);
        }
        if (vbrHeader != null && vbrHeader.frames() > 0) {
            long audioBytes = end - first - header.frameLength();
            long durationMillis = millis(vbrHeader.frames() * header.samplesPerFrame(), header.sampleRate());
            boolean vbr = !vbrHeader.kind().equals("Info");
            int bitrate = vbr ? averageBitrate(audioBytes, durationMillis) : header.bitrate();
            return new Mp3Info(
                    header.versionName(),
                    bitrate,
                    header.sampleRate(),
                    header.channels(),
                    vbr,
                    vbrHeader.kind(),
                    vbrHeader.frames(),
                    first,
                    audioBytes,
                    durationMillis);
        }
        long audioBytes = end - first;
        long durationMillis = Math.round(audioBytes * 8000.0 / header.bitrate());
        return new Mp3Info(
                header.versionName(),
                header.bitrate(),
                header.sampleRate(),
                header.channels(),
                false,
                vbrHeader == null ? "" : vbrHeader.kind(),
                -1,
                first,
                audioBytes,
                durationMillis);
    }

    static long millis(long samples, int sampleRate) {
        return Math.round(samples * 1000.0 / sampleRate);
    }

    static int averageBitrate(long bytes, long durationMillis) {
        return durationMillis <= 0 ? 0 : (int) Math.round(bytes * 8000.0 / durationMillis);
    }

    /** The offset just past any ID3v2 tags at the start (several may follow each other). */
    private static long skipId3v2(InspectedFile media) throws MediaException {
        if (media.size() == 0) {
            throw media.fail("the file is empty");
        }
        long position = 0;
        for (int tags = 0; tags < MAX_ID3V2_TAGS; tags++) {
            ByteBuffer b = media.read(position, 10);
            if (b.remaining() < 10 || b.get(0) != 'I' || b.get(1) != 'D' || b.get(2) != '3') {
                return position;
            }
            int size = 0;
            for (int i = 6; i < 10; i++) {
                int digit = b.get(i) & 0xFF;
                if (digit >= 0x80) {
                    throw media.fail("the ID3v2 tag at byte " + position + " has a corrupt size (byte " + (i - 6)
                            + " of its sync-safe size is 0x" + Integer.toHexString(digit) + ")");
                }
                size = size << 7 | digit;
            }
            boolean footer = (b.get(5) & 0x10) != 0;
            long next = position + 10 + size + (footer ? 10 : 0);
            if (next > media.size()) {
                throw media.fail("the ID3v2 tag at byte " + position + " declares " + (next - position)
                        + " bytes but the file has only " + media.size() + "; the file is truncated");
            }
            position = next;
        }
        return position;
    }

    /** Where the audio ends: before an ID3v1 tag and an APEv2 tag at the end of the file, if present. */
    private static long audioEnd(InspectedFile media, long start) throws MediaException {
        long end = media.size();
        if (end - 128 >= start) {
            ByteBuffer b = media.read(end - 128, 3);
            if (b.remaining() == 3 && b.get(0) == 'T' && b.get(1) == 'A' && b.get(2) == 'G') {
                end -= 128;
            }
        }
        if (end - 32 >= start) {
            ByteBuffer footer = media.read(end - 32, 32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            byte[] id = new byte[8];
            footer.get(0, id);
            if (new String(id, StandardCharsets.ISO_8859_1).equals("APETAGEX")) {
                long size = footer.getInt(12) & 0xFFFFFFFFL;
                boolean hasHeader = (footer.getInt(20) & 0x80000000) != 0;
                long tagStart = end - size - (hasHeader ? 32 : 0);
                if (tagStart >= start) {
                    end = tagStart;
                }
            }
        }
        return end;
    }

    /**
     * Finds the first frame in the search window after {@code start}: a valid header followed by another valid
     * header of the same stream (or by the end of the audio), so that a stray 0xFF byte in junk is not taken for a
     * frame. Returns {offset, header}.
     */
    private static long[] findFirstFrame(InspectedFile media, long start, long end) throws MediaException {
        if (start >= end) {
            throw media.fail("the file holds only tags (" + start + " bytes) and no MPEG audio frames");
        }
        int windowLength = (int) Math.min(end - start, SEARCH_WINDOW + MpegFrameHeader.MAX_FRAME_LENGTH + 4);
        ByteBuffer window = media.read(start, windowLength);
        int limit = Math.min(window.remaining() - 3, SEARCH_WINDOW);
        for (int i = 0; i < limit; i++) {
            if ((window.get(i) & 0xFF) != 0xFF) {
                continue;
            }
            MpegFrameHeader header = MpegFrameHeader.parse(window.getInt(i));
            if (header == null) {
                continue;
            }
            long next = start + i + header.frameLength();
            if (next == end) {
                return new long[] {start + i, window.getInt(i)};
            }
            int j = i + header.frameLength();
            if (j + 4 <= window.remaining()) {
                MpegFrameHeader following = MpegFrameHeader.parse(window.getInt(j));
                if (following != null && header.sameStream(following)) {
                    return new long[] {start + i, window.getInt(i)};
                }
            }
        }
        throw media.fail("no MPEG audio frame found in the first " + SEARCH_WINDOW / 1024 + " KiB"
                + (start > 0 ? " after the ID3v2 tag (byte " + start + ")" : "") + "; is it really an MP3?");
    }
}
