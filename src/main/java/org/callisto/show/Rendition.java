package org.callisto.show;

import java.util.Objects;

/**
 * One media file of an episode, as inspected from its bytes, with its torrent. Immutable.
 *
 * @param kind          mp3, hd or sd
 * @param mediaPath     the file's path relative to the media directory, with {@code /} separators
 * @param mimeType      its MIME type, from its content
 * @param length        its length in bytes, from the file
 * @param durationMs    its playing time in milliseconds, from the file
 * @param torrentPath   the {@code .torrent} file's path relative to the media directory
 * @param torrentLength the {@code .torrent} file's length in bytes
 * @param infoHash      the torrent's info hash, 40 hex digits
 */
public record Rendition(
        RenditionKind kind,
        String mediaPath,
        String mimeType,
        long length,
        long durationMs,
        String torrentPath,
        long torrentLength,
        String infoHash) {

    public Rendition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mediaPath, "mediaPath");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(torrentPath, "torrentPath");
        Objects.requireNonNull(infoHash, "infoHash");
    }

    /** The duration in whole seconds, rounded to the nearest, as {@code itunes:duration} gives it. */
    public long durationSeconds() {
        return (durationMs + 500) / 1000;
    }
}
