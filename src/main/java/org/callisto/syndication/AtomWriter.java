package org.callisto.syndication;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes Atom 1.0 (RFC 4287) documents. Text is escaped by the XML writer and cleaned of characters XML 1.0
 * forbids; HTML goes into {@code type="html"} elements. Stateless and thread-safe.
 */
public final class AtomWriter {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String THR = "http://purl.org/syndication/thread/1.0";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    /** The document for {@code items} under {@code feed}. */
    public String write(FeedInfo feed, List<Item> items) {
        StringWriter out = new StringWriter(4096 + items.size() * 2048);
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.setDefaultNamespace(ATOM);
            w.writeStartElement(ATOM, "feed");
            w.writeDefaultNamespace(ATOM);
            w.writeNamespace("thr", THR);
            text(w, "id", feed.id());
            text(w, "title", feed.title());
            if (feed.subtitle() != null) {
                text(w, "subtitle", feed.subtitle());
            }
            text(w, "updated", date(feed.updated()));
            link(w, "self", "application/atom+xml", feed.selfUrl());
            link(w, "alternate", "text/html", feed.siteUrl());
            w.writeStartElement("generator");
            w.writeAttribute("version", org.callisto.config.Version.VERSION);
            w.writeCharacters("Callisto");
            w.writeEndElement();
            for (Item item : items) {
                entry(w, feed, item);
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("atom: unable to write feed " + feed.id(), e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter w, FeedInfo feed, Item item) throws XMLStreamException {
        w.writeStartElement("entry");
        text(w, "id", item.id());
        text(w, "title", item.title() == null || item.title().isBlank() ? "(untitled)" : item.title());
        if (item.link() != null) {
            link(w, "alternate", "text/html", item.link());
        }
        text(w, "published", date(item.published()));
        text(
                w,
                "updated",
                date(
                        item.updated() != null && item.updated().isAfter(item.published())
                                ? item.updated()
                                : item.published()));
        w.writeStartElement("author");
        text(
                w,
                "name",
                item.author() != null && !item.author().isBlank()
                        ? item.author()
                        : item.sourceTitle() != null ? item.sourceTitle() : feed.title());
        if (item.authorUri() != null && item.author() != null && !item.author().isBlank()) {
            text(w, "uri", item.authorUri());
        }
        w.writeEndElement();
        if (item.commentsUrl() != null) {
            replies(w, "text/html", item.commentsUrl(), item.commentCount());
        }
        if (item.commentsFeedUrl() != null) {
            replies(w, null, item.commentsFeedUrl(), item.commentsUrl() == null ? item.commentCount() : null);
        }
        for (String category : item.categories()) {
            w.writeEmptyElement("category");
            w.writeAttribute("term", XmlText.clean(category));
        }
        if (item.enclosureUrl() != null) {
            w.writeEmptyElement("link");
            w.writeAttribute("rel", "enclosure");
            w.writeAttribute("href", XmlText.clean(item.enclosureUrl()));
            if (item.enclosureType() != null) {
                w.writeAttribute("type", XmlText.clean(item.enclosureType()));
            }
            if (item.enclosureLength() >= 0) {
                w.writeAttribute("length", Long.toString(item.enclosureLength()));
            }
        }
        if (item.summaryHtml() != null && !item.summaryHtml().isBlank()) {
            html(w, "summary", item.summaryHtml());
        }
        if (item.contentHtml() != null && !item.contentHtml().isBlank()) {
            html(w, "content", item.contentHtml());
        }
        if (item.sourceTitle() != null || item.sourceFeedUrl() != null) {
            w.writeStartElement("source");
            if (item.sourceId() != null) {
                text(w, "id", item.sourceId());
            }
            if (item.sourceTitle() != null) {
                text(w, "title", item.sourceTitle());
            }
            if (item.sourceUrl() != null) {
                link(w, "alternate", "text/html", item.sourceUrl());
            }
            if (item.sourceFeedUrl() != null) {
                w.writeEmptyElement("link");
                w.writeAttribute("rel", "self");
                w.writeAttribute("href", XmlText.clean(item.sourceFeedUrl()));
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /** A {@code link rel="replies"} (RFC 4685) to an entry's comments, with their count when known. */
    private static void replies(XMLStreamWriter w, String type, String href, Integer count) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", "replies");
        if (type != null) {
            w.writeAttribute("type", type);
        }
        w.writeAttribute("href", XmlText.clean(href));
        if (count != null) {
            w.writeAttribute("thr", THR, "count", Integer.toString(count));
        }
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(XmlText.clean(value));
        w.writeEndElement();
    }

    private static void html(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeAttribute("type", "html");
        w.writeCharacters(XmlText.clean(value));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String type, String href) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", XmlText.clean(href));
    }

    static String date(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
