package org.callisto.show.media;

/**
 * Where a media file's audio lies and how many of its bytes make one minute of it: what a download must have
 * delivered to count (IAB Podcast Measurement Technical Guidelines v2.2: at least one minute of content, or the
 * whole file when it is shorter, the ID3 tag not included). Immutable.
 *
 * @param start  the offset of the first audio byte (past the ID3v2 tag of an MP3; 0 for MP4)
 * @param end    the offset just past the last audio byte (before ID3v1/APE tags of an MP3; the length for MP4)
 * @param needed the audio bytes that make a minute at the file's bitrate, at most {@code end - start}
 */
public record AudioSpan(long start, long end, long needed) {

    public AudioSpan {
        if (start < 0 || end < start || needed < 0 || needed > end - start) {
            throw new IllegalArgumentException(
                    "an audio span needs 0 <= start <= end and needed <= end - start, got start " + start + ", end "
                            + end + ", needed " + needed);
        }
    }

    /** One minute of playing time, in milliseconds. */
    public static final long MINUTE_MILLIS = 60_000;

    /**
     * The span of {@code media}: for an MP3 its frames and its bitrate (the average for VBR); for an MP4 the whole
     * file and its average bitrate over its duration. A file whose duration is unknown must be delivered whole.
     */
    public static AudioSpan of(MediaInfo media) {
        if (media.format() instanceof Mp3Info mp3) {
            long start = Math.min(mp3.audioStart(), media.length());
            long end = Math.min(media.length(), start + mp3.audioBytes());
            long minute = mp3.bitrate() * 60L / 8;
            return new AudioSpan(start, end, minute <= 0 ? end - start : Math.min(minute, end - start));
        }
        long length = media.length();
        if (media.durationMillis() <= 0) {
            return new AudioSpan(0, length, length);
        }
        long minute = (long) Math.ceil((double) length * MINUTE_MILLIS / media.durationMillis());
        return new AudioSpan(0, length, Math.min(minute, length));
    }
}
