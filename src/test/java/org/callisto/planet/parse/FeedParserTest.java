package org.callisto.planet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Behaviour of the parser on small hand-written documents: text versus HTML, xml:base, encodings, JSON Feed. */
class FeedParserTest {
    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String doc, String baseUrl) throws FeedParseException {
        return parser.parse(doc.getBytes(StandardCharsets.UTF_8), null, baseUrl);
    }

    @Test
    void atomTextIsEscapedHtmlIsUnescapedOnceAndXhtmlIsSerialized() throws Exception {
        ParsedFeed feed = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:h="http://www.w3.org/1999/xhtml">
                  <title type="html">&lt;b&gt;Bold&lt;/b&gt; &amp;amp; co</title>
                  <entry>
                    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <em>X</em></div></title>
                    <summary type="text">a &lt; b &amp; c</summary>
                    <content type="xhtml"><h:div><h:p>Hello <h:b>world</h:b></h:p></h:div></content>
                  </entry>
                  <entry>
                    <summary type="html">&lt;p&gt;para&lt;/p&gt;</summary>
                    <content type="html"><![CDATA[<p>cdata &amp; more</p>]]></content>
                  </entry>
                </feed>""", null);
        assertThat(feed.format()).isEqualTo("atom1.0");
        assertThat(feed.title()).isEqualTo("Bold & co");
        ParsedEntry first = feed.entries().get(0);
        assertThat(first.title()).isEqualTo("An X");
        assertThat(first.summary()).isEqualTo("a &lt; b &amp; c");
        assertThat(first.content()).isEqualTo("<p>Hello <b>world</b></p>");
        ParsedEntry second = feed.entries().get(1);
        assertThat(second.summary()).isEqualTo("<p>para</p>");
        assertThat(second.content()).isEqualTo("<p>cdata &amp; more</p>");
    }

    @Test
    void xmlBaseResolvesLinksEnclosuresAndImages() throws Exception {
        ParsedFeed feed = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.org/blog/">
                  <link href="./"/>
                  <logo>img/logo.png</logo>
                  <entry xml:base="posts/">
                    <link href="one.html"/>
                    <link rel="enclosure" href="/media/one.mp3" type="audio/mpeg" length="12"/>
                    <content type="html" xml:base="http://cdn.example.net/x/">&lt;img src="a.png"&gt;</content>
                  </entry>
                </feed>""", "http://fetched.example.com/feed.xml");
        assertThat(feed.link()).isEqualTo("http://example.org/blog/");
        assertThat(feed.imageUrl()).isEqualTo("http://example.org/blog/img/logo.png");
        ParsedEntry e = feed.entries().get(0);
        assertThat(e.link()).isEqualTo("http://example.org/blog/posts/one.html");
        assertThat(e.enclosures()).containsExactly(new Enclosure("http://example.org/media/one.mp3", "audio/mpeg", 12));
        assertThat(e.baseUrl()).isEqualTo("http://cdn.example.net/x/");
        assertThat(e.imageUrl()).isEqualTo("http://cdn.example.net/x/a.png");
    }

    @Test
    void rssRelativeLinksResolveAgainstTheFeedUrl() throws Exception {
        ParsedFeed feed = parse(
                "<rss version=\"2.0\"><channel><link>/</link><item><link>/p/1</link>"
                        + "<enclosure url=\"a.mp3\" length=\"x\"/></item></channel></rss>",
                "https://ex.org/feeds/rss.xml");
        assertThat(feed.link()).isEqualTo("https://ex.org/");
        assertThat(feed.entries().get(0).link()).isEqualTo("https://ex.org/p/1");
        assertThat(feed.entries().get(0).enclosures())
                .containsExactly(new Enclosure("https://ex.org/feeds/a.mp3", null, -1));
        assertThat(feed.entries().get(0).baseUrl()).isEqualTo("https://ex.org/feeds/rss.xml");
    }

    @Test
    void rssDescriptionWithUnescapedMarkupKeepsTheMarkup() throws Exception {
        ParsedFeed feed = parse(
                "<rss version=\"2.0\"><channel><item><title>T</title>"
                        + "<description>Some <b>bold</b> &amp; <a href=\"/x\">link</a></description></item></channel></rss>",
                null);
        assertThat(feed.entries().get(0).summary()).isEqualTo("Some <b>bold</b> &amp; <a href=\"/x\">link</a>");
        assertThat(feed.illFormed()).isFalse();
    }

    @Test
    void rssExtensionsAreRead() throws Exception {
        ParsedFeed feed = parse("""
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:media="http://search.yahoo.com/mrss/"
                     xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
                     xmlns:atom="http://www.w3.org/2005/Atom">
                <channel><title>Show</title><ttl>60</ttl>
                  <atom:link rel="self" href="http://ex.org/feed"/>
                  <itunes:image href="http://ex.org/cover.jpg"/>
                  <item>
                    <guid isPermaLink="false">abc</guid>
                    <dc:creator>Jane</dc:creator>
                    <dc:date>2024-01-02T03:04:05Z</dc:date>
                    <dc:subject>News</dc:subject>
                    <content:encoded><![CDATA[<p>Full</p>]]></content:encoded>
                    <media:content url="http://ex.org/v.mp4" type="video/mp4" fileSize="99"/>
                    <media:thumbnail url="http://ex.org/t.jpg"/>
                    <comments>http://ex.org/c</comments>
                  </item>
                </channel></rss>""", null);
        assertThat(feed.feedUrl()).isEqualTo("http://ex.org/feed");
        assertThat(feed.imageUrl()).isEqualTo("http://ex.org/cover.jpg");
        assertThat(feed.ttlMinutes()).isEqualTo(60);
        ParsedEntry e = feed.entries().get(0);
        assertThat(e.id()).isEqualTo("abc");
        assertThat(e.link()).isNull();
        assertThat(e.authors()).containsExactly(new Person("Jane", null, null));
        assertThat(e.published()).hasToString("2024-01-02T03:04:05Z");
        assertThat(e.categories()).containsExactly("News");
        assertThat(e.content()).isEqualTo("<p>Full</p>");
        assertThat(e.enclosures()).containsExactly(new Enclosure("http://ex.org/v.mp4", "video/mp4", 99));
        assertThat(e.imageUrl()).isEqualTo("http://ex.org/t.jpg");
        assertThat(e.commentsUrl()).isEqualTo("http://ex.org/c");
    }

    @Test
    void rdfFeedsReadItemsOutsideTheChannel() throws Exception {
        ParsedFeed feed = parse("""
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
                  <channel rdf:about="http://ex.org/"><title>R</title><link>http://ex.org/</link></channel>
                  <item rdf:about="http://ex.org/1"><title>One</title><link>http://ex.org/1</link></item>
                </rdf:RDF>""", null);
        assertThat(feed.format()).isEqualTo("rss1.0");
        assertThat(feed.entries()).extracting(ParsedEntry::title).containsExactly("One");
    }

    @Test
    void encodingComesFromTheBomFirst() throws Exception {
        byte[] utf16 =
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Żółw</title></channel></rss>"
                        .getBytes(StandardCharsets.UTF_16);
        ParsedFeed feed = parser.parse(utf16, null, null);
        assertThat(feed.title()).isEqualTo("Żółw");
        assertThat(feed.encoding()).isEqualTo("utf-16be");
    }

    @Test
    void declaredUtf8WithLatin1BytesFallsBackAndSaysSo() throws Exception {
        byte[] bytes = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>Jürgen</title></channel></rss>"
                .getBytes(StandardCharsets.ISO_8859_1);
        ParsedFeed feed = parser.parse(bytes, null, null);
        assertThat(feed.title()).isEqualTo("Jürgen");
        assertThat(feed.encoding()).isEqualTo("iso-8859-1");
        assertThat(feed.illFormed()).isTrue();
        assertThat(feed.problems()).anyMatch(p -> p.message().contains("not valid utf-8"));
    }

    @Test
    void jsonFeedIsRead() throws Exception {
        ParsedFeed feed = parse("""
                {"version": "https://jsonfeed.org/version/1.1", "title": "J", "home_page_url": "https://ex.org/",
                 "feed_url": "https://ex.org/feed.json", "authors": [{"name": "Ann", "url": "mailto:ann@ex.org"}],
                 "items": [{"id": 7, "url": "/p/7", "title": "Seven", "content_text": "a < b",
                            "date_published": "2024-01-02T03:04:05+00:00", "tags": ["x"],
                            "attachments": [{"url": "/a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 5}]}]}
                """, null);
        assertThat(feed.format()).isEqualTo("json1.1");
        assertThat(feed.authors()).containsExactly(new Person("Ann", "ann@ex.org", null));
        ParsedEntry e = feed.entries().get(0);
        assertThat(e.id()).isEqualTo("7");
        assertThat(e.link()).isEqualTo("https://ex.org/p/7");
        assertThat(e.content()).isEqualTo("a &lt; b");
        assertThat(e.enclosures()).containsExactly(new Enclosure("https://ex.org/a.mp3", "audio/mpeg", 5));
    }

    @Test
    void sharedInstanceIsThreadSafe() throws Exception {
        byte[] doc = Corpora.bytes("rome/rome/src/test/resources/rss_2.0.xml");
        ParsedFeed expected = parser.parse(doc, null, null);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<ParsedFeed>>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> parser.parse(doc, null, null)));
            }
            for (var f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }
}
