package org.callisto.planet.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A feed with a stray NUL or other control character is read, not refused as binary: the characters are dropped,
 * each noted with its line and column, the feed is flagged ill-formed and its entries are kept. Real binaries are
 * still refused.
 */
class ControlCharactersTest {
    private final FeedParser parser = new FeedParser();

    private static final String RSS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n"
            + "<title>Controls</title><link>https://c.example/</link>\n"
            + "<item><title>One%s</title><guid>1</guid><description>first</description></item>\n"
            + "<item><title>Two</title><guid>2</guid><description><![CDATA[<p>se%scond</p>]]></description></item>\n"
            + "</channel></rss>\n";

    private ParsedFeed parse(String text) throws FeedParseException {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8), "application/rss+xml", "https://c.example/feed");
    }

    @Test
    void oneNulNearTheStartIsDroppedAndTheEntriesAreKept() throws Exception {
        ParsedFeed feed = parse(String.format(RSS, "\u0000", ""));
        assertThat(feed.entries()).extracting(ParsedEntry::title).containsExactly("One", "Two");
        assertThat(feed.illFormed()).isTrue();
        assertThat(feed.problems())
                .extracting(ParseProblem::toString)
                .contains("4:17: invalid XML character U+0000 skipped");
    }

    @Test
    void controlCharactersInCdataAreDroppedWithTheirPosition() throws Exception {
        ParsedFeed feed = parse(String.format(RSS, "", "\u0001\u001F"));
        assertThat(feed.entries().get(1).summary()).isEqualTo("<p>second</p>");
        assertThat(feed.illFormed()).isTrue();
        assertThat(feed.problems())
                .extracting(ParseProblem::toString)
                .contains("5:66: invalid XML character U+0001 skipped", "5:67: invalid XML character U+001F skipped");
    }

    @Test
    void aNulInAJsonFeedIsDroppedToo() throws Exception {
        String json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\u0000\","
                + "\"items\":[{\"id\":\"1\",\"content_text\":\"hello\"}]}";
        ParsedFeed feed = parse(json);
        assertThat(feed.title()).isEqualTo("J");
        assertThat(feed.entries()).hasSize(1);
        assertThat(feed.illFormed()).isTrue();
        assertThat(feed.problems()).extracting(ParseProblem::toString).anyMatch(p -> p.startsWith("1:57: "));
    }

    @Test
    void manyControlCharactersAreListedUpToALimitAndCounted() throws Exception {
        String padded = String.format(RSS, "\u0000".repeat(3), "\u0002".repeat(40))
                .replace(
                        "<title>Controls</title>",
                        "<title>Controls</title><description>" + "pad ".repeat(150) + "</description>");
        ParsedFeed feed = parse(padded);
        assertThat(feed.entries()).hasSize(2);
        assertThat(feed.problems())
                .extracting(ParseProblem::toString)
                .contains("23 more control characters dropped, not listed one by one");
    }

    @Test
    void binaryDataIsStillRefused() {
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        random[0] = 'x';
        random[1] = 'y';
        random[10] = 0;
        assertThatThrownBy(() -> parser.parse(random, null, null)).hasMessageContaining("binary data");
        byte[] dense = ("<rss>" + "\u0000a".repeat(60) + "</rss>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(dense, null, null)).hasMessageContaining("binary data");
    }
}
