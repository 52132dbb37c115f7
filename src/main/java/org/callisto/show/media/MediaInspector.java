package org.callisto.show.media;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Tells what a media file is from its content: MP3 (an ID3v2 tag or an MPEG frame sync at the start) or ISO base
 * media (an {@code ftyp} box, or {@code moov}/{@code mdat}/{@code free} in old QuickTime-style files); the name's
 * extension only decides when the content is ambiguous (a {@code .mp3} with junk before its first frame) and
 * between {@code audio/mp4} and {@code video/mp4}.
 *
 * <p>Stateless and thread-safe.
 */
public final class MediaInspector {

    private MediaInspector() {}

    /** Inspects the file, reading only its headers: fast, exact for MP4 and for MP3 with a VBR header. */
    public static MediaInfo inspect(Path file) throws MediaException {
        return inspect(file, false);
    }

    /**
     * Inspects the file; with {@code scanFrames}, an MP3 is walked frame by frame ({@link Mp3Info#scan}) so its
     * duration is exact even without a VBR header and a truncated file is noticed.
     */
    public static MediaInfo inspect(Path file, boolean scanFrames) throws MediaException {
        try (InspectedFile media = InspectedFile.open(file)) {
            if (media.size() == 0) {
                throw media.fail("the file is empty");
            }
            ByteBuffer head = media.read(0, 12);
            String extension = extension(media.name());
            if (Mp4Info.sniff(head)) {
                Mp4Info mp4 = Mp4Info.read(media);
                return new MediaInfo(file, media.size(), mp4MimeType(mp4, extension), mp4.durationMillis(), mp4);
            }
            if (looksLikeMp3(head) || extension.equals("mp3")) {
                Mp3Info mp3 = Mp3Info.read(media, scanFrames);
                return new MediaInfo(file, media.size(), "audio/mpeg", mp3.durationMillis(), mp3);
            }
            throw media.fail("neither MP3 (no ID3 tag or MPEG frame sync) nor MP4 (no 'ftyp' box) at the start;"
                    + " the first bytes are " + HexFormat.ofDelimiter(" ").formatHex(bytes(head))
                    + ". Episodes must be MP3, M4A or MP4 files");
        }
    }

    private static boolean looksLikeMp3(ByteBuffer head) {
        if (head.remaining() >= 3 && head.get(0) == 'I' && head.get(1) == 'D' && head.get(2) == '3') {
            return true;
        }
        return head.remaining() >= 2 && (head.get(0) & 0xFF) == 0xFF && (head.get(1) & 0xE0) == 0xE0;
    }

    private static String mp4MimeType(Mp4Info mp4, String extension) {
        boolean audioOnly = extension.equals("m4a")
                || extension.equals("m4b")
                || mp4.majorBrand().startsWith("M4A")
                || mp4.majorBrand().startsWith("M4B")
                || (!mp4.handlers().isEmpty()
                        && !mp4.hasVideo()
                        && mp4.handlers().contains("soun"));
        return audioOnly && !mp4.hasVideo() ? "audio/mp4" : "video/mp4";
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.get(b.position(), bytes);
        return bytes;
    }
}
