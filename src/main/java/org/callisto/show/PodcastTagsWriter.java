package org.callisto.show;

import static org.callisto.show.PodcastFeedWriter.PODCAST_NS;

import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.callisto.syndication.XmlText;

/**
 * Writes the show's and an episode's {@link PodcastTags} as Podcasting 2.0 elements, with the attributes each tag's
 * page in the namespace's documentation requires ({@code docs/tags/*.md}): a {@code value} without recipients, a
 * {@code remoteItem} without {@code feedGuid}, a {@code trailer} without URL or date, a {@code soundbite} without
 * start or duration are left out rather than written wrong. Stateless and thread-safe.
 */
final class PodcastTagsWriter {
    private PodcastTagsWriter() {}

    /** The channel's tags. */
    static void channel(XMLStreamWriter w, PodcastTags.Channel t) throws XMLStreamException {
        if (present(t.medium())) {
            PodcastFeedWriter.podcast(w, "medium", t.medium());
        }
        license(w, t.license());
        location(w, t.location());
        if (t.podroll().stream().anyMatch(r -> present(r.feedGuid()))) {
            w.writeStartElement("podcast", "podroll", PODCAST_NS);
            for (PodcastTags.RemoteItem r : t.podroll()) {
                if (present(r.feedGuid())) {
                    w.writeEmptyElement("podcast", "remoteItem", PODCAST_NS);
                    attr(w, "feedGuid", r.feedGuid());
                    attr(w, "feedUrl", r.feedUrl());
                    attr(w, "itemGuid", r.itemGuid());
                    attr(w, "medium", r.medium());
                }
            }
            w.writeEndElement();
        }
        value(w, t.value());
        PodcastTags.UpdateFrequency f = t.updateFrequency();
        if (f != null && present(f.text())) {
            w.writeStartElement("podcast", "updateFrequency", PODCAST_NS);
            attr(w, "complete", f.complete());
            attr(w, "dtstart", f.dtstart());
            attr(w, "rrule", f.rrule());
            w.writeCharacters(XmlText.clean(f.text()));
            w.writeEndElement();
        }
        for (PodcastTags.Trailer tr : t.trailers()) {
            if (present(tr.url()) && present(tr.pubdate())) {
                w.writeStartElement("podcast", "trailer", PODCAST_NS);
                attr(w, "pubdate", tr.pubdate());
                attr(w, "url", tr.url());
                attr(w, "length", tr.length());
                attr(w, "type", tr.type());
                attr(w, "season", tr.season());
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
            attr(w, "url", l.url());
            w.writeCharacters(XmlText.clean(max(l.name(), 128)));
            w.writeEndElement();
        }
    }

    private static void location(XMLStreamWriter w, PodcastTags.Location l) throws XMLStreamException {
        if (l != null && present(l.name())) {
            w.writeStartElement("podcast", "location", PODCAST_NS);
            attr(w, "geo", l.geo());
            attr(w, "osm", l.osm());
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
