package org.callisto.show;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Validates the {@code podcast:} elements of a feed against the Podcasting 2.0 namespace's XML Schema, read in place
 * from the corpora ({@code podcast-namespace/docs/schema/podcast-wrapper.xsd}, which includes that folder's
 * {@code podcast.xsd} into the namespace), the way the namespace's own example does: each top-level
 * {@code podcast:*} element of the feed is copied alone into a {@code <test-wrapper>} document and validated.
 * Secure processing is on; the schema may include files, nothing else is fetched. Thread-safe after construction.
 */
final class PodcastSchema {
    private final Schema schema;
    private final Set<String> declared;

    private PodcastSchema(Schema schema, Set<String> declared) {
        this.schema = schema;
        this.declared = declared;
    }

    /** The corpus folder of the Podcasting 2.0 namespace: {@code callisto.corpora}, else ../shared/corpora. */
    static Path folder() {
        return Path.of(System.getProperty("callisto.corpora", "../shared/corpora"))
                .resolve("podcast-namespace");
    }

    static PodcastSchema load() throws Exception {
        Path wrapper = folder().resolve("docs/schema/podcast-wrapper.xsd");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        Schema schema = factory.newSchema(wrapper.toFile());
        Set<String> declared = new LinkedHashSet<>();
        Document xsd = parse(Files.readAllBytes(folder().resolve("docs/schema/podcast.xsd")));
        for (Node n = xsd.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("element")) {
                declared.add(e.getAttribute("name"));
            }
        }
        return new PodcastSchema(schema, declared);
    }

    /** The element names the schema declares: transcript, locked, funding, chapters, ... */
    Set<String> declared() {
        return declared;
    }

    /**
     * Validates each top-level {@code podcast:*} element of {@code feed} that the schema declares.
     *
     * @return the problems, each naming the element; empty when all are valid
     */
    List<String> validate(Document feed) throws Exception {
        List<String> problems = new ArrayList<>();
        NodeList all = feed.getElementsByTagNameNS(PodcastFeedWriter.PODCAST_NS, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (PodcastFeedWriter.PODCAST_NS.equals(e.getParentNode().getNamespaceURI())
                    || !declared.contains(e.getLocalName())) {
                continue;
            }
            String wrapped = wrap(e);
            Validator validator = schema.newValidator();
            validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            try {
                validator.validate(new StreamSource(new StringReader(wrapped)));
            } catch (SAXException ex) {
                problems.add(wrapped + ": " + ex.getMessage());
            }
        }
        return problems;
    }

    /** {@code element} alone in a wrapper document of the namespace. */
    private static String wrap(Element element) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        Element root = doc.createElementNS(PodcastFeedWriter.PODCAST_NS, "test-wrapper");
        doc.appendChild(root);
        root.appendChild(doc.importNode(element, true));
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        var t = tf.newTransformer();
        t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter out = new StringWriter();
        t.transform(new DOMSource(doc), new StreamResult(out));
        return out.toString();
    }

    /** Parses XML namespace-aware, with secure processing and no DTDs. */
    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try {
            return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }
}
