package org.callisto.show;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Converts Podlove Simple Chapters ({@code <psc:chapters>} of {@code http://podlove.org/simple-chapters}, with
 * {@code <psc:chapter start="00:01:02.500" title="..." href="..." image="..."/>}) into the Podcasting 2.0 JSON
 * chapters document that Callisto stores and serves. The XML is parsed with the JDK's parser, without DTDs or
 * external entities. Stateless and thread-safe.
 */
public final class PodloveChapters {
    /** The Podlove Simple Chapters namespace. */
    public static final String NAMESPACE = "http://podlove.org/simple-chapters";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PodloveChapters() {}

    /** Whether {@code text} looks like XML rather than JSON (its first non-blank character is {@code <}). */
    public static boolean looksLikeXml(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return s.stripLeading().startsWith("<");
    }

    /**
     * The chapters of a Podlove document as a JSON chapters document.
     *
     * @param what names the document in messages
     * @throws IllegalArgumentException saying what is wrong and where
     */
    public static String toJson(String what, String xml) {
        Document doc = parse(what, xml);
        Element root = doc.getDocumentElement();
        if (!NAMESPACE.equals(root.getNamespaceURI()) || !root.getLocalName().equals("chapters")) {
            throw new IllegalArgumentException(what + ": the document is not Podlove Simple Chapters (a psc:chapters"
                    + " element in the namespace " + NAMESPACE + "); give that or JSON chapters");
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("version", "1.2.0");
        ArrayNode chapters = out.putArray("chapters");
        NodeList list = root.getElementsByTagNameNS(NAMESPACE, "chapter");
        for (int i = 0; i < list.getLength(); i++) {
            Element c = (Element) list.item(i);
            ObjectNode chapter = chapters.addObject();
            chapter.put("startTime", seconds(what + ": chapter " + (i + 1), c.getAttribute("start")));
            for (String[] field : new String[][] {{"title", "title"}, {"href", "url"}, {"image", "img"}}) {
                String v = c.getAttribute(field[0]).strip();
                if (!v.isEmpty()) {
                    chapter.put(field[1], v);
                }
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out);
        } catch (IOException e) {
            throw new IllegalStateException("show: cannot write chapters as JSON", e);
        }
    }

    /** {@code HH:MM:SS.mmm}, {@code MM:SS} or {@code SS} (fraction optional) in seconds. */
    static double seconds(String what, String time) {
        String t = time == null ? "" : time.strip();
        if (!t.matches("([0-9]{1,3}:)?([0-9]{1,2}:)?[0-9]{1,6}(\\.[0-9]{1,3})?")) {
            throw new IllegalArgumentException(what + ": start \"" + (t.length() > 30 ? t.substring(0, 30) : t)
                    + "\" is not a time such as 00:01:02.500");
        }
        double total = 0;
        for (String part : t.split(":")) {
            total = total * 60 + Double.parseDouble(part);
        }
        return total;
    }

    private static Document parse(String what, String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new IllegalArgumentException(what + ": not well-formed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage());
        } catch (org.xml.sax.SAXException | IOException | ParserConfigurationException e) {
            throw new IllegalArgumentException(what + ": cannot read the XML: " + e.getMessage());
        }
    }
}
