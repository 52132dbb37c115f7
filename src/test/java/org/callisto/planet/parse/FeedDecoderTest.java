package org.callisto.planet.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Encoding detection on crafted bytes: every byte-order mark, RFC 3023's media types, and what is refused. */
class FeedDecoderTest {
    private static final String FEED = "<rss><channel><title>Żółw café</title></channel></rss>";
    private final FeedParser parser = new FeedParser();

    @ParameterizedTest(name = "{0} with a byte-order mark is read as {1}")
    @CsvSource({"UTF-8, utf-8", "UTF-16BE, utf-16be", "UTF-16LE, utf-16le", "UTF-32BE, utf-32be", "UTF-32LE, utf-32le"})
    void everyByteOrderMarkIsRead(String charset, String reported) throws Exception {
        byte[] bytes = ("\uFEFF" + FEED).getBytes(Charset.forName(charset));
        ParsedFeed feed = parser.parse(bytes, null, null);
        assertThat(feed.title()).isEqualTo("Żółw café");
        assertThat(feed.encoding()).isEqualTo(reported);
        assertThat(feed.illFormed()).isFalse();
    }

    @ParameterizedTest(name = "{0} without a byte-order mark is recognised from <?xml")
    @CsvSource({"UTF-16BE, utf-16be", "UTF-16LE, utf-16le", "UTF-32BE, utf-32be", "UTF-32LE, utf-32le"})
    void unicodeWithoutMarkIsRecognisedFromTheDeclaration(String charset, String reported) throws Exception {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + FEED).getBytes(Charset.forName(charset));
        ParsedFeed feed = parser.parse(bytes, null, null);
        assertThat(feed.title()).isEqualTo("Żółw café");
        assertThat(feed.encoding()).isEqualTo(reported);
    }

    @Test
    void utf32InTheUnusualByteOrdersIsRefusedWithAReason() {
        byte[] order2143 = {0, 0, (byte) 0xFF, (byte) 0xFE, 0, 0, '<', 0};
        byte[] order3412 = {(byte) 0xFE, (byte) 0xFF, 0, 0, 0, '<', 0, 0};
        assertThatThrownBy(() -> parser.parse(order2143, null, null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("UTF-32 in the byte order 2143")
                .hasMessageContaining("save the feed as UTF-8");
        assertThatThrownBy(() -> parser.parse(order3412, null, null)).hasMessageContaining("byte order 3412");
    }

    @Test
    void textXmlWithoutCharsetIsUsAsciiAndNonAsciiBytesFallBackToTheDeclaration() throws Exception {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + FEED).getBytes(StandardCharsets.UTF_8);
        ParsedFeed feed = parser.parse(bytes, "text/xml", null);
        assertThat(feed.encoding()).isEqualTo("utf-8");
        assertThat(feed.illFormed()).isTrue();
        assertThat(feed.problems())
                .extracting(ParseProblem::message)
                .contains("declared as us-ascii by the HTTP Content-Type text/xml without a charset (RFC 3023), but"
                        + " the bytes are not valid us-ascii; decoded as utf-8");
    }

    @Test
    void applicationXmlCharsetWinsOverTheDeclaration() {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"koi8-r\"?>" + FEED).getBytes(Charset.forName("ISO-8859-2"));
        FeedDecoder.Decoded d = FeedDecoder.decode(bytes, "application/rss+xml; charset=ISO-8859-2");
        assertThat(d.encoding()).isEqualTo("iso-8859-2");
        assertThat(d.asString()).contains("Żółw");
        assertThat(d.problems()).isEmpty();
    }

    @Test
    void aNonXmlMediaTypeMakesTheFeedIllFormed() throws Exception {
        ParsedFeed feed = parser.parse(FEED.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8", null);
        assertThat(feed.title()).isEqualTo("Żółw café");
        assertThat(feed.illFormed()).isTrue();
        assertThat(feed.problems())
                .extracting(ParseProblem::message)
                .contains("the HTTP Content-Type text/plain; charset=utf-8 is not an XML media type");
    }

    @Test
    void undeclaredBytesThatAreNotUtf8AreGuessed() {
        byte[] koi8 = "<rss><channel><title>Пример RSS ленты для проверки кодировки</title></channel></rss>"
                .getBytes(Charset.forName("KOI8-R"));
        FeedDecoder.Decoded d = FeedDecoder.decode(koi8, null);
        assertThat(d.encoding()).isEqualTo("koi8-r");
        assertThat(d.asString()).contains("Пример RSS ленты");
        assertThat(d.problems())
                .extracting(ParseProblem::message)
                .containsExactly("the document declares no encoding and is not valid utf-8; decoded as koi8-r");
    }

    @Test
    void gb2312IsReadAsGb18030AsFeedparserDoes() {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"GB2312\"?><rss><channel><title>中文</title></channel></rss>")
                .getBytes(Charset.forName("GB2312"));
        FeedDecoder.Decoded d = FeedDecoder.decode(bytes, null);
        assertThat(d.encoding()).isEqualTo("gb18030");
        assertThat(d.asString()).contains("中文");
    }

    @Test
    void utf8DecodingAgreesWithTheJdkDecoderOnRandomBytesAndNotesEveryControlCharacter() {
        // printable ASCII runs (the eight-byte path), controls, tabs and line ends, valid multi-byte sequences,
        // U+FFFE/U+FFFF, and stray, truncated or overlong bytes, at every alignment
        Random r = new Random(12);
        int invalid = 0;
        int withControls = 0;
        for (int round = 0; round < 20_000; round++) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            int pieces = 1 + r.nextInt(12);
            for (int k = 0; k < pieces; k++) {
                switch (r.nextInt(10)) {
                    case 0, 1, 2, 3 -> {
                        int len = r.nextInt(40);
                        for (int i = 0; i < len; i++) {
                            bytes.write(0x20 + r.nextInt(0x60));
                        }
                    }
                    case 4 -> bytes.write(new int[] {'\t', '\n', '\r', 0, 1, 0x1F, 0x7F}[r.nextInt(7)]);
                    case 5 ->
                        bytes.writeBytes(new String(Character.toChars(0x80 + r.nextInt(0x7F0)))
                                .getBytes(StandardCharsets.UTF_8));
                    case 6 ->
                        bytes.writeBytes(new String(Character.toChars(
                                        new int[] {0x20AC, 0x2014, 0xFFFE, 0xFFFF, 0xE000, 0x1F600, 0x10FFFF}
                                                [r.nextInt(7)]))
                                .getBytes(StandardCharsets.UTF_8));
                    case 7 -> bytes.write(0x80 + r.nextInt(0x80));
                    case 8 -> bytes.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF});
                    default -> bytes.writeBytes(new byte[] {(byte) 0xE2, (byte) 0x82});
                }
            }
            byte[] b = bytes.toByteArray();
            int offset = b.length == 0 ? 0 : r.nextInt(Math.min(b.length, 3) + 1);
            String expected;
            try {
                expected = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b, offset, b.length - offset))
                        .toString();
            } catch (CharacterCodingException e) {
                expected = null;
            }
            char[] out = new char[b.length - offset];
            long result = FeedDecoder.decodeUtf8(b, offset, out);
            if (expected == null) {
                invalid++;
                assertThat(result).as("round %d", round).isEqualTo(-1);
                continue;
            }
            String decoded = new String(out, 0, (int) result);
            assertThat(decoded).as("round %d", round).isEqualTo(expected);
            boolean controls = expected.chars()
                    .anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF);
            withControls += controls ? 1 : 0;
            assertThat((result >>> 32) != 0)
                    .as("controls noted in round %d", round)
                    .isEqualTo(controls);
        }
        assertThat(invalid).isGreaterThan(1000);
        assertThat(withControls).isGreaterThan(500);
    }
}
