package org.callisto.show;

import static org.callisto.show.PodcastFeedWriter.PODCAST_NS;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.callisto.planet.parse.FeedDates;
import org.callisto.syndication.XmlText;

/**
 * Writes the show's and an episode's {@link PodcastTags} as Podcasting 2.0 elements, with the attributes each tag's
 * page in the namespace's documentation requires ({@code docs/tags/*.md}): a {@code value} without recipients, a
 * {@code remoteItem} without {@code feedGuid}, a {@code trailer} without an http(s) URL or a date, a
 * {@code soundbite} without start or duration are left out rather than written wrong. Values imported from feeds
 * in the wild are mended where the tag page says how (texts cut to their length, a medium in any case, a trailer's
 * date rewritten in RFC 2822) and an attribute that is not what its page asks for (a URL that is not http(s), a
 * {@code geo} that is no RFC 5870 URI, an OSM id, a number, a boolean, an ISO 8601 {@code dtstart}, an
 * {@code rrule} without {@code FREQ}) is left out. Stateless and thread-safe.
 */
final class PodcastTagsWriter {
    /** The mediums of docs/tags/medium.md; each also as a list (suffix {@code L}), and the list medium "mixed". */
    private static final List<String> MEDIUMS =
            List.of("podcast", "music", "video", "film", "audiobook", "newsletter", "blog", "publisher", "course");

    /** An ISO 8601 date, or date and time with an optional zone, as {@code dtstart} takes it. */
    private static final String ISO_8601 =
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?";

    private PodcastTagsWriter() {}

    /** The channel's tags. */
    static void channel(XMLStreamWriter w, PodcastTags.Channel t) throws XMLStreamException {
        String medium = medium(t.medium());
        if (medium != null) {
            PodcastFeedWriter.podcast(w, "medium", medium);
        }
        license(w, t.license());
        location(w, t.location());
        if (t.podroll().stream().anyMatch(r -> present(r.feedGuid()))) {
            w.writeStartElement("podcast", "podroll", PODCAST_NS);
            for (PodcastTags.RemoteItem r : t.podroll()) {
                if (present(r.feedGuid())) {
                    w.writeEmptyElement("podcast", "remoteItem", PODCAST_NS);
                    attr(w, "feedGuid", r.feedGuid());
                    attr(w, "feedUrl", web(r.feedUrl()) ? r.feedUrl() : null);
                    attr(w, "itemGuid", r.itemGuid());
                    attr(w, "medium", medium(r.medium()));
                }
            }
            w.writeEndElement();
        }
        value(w, t.value());
        PodcastTags.UpdateFrequency f = t.updateFrequency();
        if (f != null && present(f.text())) {
            w.writeStartElement("podcast", "updateFrequency", PODCAST_NS);
            String complete = f.complete() == null ? "" : f.complete().strip();
            attr(
                    w,
                    "complete",
                    complete.matches("(?i)true|false") ? complete.toLowerCase(java.util.Locale.ROOT) : null);
            attr(w, "dtstart", matches(f.dtstart(), ISO_8601) ? f.dtstart() : null);
            attr(w, "rrule", matches(f.rrule(), "(?i)(.*;)?FREQ=[A-Z]+(;.*)?") ? f.rrule() : null);
            w.writeCharacters(XmlText.clean(max(f.text(), 128)));
            w.writeEndElement();
        }
        for (PodcastTags.Trailer tr : t.trailers()) {
            Instant date = tr.pubdate() == null ? null : FeedDates.parse(tr.pubdate());
            if (web(tr.url()) && date != null) {
                w.writeStartElement("podcast", "trailer", PODCAST_NS);
                attr(w, "pubdate", PodcastFeedWriter.date(date));
                attr(w, "url", tr.url());
                attr(w, "length", integer(tr.length()) ? tr.length() : null);
                attr(w, "type", tr.type());
                attr(w, "season", integer(tr.season()) ? tr.season() : null);
                w.writeCharacters(XmlText.clean(max(tr.title() == null ? "Trailer" : tr.title(), 128)));
                w.writeEndElement();
            }
        }
        txt(w, t.txt());
    }

