package org.callisto.show.media;

/**
 * The 4-byte header of one MPEG audio layer III frame (MPEG-1, MPEG-2 and MPEG-2.5), decoded: what an MP3 file is
 * made of. Immutable.
 *
 * @param version         1 for MPEG-1, 2 for MPEG-2, 25 for MPEG-2.5
 * @param bitrate         bits per second
 * @param sampleRate      samples per second
 * @param channels        1 (mono) or 2
 * @param padded          whether the frame carries one padding byte
 * @param crc             whether a 16-bit CRC follows the header
 * @param frameLength     the whole frame in bytes, header included
 */
record MpegFrameHeader(
        int version, int bitrate, int sampleRate, int channels, boolean padded, boolean crc, int frameLength) {

    private static final int[] BITRATES_V1 = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, -1};
    private static final int[] BITRATES_V2 = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, -1};
    private static final int[] SAMPLE_RATES_V1 = {44100, 48000, 32000};
    /** The longest layer III frame: MPEG-1 at 320 kbit/s and 32 kHz, padded (MPEG-2.5 at 8 kHz is one byte less). */
    static final int MAX_FRAME_LENGTH = 1441;

    /** Samples in one frame: 1152 for MPEG-1, 576 for MPEG-2 and 2.5. */
    int samplesPerFrame() {
        return version == 1 ? 1152 : 576;
    }

    /** Length of the side information after the header (and CRC), where a Xing or Info header starts. */
    int sideInfoLength() {
        if (version == 1) {
            return channels == 1 ? 17 : 32;
        }
        return channels == 1 ? 9 : 17;
    }

    /** "MPEG-1", "MPEG-2" or "MPEG-2.5". */
    String versionName() {
        return version == 25 ? "MPEG-2.5" : "MPEG-" + version;
    }

    /** Whether {@code other} can follow this frame in the same stream: same version, sample rate and channels. */
    boolean sameStream(MpegFrameHeader other) {
        return other.version == version && other.sampleRate == sampleRate && other.channels == channels;
    }

    /**
     * Decodes a frame header, or returns null when {@code header} is not a layer III frame header we can read:
     * no frame sync, a reserved version, layer I or II, free-format or invalid bitrate, reserved sample rate or
     * reserved emphasis.
     */
    static MpegFrameHeader parse(int header) {
        if ((header >>> 21) != 0x7FF) {
            return null;
        }
        int versionBits = (header >>> 19) & 3;
        int layerBits = (header >>> 17) & 3;
        int bitrateIndex = (header >>> 12) & 0xF;
        int rateIndex = (header >>> 10) & 3;
        if (versionBits == 1
                || layerBits != 1
                || bitrateIndex == 0
                || bitrateIndex == 15
                || rateIndex == 3
                || (header & 3) == 2) {
            return null;
        }
        int version = switch (versionBits) {
            case 3 -> 1;
            case 2 -> 2;
            default -> 25;
        };
        int bitrate = (version == 1 ? BITRATES_V1 : BITRATES_V2)[bitrateIndex] * 1000;
        int sampleRate = SAMPLE_RATES_V1[rateIndex] / (version == 1 ? 1 : version == 2 ? 2 : 4);
        boolean padded = ((header >>> 9) & 1) == 1;
        int channels = ((header >>> 6) & 3) == 3 ? 1 : 2;
        boolean crc = ((header >>> 16) & 1) == 0;
        int frameLength = (version == 1 ? 144 : 72) * bitrate / sampleRate + (padded ? 1 : 0);
        return new MpegFrameHeader(version, bitrate, sampleRate, channels, padded, crc, frameLength);
    }
}
