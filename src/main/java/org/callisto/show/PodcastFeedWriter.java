package org.callisto.show;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.callisto.syndication.XmlText;

/**
 * Writes the show's podcast feeds, RSS 2.0 with Apple's and the Podcasting 2.0 namespaces, one per
 * {@link PodcastFeed}: an episode appears in a feed when it has that feed's rendition, and its enclosure is that
 * rendition (or, in torrent feeds, its {@code .torrent}).
 *
 * <p>Every feed has what Apple requires and recommends: on the channel {@code title}, {@code link},
 * {@code description}, {@code language}, {@code itunes:image}, {@code itunes:category} (subcategories nested),
 * {@code itunes:explicit}, {@code itunes:author} and {@code itunes:owner}; on each item {@code title}, {@code link},
 * {@code description}, an {@code enclosure} with url, length and type, a {@code guid} (isPermaLink="false", the
 * same for an episode in every feed), an RFC 2822 {@code pubDate}, {@code itunes:duration} in seconds,
 * {@code itunes:explicit}, {@code itunes:episodeType}, and {@code itunes:episode} and {@code itunes:season} when
 * they are 1 or more (Apple's rule). The Podcasting 2.0 tags: {@code podcast:guid}, {@code podcast:locked} and
 * {@code podcast:funding} on the channel; {@code podcast:episode}, {@code podcast:season}, {@code podcast:person}
 * for guests, {@code podcast:transcript}, {@code podcast:chapters}, and one {@code podcast:alternateEnclosure} per
 * rendition with its direct URL, its {@code .torrent} URL and its magnet link as {@code podcast:source}s.
 * {@code content:encoded} holds the show notes as HTML ({@link ShowNotesHtml}).
 *
 * <p>The {@link PodcastFeed#ITUNES} feed also has {@code itunes:title}, {@code itunes:summary} and
 * {@code itunes:type} on the channel and {@code itunes:title}, {@code itunes:summary} and {@code itunes:image} on
 * items. Apple ignores {@code podcast:alternateEnclosure}, which is why audio and video are separate feeds.
 *
 * <p>The {@code podcast:guid} of the iTunes feed is the one stored in the settings (assigned once, kept when the
 * feed moves); the other feeds are other feeds in the eyes of directories, so theirs is computed from their own
 * URL. Thread-safe: stateless apart from immutable URLs.
 */
public final class PodcastFeedWriter {
    public static final String ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    public static final String PODCAST_NS = "https://podcastindex.org/namespace/1.0";
    public static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
    public static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private final ShowUrls urls;
    private final URI newFeedUrl;
    private final java.util.function.Function<Episode, String> comments;

    /** Feeds for the site at {@code siteUrl}. */
    public PodcastFeedWriter(URI siteUrl) {
        this(siteUrl, null);
    }

    /**
     * Feeds for the site at {@code siteUrl} whose show moved to {@code newFeedUrl} ({@code itunes:new-feed-url} in
     * every feed), or null when it did not move.
     */
    public PodcastFeedWriter(URI siteUrl, URI newFeedUrl) {
        this(new ShowUrls(siteUrl), newFeedUrl, e -> null);
    }

    private PodcastFeedWriter(ShowUrls urls, URI newFeedUrl, java.util.function.Function<Episode, String> comments) {
        this.urls = urls;
        this.newFeedUrl = newFeedUrl;
        this.comments = comments;
    }

    /** Whether an episode is in {@code feed}: it has the feed's rendition, with a torrent for a torrent feed. */
    static boolean inFeed(PodcastFeed feed, EpisodeNotes e) {
        return e.rendition(feed.kind())
                .filter(r -> !feed.torrent() || r.hasTorrent())
                .isPresent();
    }

    /**
     * This writer, giving each item the address of its discussion ({@code discussion} answers null for none) as
     * RSS 2.0's {@code <comments>}. Not {@code podcast:socialInteract}: its {@code protocol} must be one of the
     * namespace's social protocols (activitypub, twitter, lightning...), and a web page's comment thread is none of
     * them; apps following {@code activitypub} would ask the page for ActivityStreams and fail.
     */
    public PodcastFeedWriter withComments(java.util.function.Function<Episode, String> discussion) {
        return new PodcastFeedWriter(urls, newFeedUrl, discussion);
    }

    /** The feed as UTF-8 bytes. */
    public byte[] write(PodcastFeed feed, ShowSettings show, List<EpisodeNotes> episodes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(feed, show, episodes, out);
        return out.toByteArray();
    }

    /**
     * Writes the feed to {@code out} as UTF-8, episodes in the order given (newest first, as the store returns them).
     */
    public void write(PodcastFeed feed, ShowSettings show, List<EpisodeNotes> episodes, OutputStream out) {
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeNamespace("itunes", ITUNES_NS);
            w.writeNamespace("podcast", PODCAST_NS);
            w.writeNamespace("content", CONTENT_NS);
            w.writeNamespace("atom", ATOM_NS);
            w.writeStartElement("channel");
            channel(w, feed, show, episodes);
            for (EpisodeNotes e : episodes) {
                if (inFeed(feed, e)) {
                    item(w, feed, show, e);
                }
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the " + feed.slug() + " podcast feed: " + e.getMessage(), e);
        }
    }

