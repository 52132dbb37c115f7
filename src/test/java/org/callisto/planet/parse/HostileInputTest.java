package org.callisto.planet.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Inputs meant to hurt: entity expansion, external entities, truncation, ill-formed markup, deep nesting, huge
 * attribute lists and things that are not feeds. None may hang, blow memory, read files or lose what is recoverable.
 */
class HostileInputTest {
    private static final Duration QUICKLY = Duration.ofSeconds(5);
    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String xml) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, null);
    }

    @Test
    void billionLaughsIsNotExpanded() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                dtd.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            dtd.append("\">\n");
        }
        String xml = dtd + "]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>";
        ParsedFeed feed = assertTimeoutPreemptively(QUICKLY, () -> parse(xml));
        assertThat(feed.title()).isEqualTo("&lol9;");
        assertThat(feed.illFormed()).isTrue();
        assertThat(feed.problems())
                .extracting(ParseProblem::message)
                .anyMatch(m -> m.equals("entity &lol9; nests deeper than 8 levels"));
    }

    @Test
    void externalEntitiesAreNeverRead() throws Exception {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<rss version=\"2.0\"><channel><title>x&xxe;y</title><description>&xxe;</description>"
                + "<item><title>&xxe;</title></item></channel></rss>";
        ParsedFeed feed = parse(xml);
        assertThat(feed.title()).isEqualTo("x&xxe;y");
        assertThat(feed.toString()).doesNotContain("root:").doesNotContain("/bin/");
    }

    @Test
    void truncatedDocumentKeepsWhatWasThere() throws Exception {
        String xml = "<rss version=\"2.0\"><channel><title>T</title>"
                + "<item><title>one</title><link>http://a/1</link></item>"
                + "<item><title>two</title><description>cut in the mid";
        ParsedFeed feed = parse(xml);
        assertThat(feed.entries()).extracting(ParsedEntry::title).containsExactly("one", "two");
        assertThat(feed.entries().get(1).summary()).isEqualTo("cut in the mid");
        assertThat(feed.illFormed()).isTrue();
        assertThat(feed.problems()).anyMatch(p -> p.message().contains("truncated") && p.line() == 1);
    }

    @Test
    void unescapedAmpersandAndLessThanAreKeptAsText() throws Exception {
        String xml = "<rss version=\"2.0\"><channel>\n<item>\n<title>AT&T < Verizon && 1 <2</title></item>"
                + "</channel></rss>";
        ParsedFeed feed = parse(xml);
        assertThat(feed.entries().get(0).title()).isEqualTo("AT&T < Verizon && 1 <2");
        assertThat(feed.problems())
                .extracting(ParseProblem::toString)
                .contains("3:10: unescaped &", "3:13: unescaped <");
    }

    @Test
    void htmlEntitiesAreResolvedAndUnknownOnesKept() throws Exception {
        ParsedFeed feed = parse("<rss><channel><title>caf&eacute;&nbsp;&hellip; &bogus; &#8217;&#x41;&#150;</title>"
                + "</channel></rss>");
        assertThat(feed.title()).isEqualTo("café\u00A0… &bogus; ’A–");
        assertThat(feed.problems())
                .extracting(ParseProblem::toString)
                .contains(
                        "1:25: undefined entity &eacute; (resolved as HTML)",
                        "1:48: undefined entity &bogus; kept as text");
    }

    @Test
    void invalidXmlCharactersAreDropped() throws Exception {
        ParsedFeed feed = parse("<rss><channel><title>a\u0001b\u000Bc</title></channel></rss>");
        assertThat(feed.title()).isEqualTo("abc");
        assertThat(feed.problems())
                .extracting(ParseProblem::toString)
                .contains("1:23: invalid XML character U+0001 skipped");
    }

    @Test
    void junkBeforeTheDeclarationIsSkipped() throws Exception {
        ParsedFeed feed = parse("\n\nPHP Warning: something\n<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                + "<title>ok</title></channel></rss>");
        assertThat(feed.title()).isEqualTo("ok");
        assertThat(feed.format()).isEqualTo("rss2.0");
        assertThat(feed.problems())
                .extracting(ParseProblem::toString)
                .contains("3:1: text before the root element was skipped");
    }

    @Test
    void mismatchedTagsAreRepaired() throws Exception {
        ParsedFeed feed = parse("<rss><channel><item><title>one</titel><link>http://a/</link></item>"
                + "<item><title>two</title></b></item></channel></rss>");
        assertThat(feed.entries()).hasSize(2);
        assertThat(feed.entries().get(1).title()).isEqualTo("two");
        assertThat(feed.problems())
                .extracting(ParseProblem::message)
                .contains("end tag </titel> does not match <title>; ignored");
    }

    @Test
    void hundredThousandDeepNestingIsCapped() {
        StringBuilder sb = new StringBuilder("<rss><channel><title>deep</title><item><title>i</title>");
        sb.append("<x>".repeat(100_000)).append("text").append("</x>".repeat(100_000));
        sb.append("</item></channel></rss>");
        ParsedFeed feed = assertTimeoutPreemptively(QUICKLY, () -> parse(sb.toString()));
        assertThat(feed.title()).isEqualTo("deep");
        assertThat(feed.entries()).extracting(ParsedEntry::title).containsExactly("i");
        assertThat(feed.problems()).anyMatch(p -> p.message().startsWith("elements nested deeper than"));
    }

    @Test
    void unclosedDeepNestingIsLinear() {
        String xml = "<rss><channel><item>" + "<a b='1'>".repeat(200_000);
        ParsedFeed feed = assertTimeoutPreemptively(QUICKLY, () -> parse(xml));
        assertThat(feed.entries()).hasSize(1);
    }

    @Test
    void deeplyNestedJsonIsRejectedQuickly() {
        String json = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"t\", \"items\": [{\"x\": "
                + "[".repeat(100_000) + "]".repeat(100_000) + "}]}";
        assertTimeoutPreemptively(
                QUICKLY,
                () -> assertThatThrownBy(() -> parse(json))
                        .isInstanceOf(FeedParseException.class)
                        .hasMessageContaining("not valid JSON"));
    }

    @Test
    void enormousAttributeCountsAreCapped() {
        StringBuilder sb = new StringBuilder("<rss><channel><item><enclosure ");
        for (int i = 0; i < 200_000; i++) {
            sb.append("a").append(i).append("=\"v\" ");
        }
        sb.append("url=\"http://x/a.mp3\"/><title>t</title></item></channel></rss>");
        ParsedFeed feed = assertTimeoutPreemptively(QUICKLY, () -> parse(sb.toString()));
        assertThat(feed.entries().get(0).title()).isEqualTo("t");
        assertThat(feed.problems()).anyMatch(p -> p.message().startsWith("more than 256 attributes"));
    }

    @Test
    void manyNamespaceDeclarationsStayLinear() {
        StringBuilder sb = new StringBuilder("<rss><channel>");
        for (int d = 0; d < 200; d++) {
            sb.append("<n");
            for (int i = 0; i < 200; i++) {
                sb.append(" xmlns:p")
                        .append(d)
                        .append('_')
                        .append(i)
                        .append("=\"urn:")
                        .append(i)
                        .append('"');
            }
            sb.append('>');
        }
        sb.append("<p1:x/>".repeat(200_000));
        assertTimeoutPreemptively(QUICKLY, () -> parse(sb.toString()));
    }

    @Test
    void pathologicalTextIsLinear() {
        String xml = "<rss><channel><title>" + "&".repeat(500_000) + "<".repeat(500_000) + "&#".repeat(300_000)
                + "</title></channel></rss>";
        ParsedFeed feed = assertTimeoutPreemptively(QUICKLY, () -> parse(xml));
        assertThat(feed.problems()).hasSize(LenientXmlParser.MAX_PROBLEMS + 1);
    }

    @Test
    void htmlPageIsRejectedWithAHint() {
        String html = "<!DOCTYPE html>\n<html><head><title>Blog</title>"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed\"></head><body>hi</body></html>";
        assertThatThrownBy(() -> parse(html))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("HTML page")
                .hasMessageContaining("rel=alternate");
    }

    @Test
    void nonFeedsAreRejectedSayingWhatTheyAre() {
        assertThatThrownBy(() -> parser.parse(new byte[0], null, null)).hasMessageContaining("empty body");
        assertThatThrownBy(() -> parse("  \n ")).hasMessageContaining("empty body");
        assertThatThrownBy(() -> parser.parse(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, null, null))
                .hasMessageContaining("PNG image");
        assertThatThrownBy(() -> parse("{\"name\": \"not a feed\"}")).hasMessageContaining("not a JSON Feed");
        assertThatThrownBy(() -> parse("[1, 2]")).hasMessageContaining("JSON array");
        assertThatThrownBy(() -> parse("Just some words.")).hasMessageContaining("plain text");
        assertThatThrownBy(() -> parse("<?xml version=\"1.0\"?><opml version=\"2.0\"><body/></opml>"))
                .hasMessageContaining("root element <opml>");
    }
}
