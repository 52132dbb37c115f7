package org.callisto.syndication;

import java.io.Writer;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a subscription list as OPML 2.0: one {@code <outline type="rss" text title xmlUrl htmlUrl category>} per
 * feed, flat, with the categories in the {@code category} attribute as a comma-separated list (OPML 2.0 "tags").
 * A comma inside a category name cannot be expressed there and is written as a space.
 *
 * <p>Stateless and thread-safe.
 */
public final class OpmlWriter {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    /**
     * Writes the document; the caller closes {@code out}.
     *
     * @param title     the list's title, e.g. the planet's name
     * @param generated the time written into {@code dateCreated}
     */
    public void write(String title, List<OpmlSubscription> subscriptions, ZonedDateTime generated, Writer out)
            throws XMLStreamException {
        XMLStreamWriter x = FACTORY.createXMLStreamWriter(out);
        x.writeStartDocument("UTF-8", "1.0");
        x.writeCharacters("\n");
        x.writeStartElement("opml");
        x.writeAttribute("version", "2.0");
        x.writeCharacters("\n  ");
        x.writeStartElement("head");
        x.writeCharacters("\n    ");
        x.writeStartElement("title");
        x.writeCharacters(title);
        x.writeEndElement();
        x.writeCharacters("\n    ");
        x.writeStartElement("dateCreated");
        x.writeCharacters(DateTimeFormatter.RFC_1123_DATE_TIME.format(generated.withZoneSameInstant(ZoneOffset.UTC)));
        x.writeEndElement();
        x.writeCharacters("\n  ");
        x.writeEndElement();
        x.writeCharacters("\n  ");
        x.writeStartElement("body");
        for (OpmlSubscription s : subscriptions) {
            x.writeCharacters("\n    ");
            x.writeEmptyElement("outline");
            String name = s.name() == null || s.name().isBlank() ? s.xmlUrl() : s.name();
            x.writeAttribute("type", "rss");
            x.writeAttribute("text", name);
            x.writeAttribute("title", name);
            x.writeAttribute("xmlUrl", s.xmlUrl());
            if (isWebUrl(s.htmlUrl())) {
                x.writeAttribute("htmlUrl", s.htmlUrl());
            }
            if (!s.categories().isEmpty()) {
                x.writeAttribute(
                        "category",
                        s.categories().stream()
                                .map(c -> c.replaceAll("\\s*,\\s*", " ").strip())
                                .filter(c -> !c.isEmpty())
                                .collect(Collectors.joining(",")));
            }
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndDocument();
        x.flush();
    }

    /**
     * Whether {@code url} is an absolute http(s) URL: only those go out as a site link, since readers make
     * {@code htmlUrl} a link and a {@code javascript:} one would run script there.
     */
    static boolean isWebUrl(String url) {
        if (url == null) {
            return false;
        }
        String u = url.strip().toLowerCase(java.util.Locale.ROOT);
        return u.startsWith("http://") && u.length() > 7 || u.startsWith("https://") && u.length() > 8;
    }
}
