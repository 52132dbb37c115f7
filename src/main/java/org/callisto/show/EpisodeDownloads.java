package org.callisto.show;

/**
 * The downloads of one rendition of an episode, for editors. Counts are of downloads as {@code DownloadCounter}
 * defines them (a minute of audio delivered to one listener, once per episode in 24 hours). Immutable.
 *
 * @param number    the episode's number
 * @param title     the episode's title
 * @param kind      the rendition
 * @param mediaPath its file in the media directory
 * @param total     downloads on every stored day
 * @param recent    downloads in the period asked for (the last 30 days, say)
 */
public record EpisodeDownloads(
        int number, String title, RenditionKind kind, String mediaPath, long total, long recent) {}