    private void channel(XMLStreamWriter w, PodcastFeed feed, ShowSettings show, List<EpisodeNotes> episodes)
            throws XMLStreamException {
        String title = feed == PodcastFeed.ITUNES || feed == PodcastFeed.MP3
                ? show.title()
                : show.title() + " (" + feed.label() + ")";
        String feedUrl = urls.feed(feed);
        text(w, "title", title);
        text(w, "link", urls.site());
        w.writeEmptyElement("atom", "link", ATOM_NS);
        w.writeAttribute("href", feedUrl);
        w.writeAttribute("rel", "self");
        w.writeAttribute("type", "application/rss+xml");
        text(w, "description", show.description());
        text(w, "language", show.language());
        for (EpisodeNotes e : episodes) {
            if (inFeed(feed, e)) {
                text(w, "lastBuildDate", date(e.episode().publishedAt()));
                break;
            }
        }
        text(w, "generator", "Callisto");
        w.writeStartElement("image");
        text(w, "url", show.artworkUrl());
        text(w, "title", title);
        text(w, "link", urls.site());
        w.writeEndElement();
        w.writeEmptyElement("itunes", "image", ITUNES_NS);
        w.writeAttribute("href", show.artworkUrl());
        for (String category : show.categories()) {
            String[] parts = category.split("/", 2);
            w.writeStartElement("itunes", "category", ITUNES_NS);
            w.writeAttribute("text", parts[0].strip());
            if (parts.length == 2) {
                w.writeEmptyElement("itunes", "category", ITUNES_NS);
                w.writeAttribute("text", parts[1].strip());
            }
            w.writeEndElement();
        }
        itunes(w, "explicit", show.explicit() ? "true" : "false");
        itunes(w, "author", show.author());
        w.writeStartElement("itunes", "owner", ITUNES_NS);
        itunes(w, "name", show.ownerName());
        itunes(w, "email", show.ownerEmail());
        w.writeEndElement();
        if (feed.fullItunes()) {
            itunes(w, "title", show.title());
            itunes(w, "summary", show.description());
            itunes(w, "type", "serial".equals(show.tags().type()) ? "serial" : "episodic");
        }
        if (newFeedUrl != null) {
            itunes(w, "new-feed-url", newFeedUrl.toString());
        }
        podcast(w, "guid", feed == PodcastFeed.ITUNES ? show.podcastGuid() : PodcastGuid.of(feedUrl));
        w.writeStartElement("podcast", "locked", PODCAST_NS);
        w.writeAttribute("owner", show.ownerEmail());
        w.writeCharacters(show.locked() ? "yes" : "no");
        w.writeEndElement();
        if (show.fundingUrl() != null && !show.fundingUrl().isBlank()) {
            w.writeStartElement("podcast", "funding", PODCAST_NS);
            w.writeAttribute("url", show.fundingUrl());
            w.writeCharacters(XmlText.clean(
                    show.fundingText() == null || show.fundingText().isBlank()
                            ? "Support the show"
                            : show.fundingText()));
            w.writeEndElement();
        }
        PodcastTagsWriter.channel(w, show.tags());
    }

