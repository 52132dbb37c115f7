package org.callisto.planet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomly damaged real feeds (fixed seed, so failures reproduce): truncation, deleted ranges, inserted markup
 * characters and bytes. The parser must either return a feed or throw {@link FeedParseException}; any other
 * exception is a bug.
 */
class MutatedInputTest {
    private static final String[] SAMPLES = {
        "rome/rome/src/test/resources/rss_2.0.xml",
        "rome/rome/src/test/resources/rss_1.0.xml",
        "rome/rome/src/test/resources/atom_1.0.xml",
        "rome/rome/src/test/resources/atom_0.3.xml",
        "rome/rome/src/test/resources/rss_0.91U.xml",
        "miniflux/internal/reader/parser/testdata/small_atom.xml",
        "miniflux/internal/reader/encoding/testdata/koi8r.xml",
        "podcast-namespace/example.xml",
        "gofeed/testdata/translator/json/json11_full.json",
    };
    private static final String[] INSERTS = {
        "<",
        ">",
        "&",
        "&#",
        "&#x;",
        "\"",
        "'",
        "]]>",
        "<![CDATA[",
        "<!--",
        "</",
        "/>",
        "<?xml",
        "<!DOCTYPE x [",
        "\u0000",
        "\uFFFF",
        "xmlns:a=",
        " xml:base=\"::\"",
        "=",
        "{",
        "}",
        "\"2024-"
    };

    @Test
    void damagedFeedsNeverThrowAnythingButFeedParseException() {
        FeedParser parser = new FeedParser();
        Random random = new Random(20261122);
        List<String> bugs = new ArrayList<>();
        int parsed = 0;
        int rejected = 0;
        for (String sample : SAMPLES) {
            byte[] original = Corpora.bytes(sample);
            for (int round = 0; round < 300; round++) {
                byte[] damaged = mutate(original, random);
                try {
                    parser.parse(
                            damaged,
                            round % 7 == 0 ? "text/xml; charset=iso-8859-1" : null,
                            round % 3 == 0 ? "http://example.org/a/b" : null);
                    parsed++;
                } catch (FeedParseException e) {
                    rejected++;
                } catch (RuntimeException | StackOverflowError e) {
                    bugs.add(sample + " round " + round + ": " + e);
                }
            }
        }
        System.out.println("mutated inputs: " + parsed + " parsed, " + rejected + " rejected as not feeds");
        assertThat(bugs).isEmpty();
        assertThat(parsed).isGreaterThan(rejected);
    }

    private static byte[] mutate(byte[] original, Random r) {
        StringBuilder s = new StringBuilder(new String(original, StandardCharsets.ISO_8859_1));
        int edits = 1 + r.nextInt(6);
        for (int e = 0; e < edits && s.length() > 0; e++) {
            int at = r.nextInt(s.length());
            switch (r.nextInt(4)) {
                case 0 -> s.setLength(at);
                case 1 -> s.delete(at, Math.min(s.length(), at + 1 + r.nextInt(40)));
                case 2 -> s.insert(at, INSERTS[r.nextInt(INSERTS.length)]);
                default -> s.setCharAt(at, (char) r.nextInt(256));
            }
        }
        return s.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