    /** An item's tags. */
    static void item(XMLStreamWriter w, PodcastTags.Item t) throws XMLStreamException {
        for (PodcastTags.Soundbite s : t.soundbites()) {
            if (decimal(s.startTime()) && decimal(s.duration())) {
                w.writeStartElement("podcast", "soundbite", PODCAST_NS);
                w.writeAttribute("startTime", s.startTime().strip());
                w.writeAttribute("duration", s.duration().strip());
                w.writeCharacters(XmlText.clean(max(s.title() == null ? "" : s.title(), 128)));
                w.writeEndElement();
            }
        }
        license(w, t.license());
        location(w, t.location());
        value(w, t.value());
        txt(w, t.txt());
    }

    private static void license(XMLStreamWriter w, PodcastTags.License l) throws XMLStreamException {
        if (l != null && present(l.name())) {
            w.writeStartElement("podcast", "license", PODCAST_NS);
            attr(w, "url", web(l.url()) ? l.url() : null);
            w.writeCharacters(XmlText.clean(max(l.name(), 128)));
            w.writeEndElement();
        }
    }

    private static void location(XMLStreamWriter w, PodcastTags.Location l) throws XMLStreamException {
        if (l != null && present(l.name())) {
            w.writeStartElement("podcast", "location", PODCAST_NS);
            attr(
                    w,
                    "geo",
                    matches(l.geo(), "geo:-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?(,-?\\d+(\\.\\d+)?)?(;.*)?")
                            ? l.geo()
                            : null);
            attr(w, "osm", matches(l.osm(), "[NWR]\\d+(#\\d+)?") ? l.osm() : null);
            w.writeCharacters(XmlText.clean(max(l.name(), 128)));
            w.writeEndElement();
        }
    }

    private static void value(XMLStreamWriter w, List<PodcastTags.Value> values) throws XMLStreamException {
        for (PodcastTags.Value v : values) {
            List<PodcastTags.ValueRecipient> recipients = v.recipients().stream()
                    .filter(r -> present(r.type()) && present(r.address()) && integer(r.split()))
                    .toList();
            if (!present(v.type()) || !present(v.method()) || recipients.isEmpty()) {
                continue;
            }
            w.writeStartElement("podcast", "value", PODCAST_NS);
            w.writeAttribute("type", v.type());
            w.writeAttribute("method", v.method());
            if (decimal(v.suggested())) {
                w.writeAttribute("suggested", v.suggested().strip());
            }
            for (PodcastTags.ValueRecipient r : recipients) {
                w.writeEmptyElement("podcast", "valueRecipient", PODCAST_NS);
                attr(w, "name", r.name());
                attr(w, "customKey", r.customKey());
                attr(w, "customValue", r.customValue());
                w.writeAttribute("type", r.type());
                w.writeAttribute("address", r.address());
                w.writeAttribute("split", r.split().strip());
                if ("true".equalsIgnoreCase(r.fee())) {
                    w.writeAttribute("fee", "true");
                }
            }
            w.writeEndElement();
        }
    }

    private static void txt(XMLStreamWriter w, List<PodcastTags.Txt> txt) throws XMLStreamException {
        for (PodcastTags.Txt t : txt) {
            if (present(t.text())) {
                w.writeStartElement("podcast", "txt", PODCAST_NS);
                attr(w, "purpose", t.purpose() == null ? null : max(t.purpose(), 128));
                w.writeCharacters(XmlText.clean(max(t.text(), 4000)));
                w.writeEndElement();
            }
        }
    }

    private static void attr(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (present(value)) {
            w.writeAttribute(name, XmlText.clean(value.strip()));
        }
    }

    /** The medium as medium.md spells it ({@code Podcast} is {@code podcast}), or null for one not on its list. */
    static String medium(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        for (String m : MEDIUMS) {
            if (t.equalsIgnoreCase(m)) {
                return m;
            }
            if (t.equalsIgnoreCase(m + "L")) {
                return m + "L";
            }
        }
        return t.equalsIgnoreCase("mixed") ? "mixed" : null;
    }

    /** Whether {@code s} is an absolute http(s) URL with a host. */
    static boolean web(String s) {
        if (s == null || s.isBlank()) {
            return false;
        }
        try {
            URI u = new URI(s.strip());
            return u.getScheme() != null && u.getScheme().matches("(?i)https?") && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean matches(String s, String regex) {
        return s != null && s.strip().matches(regex);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static boolean decimal(String s) {
        return s != null && s.strip().matches("\\d+(\\.\\d+)?");
    }

    private static boolean integer(String s) {
        return s != null && s.strip().matches("\\d+");
    }

    private static String max(String s, int n) {
        String t = s.strip();
        return t.length() <= n ? t : t.substring(0, n);
    }
}
