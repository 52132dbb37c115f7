package org.callisto.show;

import java.util.Objects;

/**
 * One media file of an episode, as inspected from its bytes, with its torrent. Immutable.
 *
 * @param kind          mp3, hd or sd
 * @param mediaPath     the file's path relative to the media directory, with {@code /} separators; or, for a
 *                      file kept where an imported feed had it, its absolute http(s) URL
 * @param mimeType      its MIME type, from its content
 * @param length        its length in bytes, from the file
 * @param durationMs    its playing time in milliseconds, from the file
 * @param torrentPath   the {@code .torrent} file's path relative to the media directory; empty for a remote file
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

    /** A rendition of a file kept on another host: the enclosure of an imported feed, not downloaded. */
    public static Rendition remote(RenditionKind kind, String url, String mimeType, long length, long durationMs) {
        return new Rendition(kind, url, mimeType, length, durationMs, "", 0, "");
    }

    /** Whether a media path is a remote file's URL rather than a path in the media directory. */
    public static boolean isRemote(String mediaPath) {
        return mediaPath.regionMatches(true, 0, "http://", 0, 7) || mediaPath.regionMatches(true, 0, "https://", 0, 8);
    }

    /** Whether this rendition is a remote file, with no torrent. */
    public boolean remote() {
        return isRemote(mediaPath);
    }

    /** Whether it has a {@code .torrent}. */
    public boolean hasTorrent() {
        return !torrentPath.isEmpty();
    }

    /** The duration in whole seconds, rounded to the nearest, as {@code itunes:duration} gives it. */
    public long durationSeconds() {
        return (durationMs + 500) / 1000;
    }
}
