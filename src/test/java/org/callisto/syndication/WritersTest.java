package org.callisto.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class WritersTest {
    private static final FeedInfo FEED = new FeedInfo(
            "https://planet.example/",
            "Planet <&> \"Example\"",
            "All of it",
            "https://planet.example/",
            "https://planet.example/atom.xml",
            Instant.parse("2026-11-20T10:15:30.123Z"));
    private static final Item NASTY = new Item(
            "tag:planet.example,2026:planet/entry/7",
            false,
            "Bells \u0007 and <tags> & \uFFFE nulls \u0000 and a lone \uD800 surrogate 😀",
            null,
            "Zoë",
            "<p>sum\u0001mary</p>",
            "<p>A &amp; B</p><pre>x  y</pre>",
            List.of("C&C", "Ünïcode"),
            Instant.parse("2026-11-19T08:00:00Z"),
            null,
            "Source",
            "https://source.example/",
            null,
            null,
            -1);

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void xmlTextDropsOnlyForbiddenCharacters() {
        assertThat(XmlText.clean("a\u0000b\u0008c\td\ne\rf\uFFFEg\uD800h😀")).isEqualTo("abc\td\ne\rfgh😀");
        assertThat(XmlText.clean(null)).isEmpty();
        String ok = "plain text";
        assertThat(XmlText.clean(ok)).isSameAs(ok);
    }

    @Test
    void atomEscapesTextAndStripsInvalidCharacters() throws Exception {
        String xml = new AtomWriter().write(FEED, List.of(NASTY));
        Document doc = parse(xml);
        String atom = "http://www.w3.org/2005/Atom";
        assertThat(doc.getElementsByTagNameNS(atom, "title").item(0).getTextContent())
                .isEqualTo("Planet <&> \"Example\"");
        Element entry = (Element) doc.getElementsByTagNameNS(atom, "entry").item(0);
        assertThat(entry.getElementsByTagNameNS(atom, "title").item(0).getTextContent())
                .isEqualTo("Bells  and <tags> &  nulls  and a lone  surrogate 😀");
        assertThat(entry.getElementsByTagNameNS(atom, "id").item(0).getTextContent())
                .isEqualTo("tag:planet.example,2026:planet/entry/7");
        assertThat(entry.getElementsByTagNameNS(atom, "published").item(0).getTextContent())
                .isEqualTo("2026-11-19T08:00:00Z");
        assertThat(doc.getElementsByTagNameNS(atom, "updated").item(0).getTextContent())
                .isEqualTo("2026-11-20T10:15:30Z");
        assertThat(entry.getElementsByTagNameNS(atom, "content").item(0).getTextContent())
                .isEqualTo("<p>A &amp; B</p><pre>x  y</pre>");
        assertThat(entry.getElementsByTagNameNS(atom, "summary").item(0).getTextContent())
                .isEqualTo("<p>summary</p>");
        assertThat(entry.getElementsByTagNameNS(atom, "name").item(0).getTextContent())
                .isEqualTo("Zoë");
        assertThat(((Element) entry.getElementsByTagNameNS(atom, "category").item(0)).getAttribute("term"))
                .isEqualTo("C&C");
    }

    @Test
    void rssHasSelfLinkCreatorAndEncodedContent() throws Exception {
        String xml = new RssWriter().write(FEED, List.of(NASTY));
        Document doc = parse(xml);
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("rss");
        Element item = (Element) doc.getElementsByTagName("item").item(0);
        Element guid = (Element) item.getElementsByTagName("guid").item(0);
        assertThat(guid.getAttribute("isPermaLink")).isEqualTo("false");
        assertThat(item.getElementsByTagName("pubDate").item(0).getTextContent())
                .isEqualTo("Thu, 19 Nov 2026 08:00:00 GMT");
        assertThat(item.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "creator")
                        .item(0)
                        .getTextContent())
                .isEqualTo("Zoë");
        assertThat(item.getElementsByTagNameNS("http://purl.org/rss/1.0/modules/content/", "encoded")
                        .item(0)
                        .getTextContent())
                .isEqualTo("<p>A &amp; B</p><pre>x  y</pre>");
        Element self = (Element) doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link")
                .item(0);
        assertThat(self.getAttribute("rel")).isEqualTo("self");
        assertThat(self.getAttribute("href")).isEqualTo("https://planet.example/atom.xml");
        assertThat(item.getElementsByTagName("category").getLength()).isEqualTo(2);
    }
}
