package org.callisto.planet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Entities as feedparser reads them: internal DTD entities expanded within bounds, HTML 4's named entities with
 * HTML 4's code points, anything else kept as text with its line:column.
 */
class DoctypeEntitiesTest {
    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String xml) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, null);
    }

    @Test
    void internalEntitiesAreExpandedWithoutMakingTheFeedIllFormed() throws Exception {
        ParsedFeed feed = parse("""
                <?xml version="1.0"?>
                <!DOCTYPE rss [
                  <!ENTITY site "Example]Site">
                  <!ENTITY copy2 "&#169; &site;">
                ]>
                <rss version="2.0"><channel><title>&site; news</title><copyright>&copy2;</copyright>
                <item><title>&copy2; 2024</title></item></channel></rss>""");
        assertThat(feed.title()).isEqualTo("Example]Site news");
        assertThat(feed.entries().getFirst().title()).isEqualTo("© Example]Site 2024");
        assertThat(feed.illFormed()).as(feed.problems().toString()).isFalse();
    }

    @Test
    @Timeout(10)
    void billionLaughsIsBoundedAndSaysSo() throws Exception {
        // 7 levels of 100 references each: 3 * 100^7 characters if expanded
        ParsedFeed feed = parse(bomb(7, 100) + "<rss><channel><title>Laughs</title>"
                + "<item><title>&lol7;</title></item>".repeat(50) + "</channel></rss>");
        assertThat(feed.title()).isEqualTo("Laughs");
        assertThat(feed.entries()).hasSize(50);
        assertThat(feed.entries().getLast().title()).isEqualTo("&lol7;");
        assertThat(feed.illFormed()).isTrue();
        assertThat(feed.problems())
                .extracting(ParseProblem::message)
                .contains("entity expansions exceed 1048576 characters (at &lol7;); the rest are kept as text");
    }

    @Test
    @Timeout(10)
    void theClassicTenLevelBombStopsAtTheDepthBound() throws Exception {
        ParsedFeed feed = parse(bomb(9, 10) + "<rss><channel><title>&lol9;</title></channel></rss>");
        assertThat(feed.title()).isEqualTo("&lol9;");
        assertThat(feed.problems()).anyMatch(p -> p.message().contains("nests deeper than 8 levels"));
    }

    private static String bomb(int levels, int fanOut) {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= levels; i++) {
            String prev = "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(prev.repeat(fanOut))
                    .append("\">\n");
        }
        return dtd.append("]>\n").toString();
    }

    @Test
    void selfReferenceStopsAtTheDepthBound() throws Exception {
        ParsedFeed feed = parse("<!DOCTYPE rss [<!ENTITY a \"x&b;\"><!ENTITY b \"y&a;\">]>"
                + "<rss><channel><title>&a;</title></channel></rss>");
        assertThat(feed.title()).isEqualTo("&a;");
        assertThat(feed.problems()).anyMatch(p -> p.message().contains("nests deeper than 8 levels"));
    }

    @Test
    void externalAndParameterEntitiesAreNeverRead() throws Exception {
        ParsedFeed feed = parse("<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\"><!ENTITY % p \"x\">]>"
                + "<rss><channel><title>a&xxe;b</title></channel></rss>");
        assertThat(feed.title()).isEqualTo("a&xxe;b");
        assertThat(feed.problems())
                .extracting(ParseProblem::toString)
                .contains(
                        "1:16: external entity &xxe; ignored (nothing outside the document is ever read)",
                        "1:57: parameter entity %p; ignored (DTDs are never read)",
                        "1:98: undefined entity &xxe; kept as text");
    }

    @Test
    void html4EntitiesHaveHtml4CodePointsAndOthersStayText() throws Exception {
        ParsedFeed feed = parse("<rss><channel><title>&lang;x&rang; &hellip;&nbsp;&check;</title></channel></rss>");
        assertThat(feed.title()).isEqualTo("\u2329x\u232A \u2026\u00A0&check;");
        assertThat(feed.problems())
                .extracting(ParseProblem::toString)
                .contains(
                        "1:22: undefined entity &lang; (resolved as HTML)",
                        "1:50: undefined entity &check; kept as text");
    }
}
