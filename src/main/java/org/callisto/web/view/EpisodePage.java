package org.callisto.web.view;

import java.util.List;

/**
 * One episode's page, {@code /episodes/{number}}. Immutable.
 *
 * @param meta        the layout facts
 * @param showTitle   the show's title
 * @param episode     the episode's number, title, date and summary
 * @param audio       the sources of the audio player (empty: no player)
 * @param video       the sources of the video player (empty: no player)
 * @param downloads   one direct download per rendition
 * @param feeds       the feeds that carry the episode, one per rendition and per rendition's torrents
 * @param fundingUrl  where listeners support the show, or null
 * @param fundingText that link's label
 * @param sections    the show notes
 * @param guests      the guests
 * @param transcripts the transcripts, each linked
 * @param tracks      the WebVTT transcripts served here, as the players' caption tracks
 * @param artwork     the show's artwork if it is a web address, else null
 * @param extras      what publishing from the browser adds: chapters, episode artwork, poster, subscribe links,
 *                    the discussion, the embeddable player
 */
public record EpisodePage(
        PageMeta meta,
        String showTitle,
        EpisodeView episode,
        List<Source> audio,
        List<Source> video,
        List<Download> downloads,
        List<EpisodesPage.Link> feeds,
        String fundingUrl,
        String fundingText,
        List<NotesSection> sections,
        List<Guest> guests,
        List<TranscriptLink> transcripts,
        List<Track> tracks,
        String artwork,
        Extras extras) {

    /**
     * What publishing from the browser adds to an episode's page.
     *
     * @param episodeArtwork the episode's own artwork, or null
     * @param poster         the still shown before the video plays, or null
     * @param chapters       the chapters, each linking into the media file at its start ({@code #t=})
     * @param subscribe      "subscribe" links for podcast apps, built from the feed's address
     * @param discussionUrl  the episode's discussion in the journal, or null
     * @param embedUrl       the embeddable player page
     * @param oembedUrl      the oEmbed description of the page, for discovery
     * @param preview        whether this is an editor's preview of an episode not released yet
     */
    public record Extras(
            String episodeArtwork,
            String poster,
            List<Chapter> chapters,
            List<EpisodesPage.Link> subscribe,
            String discussionUrl,
            String embedUrl,
            String oembedUrl,
            boolean preview) {}

    /** A chapter: its start as {@code H:MM:SS} and in seconds, its title, and where its start plays. */
    public record Chapter(String start, String title, String url) {}

    /** A transcript: what it is, its address, type and language (may be null). */
    public record TranscriptLink(String label, String url, String type, String language) {}

    /** A player's {@code <track kind="captions">}; {@code language} may be null. */
    public record Track(String url, String language, String label) {}

    /** A player's {@code <source>}. */
    public record Source(String url, String type) {}

    /** A direct download: what it is, its file, size, duration and torrent. */
    public record Download(String label, String url, String type, String size, String duration, String torrentUrl) {}

    /** A section of the show notes. */
    public record NotesSection(String heading, List<Item> items) {}

    /**
     * An item of the notes; {@code url} is null when it has no web link. {@code source} says where it was curated
     * from ("via planet: Feed name", "journal story", "listener feedback"), or is null; {@code sourceUrl} links that
     * source on this site, or is null.
     */
    public record Item(String title, String url, String summaryHtml, String source, String sourceUrl) {

        /** An item with no source to show. */
        public Item(String title, String url, String summaryHtml) {
            this(title, url, summaryHtml, null, null);
        }
    }

    /** A guest; {@code url} is null when there is no web link. */
    public record Guest(String name, String url) {}
}