    private void item(XMLStreamWriter w, PodcastFeed feed, ShowSettings show, EpisodeNotes notes)
            throws XMLStreamException {
        Episode e = notes.episode();
        Rendition main = notes.rendition(feed.kind()).orElseThrow();
        w.writeStartElement("item");
        text(w, "title", e.title());
        text(w, "link", urls.episode(e));
        String discussion = comments.apply(e);
        if (discussion != null) {
            text(w, "comments", discussion);
        }
        String summaryHtml = ShowNotesHtml.markdown(e.summary(), urls.site());
        html(w, null, "description", summaryHtml.isEmpty() ? ShowNotesHtml.escape(e.title()) : summaryHtml);
        html(w, CONTENT_NS, "encoded", ShowNotesHtml.render(notes, urls.site(), show.feedbackAddress()));
        w.writeEmptyElement("enclosure");
        if (feed.torrent()) {
            w.writeAttribute("url", urls.media(main.torrentPath()));
            w.writeAttribute("length", Long.toString(main.torrentLength()));
            w.writeAttribute("type", PodcastFeed.TORRENT_TYPE);
        } else {
            w.writeAttribute("url", urls.media(main.mediaPath()));
            w.writeAttribute("length", Long.toString(main.length()));
            w.writeAttribute("type", main.mimeType());
        }
        w.writeStartElement("guid");
        w.writeAttribute("isPermaLink", "false");
        w.writeCharacters(XmlText.clean(e.guid()));
        w.writeEndElement();
        text(w, "pubDate", date(e.publishedAt()));
        itunes(w, "duration", Long.toString(main.durationSeconds()));
        itunes(w, "explicit", e.explicit() ? "true" : "false");
        if (e.number() > 0) {
            itunes(w, "episode", Integer.toString(e.number()));
        }
        if (e.season() != null && e.season() > 0) {
            itunes(w, "season", Integer.toString(e.season()));
        }
        itunes(w, "episodeType", e.type().value());
        if (feed.fullItunes()) {
            itunes(w, "title", e.title());
            if (!e.summary().isBlank()) {
                itunes(w, "summary", e.summary());
            }
            w.writeEmptyElement("itunes", "image", ITUNES_NS);
            // an imported episode's own artwork, when it is an http(s) image; the show's otherwise
            w.writeAttribute(
                    "href",
                    PodcastTagsWriter.web(e.tags().image()) ? e.tags().image().strip() : show.artworkUrl());
        }
        podcast(w, "episode", Integer.toString(e.number()));
        if (e.season() != null) {
            // name is optional in docs/tags/season.md but required by podcast.xsd: give it
            w.writeStartElement("podcast", "season", PODCAST_NS);
            w.writeAttribute("name", "Season " + e.season());
            w.writeCharacters(Integer.toString(e.season()));
            w.writeEndElement();
        }
        for (Guest g : notes.guests()) {
            w.writeStartElement("podcast", "person", PODCAST_NS);
            w.writeAttribute("role", "guest");
            if (g.link() != null) {
                w.writeAttribute("href", g.link());
            }
            w.writeCharacters(XmlText.clean(g.name()));
            w.writeEndElement();
        }
        for (Transcript t : notes.transcripts()) {
            w.writeEmptyElement("podcast", "transcript", PODCAST_NS);
            w.writeAttribute("url", urls.transcript(t));
            w.writeAttribute("type", t.mimeType());
            if (t.language() != null) {
                w.writeAttribute("language", t.language());
            }
        }
        if (e.chaptersJson() != null) {
            w.writeEmptyElement("podcast", "chapters", PODCAST_NS);
            w.writeAttribute("url", urls.chapters(e));
            w.writeAttribute("type", "application/json+chapters");
        }
        for (Rendition r : notes.renditions()) {
            alternate(w, r, !feed.torrent() && r.kind() == feed.kind());
        }
        PodcastTagsWriter.item(w, e.tags());
        w.writeEndElement();
    }

    /** One rendition as an alternate enclosure: its direct URL, its torrent and its magnet link. */
    private void alternate(XMLStreamWriter w, Rendition r, boolean isEnclosure) throws XMLStreamException {
        w.writeStartElement("podcast", "alternateEnclosure", PODCAST_NS);
        w.writeAttribute("type", r.mimeType());
        w.writeAttribute("length", Long.toString(r.length()));
        if (r.durationMs() > 0) {
            w.writeAttribute("bitrate", Long.toString(r.length() * 8_000 / r.durationMs()));
        }
        w.writeAttribute("title", r.kind().label());
        if (isEnclosure) {
            w.writeAttribute("default", "true");
        }
        String direct = urls.media(r.mediaPath());
        w.writeEmptyElement("podcast", "source", PODCAST_NS);
        w.writeAttribute("uri", direct);
        if (!r.hasTorrent()) {
            w.writeEndElement();
            return;
        }
        w.writeEmptyElement("podcast", "source", PODCAST_NS);
        w.writeAttribute("uri", urls.media(r.torrentPath()));
        w.writeAttribute("contentType", PodcastFeed.TORRENT_TYPE);
        String name = r.mediaPath().substring(r.mediaPath().lastIndexOf('/') + 1);
        w.writeEmptyElement("podcast", "source", PODCAST_NS);
        w.writeAttribute(
                "uri",
                "magnet:?xt=urn:btih:" + r.infoHash() + "&dn=" + encode(name) + "&xl=" + r.length() + "&ws="
                        + encode(direct));
        w.writeAttribute("contentType", PodcastFeed.TORRENT_TYPE);
        w.writeEndElement();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String date(Instant t) {
        return RFC_2822.format(t.atOffset(ZoneOffset.UTC));
    }

    static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(XmlText.clean(value));
        w.writeEndElement();
    }

    private static void itunes(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement("itunes", name, ITUNES_NS);
        w.writeCharacters(XmlText.clean(value));
        w.writeEndElement();
    }

    static void podcast(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement("podcast", name, PODCAST_NS);
        w.writeCharacters(XmlText.clean(value));
        w.writeEndElement();
    }

    /** HTML in a CDATA section, as Apple asks, or escaped when it holds the CDATA end marker. */
    private static void html(XMLStreamWriter w, String ns, String name, String html) throws XMLStreamException {
        if (ns == null) {
            w.writeStartElement(name);
        } else {
            w.writeStartElement("content", name, ns);
        }
        String clean = XmlText.clean(html);
        if (clean.contains("]]>")) {
            w.writeCharacters(clean);
        } else {
            w.writeCData(clean);
        }
        w.writeEndElement();
    }
}
