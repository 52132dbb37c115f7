package org.callisto.planet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The planet's model carries an entry's source, its comment feed and count, and its title's markup, from RSS and
 * Atom alike, with URLs resolved.
 */
class EntryDetailsParseTest {
    private final FeedParser parser = new FeedParser();

    private ParsedEntry first(String xml, String url) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, url)
                .entries()
                .getFirst();
    }

    @Test
    void atomSourceRepliesAndHtmlTitleAreRead() throws Exception {
        ParsedEntry e = first("""
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">
                <title>P</title><entry><id>1</id>
                <title type="html">A &lt;em&gt;big&lt;/em&gt; day</title>
                <link rel="replies" type="application/atom+xml" href="c.atom" thr:count="3"/>
                <link rel="replies" type="text/html" href="c.html" thr:count="5"/>
                <source><id>urn:s</id><title type="html">Up &amp;amp; down</title>
                <link href="https://up.example/"/><link rel="self" href="/up.atom"/></source>
                </entry></feed>""", "https://p.example/feed/");
        assertThat(e.titleHtml()).isEqualTo("A <em>big</em> day");
        assertThat(e.title()).isEqualTo("A big day");
        assertThat(e.source())
                .isEqualTo(new EntrySource("Up & down", "https://up.example/", "https://p.example/up.atom", "urn:s"));
        assertThat(e.commentsUrl()).isEqualTo("https://p.example/feed/c.html");
        assertThat(e.commentsFeedUrl()).isEqualTo("https://p.example/feed/c.atom");
        assertThat(e.commentCount()).isEqualTo(5);
    }

    @Test
    void anAtomTextTitleIsNeverMarkupButAnXhtmlOneIs() throws Exception {
        String feed = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>P</title>
                <entry><id>1</id><title>1 &lt; 2 and &lt;b&gt; stays text</title></entry>
                <entry><id>2</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">H<sub>2</sub>O</div></title></entry>
                </feed>""";
        var entries =
                parser.parse(feed.getBytes(StandardCharsets.UTF_8), null, null).entries();
        assertThat(entries.get(0).titleHtml()).isNull();
        assertThat(entries.get(0).title()).isEqualTo("1 < 2 and <b> stays text");
        assertThat(entries.get(1).titleHtml()).isEqualTo("H<sub>2</sub>O");
    }

    @Test
    void rssSourceCommentFeedAndSlashCountAreRead() throws Exception {
        ParsedEntry e = first("""
                <rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
                 xmlns:slash="http://purl.org/rss/1.0/modules/slash/"><channel><title>C</title>
                <item><title>Plain title</title><source url="/other.rss">Other</source>
                <comments>/c</comments><wfw:commentRss>/c/feed</wfw:commentRss><slash:comments>12</slash:comments>
                </item></channel></rss>""", "https://c.example/feed.rss");
        assertThat(e.source()).isEqualTo(new EntrySource("Other", null, "https://c.example/other.rss", null));
        assertThat(e.commentsUrl()).isEqualTo("https://c.example/c");
        assertThat(e.commentsFeedUrl()).isEqualTo("https://c.example/c/feed");
        assertThat(e.commentCount()).isEqualTo(12);
        assertThat(e.titleHtml()).isNull();
    }

    @Test
    void aCountThatIsNotANumberIsNoCount() throws Exception {
        ParsedEntry e = first("""
                <rss version="2.0" xmlns:slash="http://purl.org/rss/1.0/modules/slash/"><channel><title>C</title>
                <item><title>T</title><slash:comments>many</slash:comments></item></channel></rss>""", null);
        assertThat(e.commentCount()).isNull();
        assertThat(e.source()).isNull();
    }

    @Test
    void feedburnerOrigLinkIsReadFromRssAndAtomEntriesAndAbsentElsewhere() throws Exception {
        ParsedEntry rss = first("""
                <rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel><title>B</title>
                <item><title>T</title><link>http://feedproxy.google.com/~r/b/~3/x1/</link>
                <guid isPermaLink="false">42</guid>
                <feedburner:origLink> https://b.example/2026/ports </feedburner:origLink></item>
                <item><title>U</title><link>https://b.example/u</link></item></channel></rss>""", "https://b.example/");
        assertThat(rss.link()).isEqualTo("http://feedproxy.google.com/~r/b/~3/x1/");
        assertThat(rss.origLink()).isEqualTo("https://b.example/2026/ports");
        ParsedEntry atom = first("""
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:fb="http://rssnamespace.org/feedburner/ext/1.0">
                <title>A</title><entry><id>1</id><title>T</title>
                <link href="http://feedproxy.google.com/~r/a/~3/y/"/><fb:origLink>/2026/ports</fb:origLink>
                </entry></feed>""", "https://a.example/feed/");
        assertThat(atom.origLink()).as("resolved against the base").isEqualTo("https://a.example/2026/ports");
        ParsedEntry plain = parser.parse(
                        "<rss version=\"2.0\"><channel><item><link>https://b.example/u</link></item></channel></rss>"
                                .getBytes(StandardCharsets.UTF_8),
                        null,
                        "https://b.example/")
                .entries()
                .getFirst();
        assertThat(plain.origLink()).isNull();
    }
}
