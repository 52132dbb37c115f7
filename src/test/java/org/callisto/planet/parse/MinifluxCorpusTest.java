package org.callisto.planet.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Miniflux's encoding, xml and parser test data: each file must decode to the text miniflux's own tests expect
 * ({@code Café}, {@code Euro €}, {@code Пример RSS ленты}, {@code Anaïs}/{@code Jürgen}), lying declarations included,
 * and every parser sample must parse.
 */
class MinifluxCorpusTest {
    private static final String ENCODING = "miniflux/internal/reader/encoding/testdata/";
    private final FeedParser parser = new FeedParser();

    @ParameterizedTest(name = "{0} decodes to {1}")
    @CsvSource({
        "utf8.xml,                          Café,             utf-8,        false",
        "utf8-incorrect-prolog.xml,         Café,             utf-8,        true",
        "iso-8859-1.xml,                    Café,             iso-8859-1,   false",
        "invalid-prolog.xml,                Café,             utf-8,        true",
        "windows-1252.xml,                  Euro €,           windows-1252, false",
        "windows-1252-incorrect-prolog.xml, Euro €,           utf-8,        true",
        "koi8r.xml,                         Пример RSS ленты, koi8-r,       false",
    })
    void feedsDecodeDespiteLyingDeclarations(String file, String expected, String encoding, boolean corrected)
            throws Exception {
        ParsedFeed feed = parser.parse(Corpora.bytes(ENCODING + file), null, null);
        String titles = feed.title() + " "
                + feed.entries().stream().map(ParsedEntry::title).toList();
        assertThat(titles).contains(expected);
        assertThat(feed.encoding()).isEqualTo(encoding);
        assertThat(feed.illFormed()).isEqualTo(corrected);
        if (corrected) {
            assertThat(feed.problems())
                    .anyMatch(p -> p.line() == 0 && p.message().contains("decoded as")
                            || p.message().contains("tried UTF-8"));
        }
    }

    @ParameterizedTest(name = "{0} decodes to Café and is rejected as HTML")
    @CsvSource({"utf8.html", "iso-8859-1.html", "utf8-meta-after-1024.html", "iso-8859-1-meta-after-1024.html"})
    void htmlPagesDecodeButAreNotFeeds(String file) {
        byte[] bytes = Corpora.bytes(ENCODING + file);
        assertThat(FeedDecoder.decode(bytes, null).asString()).contains("Café");
        assertThatThrownBy(() -> parser.parse(bytes, "text/html", null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("HTML page");
    }

    @Test
    void httpCharsetWinsOverTheXmlDeclaration() throws Exception {
        byte[] bytes = Corpora.bytes(ENCODING + "iso-8859-1.xml");
        ParsedFeed feed = parser.parse(bytes, "application/rss+xml; charset=\"ISO-8859-1\"", null);
        assertThat(feed.title()).isEqualTo("Café");
    }

    @ParameterizedTest(name = "xml/testdata/{0}")
    @CsvSource({"iso88591.xml", "iso88591_utf8_mismatch.xml"})
    void latin1NotesDecode(String file) {
        String text = FeedDecoder.decode(Corpora.bytes("miniflux/internal/reader/xml/testdata/" + file), null)
                .asString();
        assertThat(text).contains("<to>Anaïs</to>").contains("<from>Jürgen</from>");
    }

    @Test
    void koi8rNoteDecodes() {
        String text = FeedDecoder.decode(Corpora.bytes("miniflux/internal/reader/xml/testdata/koi8r.xml"), null)
                .asString();
        assertThat(text).doesNotContain("\uFFFD").containsPattern("[А-Яа-я]{3,}");
    }

    @Test
    void parserSamplesAllParse() throws Exception {
        List<Path> files = Corpora.files("miniflux/internal/reader/parser/testdata", ".xml");
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        for (Path f : files) {
            ParsedFeed feed = parser.parse(Files.readAllBytes(f), null, "https://example.org/feed");
            assertThat(feed.title()).as(f.getFileName().toString()).isNotBlank();
            assertThat(feed.entries()).as(f.getFileName().toString()).isNotEmpty();
            assertThat(feed.entries().stream().map(ParsedEntry::title).filter(t -> t != null && t.contains("\uFFFD")))
                    .as(f + ": titles with undecodable characters")
                    .isEmpty();
            System.out.println("miniflux " + f.getFileName() + ": " + feed.format() + ", " + feed.encoding() + ", "
                    + feed.entries().size() + " entries, illFormed=" + feed.illFormed());
        }
    }
}
