package org.callisto.syndication;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes RSS 2.0 documents with the usual extensions: {@code atom:link rel="self"}, {@code content:encoded} for
 * full HTML and {@code dc:creator} for authors. Stateless and thread-safe.
 */
public final class RssWriter {
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String WFW = "http://wellformedweb.org/CommentAPI/";
    static final String SLASH = "http://purl.org/rss/1.0/modules/slash/";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    /** The document for {@code items} under {@code feed}. */
    public String write(FeedInfo feed, List<Item> items) {
        StringWriter out = new StringWriter(4096 + items.size() * 2048);
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeNamespace("atom", AtomWriter.ATOM);
            w.writeNamespace("content", CONTENT);
            w.writeNamespace("dc", DC);
            w.writeNamespace("wfw", WFW);
            w.writeNamespace("slash", SLASH);
            w.writeStartElement("channel");
            text(w, "title", feed.title());
            text(w, "link", feed.siteUrl());
            text(w, "description", feed.subtitle() != null ? feed.subtitle() : feed.title());
            w.writeEmptyElement("atom", "link", AtomWriter.ATOM);
            w.writeAttribute("href", XmlText.clean(feed.selfUrl()));
            w.writeAttribute("rel", "self");
            w.writeAttribute("type", "application/rss+xml");
            text(w, "lastBuildDate", date(feed.updated()));
            text(w, "generator", "Callisto");
            for (Item item : items) {
                item(w, item);
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("rss: unable to write feed " + feed.id(), e);
        }
        return out.toString();
    }

    private static void item(XMLStreamWriter w, Item item) throws XMLStreamException {
        w.writeStartElement("item");
        if (item.title() != null && !item.title().isBlank()) {
            text(w, "title", item.title());
        }
        if (item.link() != null) {
            text(w, "link", item.link());
        }
        w.writeStartElement("guid");
        w.writeAttribute("isPermaLink", Boolean.toString(item.idIsLink()));
        w.writeCharacters(XmlText.clean(item.id()));
        w.writeEndElement();
        text(w, "pubDate", date(item.published()));
        String author = item.author() != null && !item.author().isBlank() ? item.author() : item.sourceTitle();
        if (author != null) {
            w.writeStartElement("dc", "creator", DC);
            w.writeCharacters(XmlText.clean(author));
            w.writeEndElement();
        }
        for (String category : item.categories()) {
            text(w, "category", category);
        }
        String summary =
                item.summaryHtml() != null && !item.summaryHtml().isBlank() ? item.summaryHtml() : item.contentHtml();
        if (summary != null && !summary.isBlank()) {
            text(w, "description", summary);
        }
        if (item.contentHtml() != null && !item.contentHtml().isBlank()) {
            w.writeStartElement("content", "encoded", CONTENT);
            w.writeCharacters(XmlText.clean(item.contentHtml()));
            w.writeEndElement();
        }
        if (item.commentsUrl() != null) {
            text(w, "comments", item.commentsUrl());
        }
        if (item.commentsFeedUrl() != null) {
            w.writeStartElement("wfw", "commentRss", WFW);
            w.writeCharacters(XmlText.clean(item.commentsFeedUrl()));
            w.writeEndElement();
        }
        if (item.commentCount() != null) {
            w.writeStartElement("slash", "comments", SLASH);
            w.writeCharacters(Integer.toString(item.commentCount()));
            w.writeEndElement();
        }
        String sourceUrl = item.sourceFeedUrl() != null ? item.sourceFeedUrl() : item.sourceUrl();
        if (sourceUrl != null && item.sourceTitle() != null) {
            w.writeStartElement("source");
            w.writeAttribute("url", XmlText.clean(sourceUrl));
            w.writeCharacters(XmlText.clean(item.sourceTitle()));
            w.writeEndElement();
        }
        if (item.enclosureUrl() != null) {
            w.writeEmptyElement("enclosure");
            w.writeAttribute("url", XmlText.clean(item.enclosureUrl()));
            w.writeAttribute("length", Long.toString(Math.max(0, item.enclosureLength())));
            w.writeAttribute(
                    "type",
                    XmlText.clean(item.enclosureType() != null ? item.enclosureType() : "application/octet-stream"));
        }
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(XmlText.clean(value));
        w.writeEndElement();
    }

    static String date(Instant t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
    }
}
