package org.callisto.show.media;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One media file as read from disk: its length, its MIME type and playing time as found in its content (not its
 * name), and the format details. This is what podcast feeds put in {@code <enclosure length type>} and
 * {@code <itunes:duration>}. Immutable.
 *
 * @param path           the file
 * @param length         its length in bytes
 * @param mimeType       {@code audio/mpeg}, {@code audio/mp4} or {@code video/mp4}
 * @param durationMillis the playing time in milliseconds
 * @param format         the details: an {@link Mp3Info} or an {@link Mp4Info}
 */
public record MediaInfo(Path path, long length, String mimeType, long durationMillis, MediaFormat format) {

    public MediaInfo {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(format, "format");
        if (length < 0 || durationMillis < 0) {
            throw new IllegalArgumentException(path + ": length and duration must not be negative, got length " + length
                    + " and duration " + durationMillis);
        }
    }

    /** The duration as podcast feeds write it: {@code H:MM:SS}, rounded to the nearest second. */
    public String durationText() {
        long seconds = (durationMillis + 500) / 1000;
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
