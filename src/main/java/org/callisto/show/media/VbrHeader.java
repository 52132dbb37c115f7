package org.callisto.show.media;

import java.nio.ByteBuffer;

/**
 * A Xing/Info (LAME, most encoders) or VBRI (Fraunhofer) header: a first MPEG frame that carries no audio but the
 * number of audio frames and bytes that follow, so a VBR file's exact duration is known without reading it all.
 * Immutable.
 *
 * @param kind   "Xing" (VBR), "Info" (the same header written by LAME for CBR files) or "VBRI"
 * @param frames audio frames after this one, or 0 when the header does not say
 * @param bytes  bytes of audio the header declares (including its own frame), or 0 when it does not say
 */
record VbrHeader(String kind, long frames, long bytes) {

    private static final int XING_FRAMES = 0x1;
    private static final int XING_BYTES = 0x2;
    /** The VBRI header sits 32 bytes after the frame header, whatever the version and channels. */
    private static final int VBRI_OFFSET = 4 + 32;

    /** The VBR header in the frame at {@code frame}, or null when the frame is plain audio. */
    static VbrHeader find(InspectedFile media, long frame, MpegFrameHeader header) throws MediaException {
        ByteBuffer b = media.read(frame, header.frameLength());
        // The Xing header follows the side information; encoders differ on whether a CRC shifts it, so try both.
        for (int offset : new int[] {4 + header.sideInfoLength(), 6 + header.sideInfoLength()}) {
            if (b.remaining() >= offset + 8 && (tagAt(b, offset, "Xing") || tagAt(b, offset, "Info"))) {
                String kind = tagAt(b, offset, "Xing") ? "Xing" : "Info";
                int flags = b.getInt(offset + 4);
                int p = offset + 8;
                long frames = 0;
                long bytes = 0;
                if ((flags & XING_FRAMES) != 0 && b.remaining() >= p + 4) {
                    frames = b.getInt(p) & 0xFFFFFFFFL;
                    p += 4;
                }
                if ((flags & XING_BYTES) != 0 && b.remaining() >= p + 4) {
                    bytes = b.getInt(p) & 0xFFFFFFFFL;
                }
                return new VbrHeader(kind, frames, bytes);
            }
        }
        if (b.remaining() >= VBRI_OFFSET + 18 && tagAt(b, VBRI_OFFSET, "VBRI")) {
            long bytes = b.getInt(VBRI_OFFSET + 10) & 0xFFFFFFFFL;
            long frames = b.getInt(VBRI_OFFSET + 14) & 0xFFFFFFFFL;
            return new VbrHeader("VBRI", frames, bytes);
        }
        return null;
    }

    private static boolean tagAt(ByteBuffer b, int offset, String tag) {
        for (int i = 0; i < 4; i++) {
            if (b.get(offset + i) != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
