package org.callisto.show;

/**
 * The podcast feeds of the show: one per rendition kind, one per rendition kind's torrents, and the iTunes-style
 * feed. Audio and video are never mixed in one feed, because Apple ignores {@code podcast:alternateEnclosure}.
 *
 * <p>Every feed carries what Apple requires and the Podcasting 2.0 tags. {@link #ITUNES} is the MP3 feed with
 * Apple's optional tags as well ({@code itunes:title}, {@code itunes:summary}, {@code itunes:subtitle},
 * {@code itunes:type}, per-item {@code itunes:image}): the one to submit to Apple Podcasts.
 */
public enum PodcastFeed {
    MP3("mp3", RenditionKind.MP3, false, "MP3 audio"),
    HD("hd", RenditionKind.HD, false, "HD video"),
    SD("sd", RenditionKind.SD, false, "SD video"),
    MP3_TORRENT("mp3-torrent", RenditionKind.MP3, true, "MP3 audio torrents"),
    HD_TORRENT("hd-torrent", RenditionKind.HD, true, "HD video torrents"),
    SD_TORRENT("sd-torrent", RenditionKind.SD, true, "SD video torrents"),
    ITUNES("itunes", RenditionKind.MP3, false, "iTunes");

    /** The MIME type of a {@code .torrent} file. */
    public static final String TORRENT_TYPE = "application/x-bittorrent";

    private final String slug;
    private final RenditionKind kind;
    private final boolean torrent;
    private final String label;

    PodcastFeed(String slug, RenditionKind kind, boolean torrent, String label) {
        this.slug = slug;
        this.kind = kind;
        this.torrent = torrent;
        this.label = label;
    }

    /** The feed's file name without {@code .xml}. */
    public String slug() {
        return slug;
    }

    /** The rendition its enclosures are. */
    public RenditionKind kind() {
        return kind;
    }

    /** Whether its enclosures are the renditions' {@code .torrent} files. */
    public boolean torrent() {
        return torrent;
    }

    /** Whether it carries Apple's optional tags too. */
    public boolean fullItunes() {
        return this == ITUNES;
    }

    /** What the feed holds, for its title: "MP3 audio", "HD video torrents". */
    public String label() {
        return label;
    }
}
