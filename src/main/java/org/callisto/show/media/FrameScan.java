package org.callisto.show.media;

import java.nio.ByteBuffer;

/**
 * Walks every MPEG audio frame of an MP3 from the first one to the end of the audio, counting frames, samples and
 * bytes: the exact duration of any file, with or without a VBR header. Reads in 256 KiB blocks.
 *
 * <p>Junk between frames is skipped by searching for the next frame within 64 KiB; a file that loses frame sync
 * for longer than that, or whose VBR header declares more frames than it holds, is reported. A last frame cut
 * short is ignored, as players do. Stateless; the method is thread-safe.
 */
final class FrameScan {

    private static final int BLOCK = 256 * 1024;

    private FrameScan() {}

    static Mp3Info run(InspectedFile media, long first, long end, MpegFrameHeader firstHeader, VbrHeader vbrHeader)
            throws MediaException {
        long position = first;
        if (vbrHeader != null) {
            position += firstHeader.frameLength(); // the VBR header's frame holds no audio
        }
        long audioStart = position;
        long frames = 0;
        long samples = 0;
        long bytes = 0;
        int minBitrate = Integer.MAX_VALUE;
        int maxBitrate = 0;
        ByteBuffer block = ByteBuffer.allocate(0);
        long blockStart = position;
        while (position + 4 <= end) {
            if (position + 4 > blockStart + block.remaining()) {
                blockStart = position;
                block = media.read(position, (int) Math.min(BLOCK, end - position));
            }
            MpegFrameHeader h = MpegFrameHeader.parse(block.getInt((int) (position - blockStart)));
            if (h == null || !h.sameStream(firstHeader)) {
                long resync = resync(media, position + 1, end, firstHeader);
                if (resync < 0 && end - position <= Mp3Info.SEARCH_WINDOW) {
                    break; // trailing bytes that are not audio (an unknown tag, padding)
                }
                if (resync < 0) {
                    throw media.fail("lost MPEG frame sync at byte " + position + " and found no frame in the next "
                            + Mp3Info.SEARCH_WINDOW / 1024 + " KiB; the file is corrupt after "
                            + Mp3Info.millis(samples, firstHeader.sampleRate()) / 1000 + " s of audio");
                }
                position = resync;
                continue;
            }
            if (position + h.frameLength() > end) {
                break; // a last frame cut short
            }
            frames++;
            samples += h.samplesPerFrame();
            bytes += h.frameLength();
            minBitrate = Math.min(minBitrate, h.bitrate());
            maxBitrate = Math.max(maxBitrate, h.bitrate());
            position += h.frameLength();
        }
        if (frames == 0) {
            throw media.fail("no complete MPEG audio frame after byte " + audioStart + "; the file is truncated");
        }
        if (vbrHeader != null && vbrHeader.frames() > frames + 1) {
            throw media.fail("the " + vbrHeader.kind() + " header declares " + vbrHeader.frames()
                    + " frames but the file holds only " + frames + "; the file seems truncated, upload it again");
        }
        long durationMillis = Mp3Info.millis(samples, firstHeader.sampleRate());
        boolean vbr = minBitrate != maxBitrate
                || (vbrHeader != null && !vbrHeader.kind().equals("Info"));
        int bitrate = vbr ? Mp3Info.averageBitrate(bytes, durationMillis) : maxBitrate;
        return new Mp3Info(
                firstHeader.versionName(),
                bitrate,
                firstHeader.sampleRate(),
                firstHeader.channels(),
                vbr,
                vbrHeader == null ? "" : vbrHeader.kind(),
                frames,
                first,
                bytes,
                durationMillis);
    }

    /** The next offset from {@code from} holding a frame header of the same stream, or -1 within the window. */
    private static long resync(InspectedFile media, long from, long end, MpegFrameHeader stream) throws MediaException {
        ByteBuffer window = media.read(from, (int) Math.min(Mp3Info.SEARCH_WINDOW + 4, Math.max(0, end - from)));
        for (int i = 0; i + 4 <= window.remaining(); i++) {
            if ((window.get(i) & 0xFF) == 0xFF) {
                MpegFrameHeader h = MpegFrameHeader.parse(window.getInt(i));
                if (h != null && h.sameStream(stream)) {
                    return from + i;
                }
            }
        }
        return -1;
    }
}
