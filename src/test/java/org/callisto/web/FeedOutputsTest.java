package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class FeedOutputsTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Map<String, PlanetSite> SITES = new ConcurrentHashMap<>();

    @AfterAll
    static void closeSites() {
        SITES.values().forEach(PlanetSite::close);
        SITES.clear();
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(NodeList nodes) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void planetAtomIsWellFormedWithTheLatestEntries(String kind) throws Exception {
        PlanetSite site = SITES.computeIfAbsent(kind, PlanetSite::new);
        HttpResponse<String> r = site.get("/atom.xml");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/atom+xml; charset=utf-8");
        Document doc = parse(r.body());
        Element feed = doc.getDocumentElement();
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        NodeList entries = doc.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).isEqualTo(38);
        Element first = (Element) entries.item(0);
        assertThat(first.getElementsByTagNameNS(ATOM, "title").item(0).getTextContent())
                .isEqualTo("Upgrading Graphite");
        assertThat(first.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent())
                .isEqualTo("https://example.org/a1");
        Element content =
                (Element) first.getElementsByTagNameNS(ATOM, "content").item(0);
        assertThat(content.getAttribute("type")).isEqualTo("html");
        assertThat(content.getTextContent()).contains(PlanetSite.PRE_BLOCK);
        assertThat(((Element) first.getElementsByTagNameNS(ATOM, "category").item(0)).getAttribute("term"))
                .isEqualTo("FreeBSD");
        List<String> links = new ArrayList<>();
        NodeList feedLinks = feed.getElementsByTagNameNS(ATOM, "link");
        for (int i = 0; i < feedLinks.getLength(); i++) {
            Element l = (Element) feedLinks.item(i);
            if (l.getParentNode() == feed) {
                links.add(l.getAttribute("rel") + " " + l.getAttribute("href"));
            }
        }
        assertThat(links).contains("self http://planet.test/atom.xml", "alternate http://planet.test/");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void planetRssIsWellFormedWithExtensions(String kind) throws Exception {
        PlanetSite site = SITES.computeIfAbsent(kind, PlanetSite::new);
        HttpResponse<String> r = site.get("/rss.xml");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/rss+xml; charset=utf-8");
        Document doc = parse(r.body());
        assertThat(doc.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        NodeList items = doc.getElementsByTagName("item");
        assertThat(items.getLength()).isEqualTo(38);
        Element first = (Element) items.item(0);
        assertThat(first.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Upgrading Graphite");
        assertThat(first.getElementsByTagName("guid").item(0).getTextContent()).isEqualTo("https://example.org/a1");
        assertThat(first.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "creator")
                        .item(0)
                        .getTextContent())
                .isEqualTo("Alice Liddell");
        assertThat(first.getElementsByTagNameNS("http://purl.org/rss/1.0/modules/content/", "encoded")
                        .item(0)
                        .getTextContent())
                .contains(PlanetSite.PRE_BLOCK);
        Element self = (Element) doc.getElementsByTagNameNS(ATOM, "link").item(0);
        assertThat(self.getAttribute("rel")).isEqualTo("self");
        assertThat(self.getAttribute("href")).isEqualTo("http://planet.test/rss.xml");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void categoryFeedsHoldOnlyThatCategory(String kind) throws Exception {
        PlanetSite site = SITES.computeIfAbsent(kind, PlanetSite::new);
        Document atom = parse(site.get("/category/freebsd/atom.xml").body());
        List<String> atomTitles = new ArrayList<>();
        NodeList entries = atom.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            atomTitles.add(((Element) entries.item(i))
                    .getElementsByTagNameNS(ATOM, "title")
                    .item(0)
                    .getTextContent());
        }
        assertThat(atomTitles)
                .containsExactly("Upgrading Graphite", "Bhyve in libvirt", "Getting to know your portmgr-lurker");
        HttpResponse<String> rss = site.get("/category/freebsd/rss.xml");
        assertThat(rss.headers().firstValue("Content-Type")).hasValue("application/rss+xml; charset=utf-8");
        Document rssDoc = parse(rss.body());
        List<String> rssTitles = new ArrayList<>();
        NodeList items = rssDoc.getElementsByTagName("item");
        for (int i = 0; i < items.getLength(); i++) {
            rssTitles.add(((Element) items.item(i))
                    .getElementsByTagName("title")
                    .item(0)
                    .getTextContent());
        }
        assertThat(rssTitles).containsExactlyElementsOf(atomTitles);
        assertThat(texts(rssDoc.getElementsByTagName("title")).getFirst()).isEqualTo("Test Planet – FreeBSD");

        Document bob = parse(site.get("/feeds/" + site.bob.id() + "/atom.xml").body());
        assertThat(bob.getElementsByTagNameNS(ATOM, "entry").getLength()).isEqualTo(35);
        assertThat(site.get("/category/none/rss.xml").statusCode()).isEqualTo(404);
    }
}
