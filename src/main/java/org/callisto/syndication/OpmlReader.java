package org.callisto.syndication;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an OPML subscription list (1.0 or 2.0) as feed readers and planets export it. A feed is an
 * {@code <outline>} with an {@code xmlUrl}; its categories are those of its {@code category} attribute (comma
 * separated, a leading {@code /} dropped) plus the {@code text} of every folder outline it sits in, which is how
 * most readers export their folders. Attribute names are matched without regard to case ({@code xmlurl} occurs).
 * A feed listed twice is read once, with the categories of both places.
 *
 * <p>Hostile input is handled safely: DTDs are not processed and a document that declares one is refused, so no
 * entity is ever expanded and no local or remote file is ever read. Errors carry {@code line:column}.
 *
 * <p>Stateless and thread-safe.
 */
public final class OpmlReader {
    private static final XMLInputFactory FACTORY = secureFactory();

    private static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource " + systemId + " refused");
        });
        return f;
    }

    /**
     * Reads a document; the caller closes {@code in}.
     *
     * @throws OpmlException with line:column when it is not well-formed XML, declares a DTD or is not OPML, or when
     *     reading {@code in} fails (the failure is then its cause)
     */
    public OpmlDocument read(InputStream in) throws OpmlException {
        XMLStreamReader x = null;
        try {
            x = FACTORY.createXMLStreamReader(XmlEncoding.reader(in));
            return read(x);
        } catch (IOException e) {
            throw new OpmlException(1, 1, "the document could not be read: " + e.getMessage(), e);
        } catch (XmlEncoding.UnknownEncoding e) {
            throw new OpmlException(1, 1, e.getMessage());
        } catch (XMLStreamException e) {
            Location at = e.getLocation() != null ? e.getLocation() : x != null ? x.getLocation() : null;
            int line = at == null ? 1 : Math.max(1, at.getLineNumber());
            int column = at == null ? 1 : Math.max(1, at.getColumnNumber());
            Throwable nested = e.getNestedException() != null ? e.getNestedException() : e.getCause();
            if (nested instanceof CharacterCodingException) {
                throw new OpmlException(
                        line,
                        column,
                        "not text: these bytes are not characters in the document's encoding (UTF-8 unless its XML"
                                + " declaration names another); an OPML file is an XML text file");
            }
            if (nested instanceof IOException io) {
                throw new OpmlException(
                        line, column, "the document could not be read to the end: " + io.getMessage(), io);
            }
            String message = e.getMessage();
            // the JDK prefixes its messages with "ParseError at [row,col]:[r,c]\nMessage: "
            int cut = message == null ? -1 : message.indexOf("Message: ");
            if (cut >= 0) {
                message = message.substring(cut + "Message: ".length());
            }
            if (message != null && message.endsWith(".")) {
                message = message.substring(0, message.length() - 1);
            }
            throw new OpmlException(
                    line,
                    column,
                    "not well-formed XML: " + message
                            + "; an OPML file is an XML document with an <opml> root element");
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to read
                }
            }
        }
    }

    private OpmlDocument read(XMLStreamReader x) throws XMLStreamException, OpmlException {
        String title = null;
        Map<String, Builder> feeds = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        Deque<Frame> folders = new ArrayDeque<>(); // the open outlines, innermost first
        boolean seenRoot = false;
        boolean inHead = false;
        boolean inBody = false;
        while (x.hasNext()) {
            int event = x.next();
            switch (event) {
                case XMLStreamConstants.DTD ->
                    throw error(
                            x,
                            "the document declares a DTD (<!DOCTYPE>); OPML needs"
                                    + " none, and this reader refuses DTDs because they can expand entities or read local files;"
                                    + " remove the <!DOCTYPE ...> declaration");
                case XMLStreamConstants.ENTITY_REFERENCE ->
                    throw error(
                            x,
                            "the entity reference &" + x.getLocalName()
                                    + "; is not defined; OPML files use only the predefined XML entities (&amp; &lt; &gt; &quot; &apos;)");
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = x.getLocalName();
                    if (!seenRoot) {
                        seenRoot = true;
                        if (!name.equals("opml")) {
                            throw error(x, "the root element is <" + name + ">, not <opml>; " + hint(name));
                        }
                    } else if (name.equals("head") && folders.isEmpty()) {
                        inHead = true;
                    } else if (name.equals("body") && folders.isEmpty()) {
                        inBody = true;
                    } else if (name.equals("title") && inHead && title == null) {
                        title = x.getElementText().strip();
                    } else if (name.equals("outline") && inBody) {
                        if (!folders.isEmpty()) {
                            folders.peek().hasChildren = true;
                        }
                        folders.push(outline(x, folders, feeds));
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    String name = x.getLocalName();
                    if (name.equals("outline") && !folders.isEmpty()) {
                        Frame done = folders.pop();
                        if (!done.feed && !done.hasChildren) {
                            skipped.add("line " + done.line + ": outline '" + done.label + "' has no xmlUrl and no"
                                    + " feeds inside, so it is neither a feed nor a folder");
                        }
                    } else if (name.equals("head")) {
                        inHead = false;
                    } else if (name.equals("body")) {
                        inBody = false;
                    }
                }
                default -> {
                    // text, comments and processing instructions carry nothing for us
                }
            }
        }
        if (!seenRoot) {
            throw new OpmlException(1, 1, "the document is empty; expected an <opml> element");
        }
        List<OpmlSubscription> subscriptions =
                feeds.values().stream().map(Builder::build).toList();
        return new OpmlDocument(title == null || title.isEmpty() ? null : title, subscriptions, skipped);
    }

    /** Reads one outline: a feed is recorded at once, a folder becomes a frame its children read categories from. */
    private static Frame outline(XMLStreamReader x, Deque<Frame> open, Map<String, Builder> feeds) {
        String text = attribute(x, "text");
        String titleAttr = attribute(x, "title");
        String label = text != null && !text.isBlank() ? text.strip() : titleAttr == null ? "" : titleAttr.strip();
        String xmlUrl = attribute(x, "xmlUrl");
        int line = x.getLocation().getLineNumber();
        if (xmlUrl == null || xmlUrl.isBlank()) {
            return new Frame(label, false, line);
        }
        Set<String> categories = new LinkedHashSet<>();
        List<Frame> path = new ArrayList<>(open);
        Collections.reverse(path);
        for (Frame folder : path) {
            if (!folder.feed && !folder.label.isEmpty()) {
                categories.add(folder.label);
            }
        }
        String categoryAttr = attribute(x, "category");
        if (categoryAttr != null) {
            for (String c : categoryAttr.split(",")) {
                String clean = c.strip();
                if (clean.startsWith("/")) {
                    clean = clean.substring(1).strip();
                }
                if (!clean.isEmpty()) {
                    categories.add(clean);
                }
            }
        }
        String url = xmlUrl.strip();
        String name = label.isEmpty() ? null : label;
        feeds.computeIfAbsent(url, u -> new Builder(u, name, attribute(x, "htmlUrl"), line))
                .categories
                .addAll(categories);
        return new Frame(label, true, line);
    }

    private static String attribute(XMLStreamReader x, String name) {
        for (int i = 0; i < x.getAttributeCount(); i++) {
            if (x.getAttributeLocalName(i).equalsIgnoreCase(name)) {
                return x.getAttributeValue(i);
            }
        }
        return null;
    }

    private static String hint(String root) {
        return switch (root.toLowerCase(Locale.ROOT)) {
            case "rss", "feed", "rdf" ->
                "this is a feed, not a subscription list: subscribe to it with" + " 'callisto feeds add URL'";
            case "html" -> "this is a web page; export the subscription list as OPML from the reader or planet";
            default -> "export the subscription list as OPML from the reader or planet";
        };
    }

    private static OpmlException error(XMLStreamReader x, String message) {
        Location at = x.getLocation();
        return new OpmlException(at.getLineNumber(), at.getColumnNumber(), message);
    }

    /** An open outline element. */
    private static final class Frame {
        final String label;
        final boolean feed;
        final int line;
        boolean hasChildren;

        Frame(String label, boolean feed, int line) {
            this.label = label;
            this.feed = feed;
            this.line = line;
        }
    }

    /** Collects one feed while reading. */
    private static final class Builder {
        final String url;
        final String name;
        final String htmlUrl;
        final int line;
        final Set<String> categories = new LinkedHashSet<>();

        Builder(String url, String name, String htmlUrl, int line) {
            this.url = url;
            this.name = name;
            this.htmlUrl = htmlUrl == null || htmlUrl.isBlank() ? null : htmlUrl.strip();
            this.line = line;
        }

        OpmlSubscription build() {
            return new OpmlSubscription(url, name, htmlUrl, List.copyOf(categories), line);
        }
    }
}
