package org.callisto.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpmlReaderTest {

    private static OpmlDocument read(String xml) throws OpmlException {
        return new OpmlReader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsFeedsWithTheCategoryAttribute() throws Exception {
        OpmlDocument doc = read("""
                <?xml version="1.0"?>
                <opml version="2.0"><head><title>Planet BSD</title></head><body>
                <outline type="rss" text="Alice" title="Alice" xmlUrl="https://a.example.org/feed" htmlUrl="https://a.example.org/" category="FreeBSD,OpenBSD"/>
                <outline type="rss" text="Bob" xmlUrl="https://b.example.org/rss"/>
                </body></opml>""");
        assertThat(doc.title()).isEqualTo("Planet BSD");
        assertThat(doc.subscriptions())
                .containsExactly(
                        new OpmlSubscription(
                                "https://a.example.org/feed",
                                "Alice",
                                "https://a.example.org/",
                                List.of("FreeBSD", "OpenBSD"),
                                3),
                        new OpmlSubscription("https://b.example.org/rss", "Bob", null, List.of(), 4));
        assertThat(doc.skipped()).isEmpty();
    }

    @Test
    void nestedFoldersBecomeCategoriesAndRepeatedFeedsMerge() throws Exception {
        OpmlDocument doc;
        try (InputStream in = getClass().getResourceAsStream("/opml/nested-folders.opml")) {
            doc = new OpmlReader().read(in);
        }
        assertThat(doc.title()).isEqualTo("Subscriptions from a feed reader");
        assertThat(doc.subscriptions())
                .extracting(OpmlSubscription::xmlUrl)
                .containsExactly(
                        "https://www.freebsd.example.org/news/rss.xml",
                        "https://undeadly.example.org/cgi?action=rss&full=yes",
                        "https://lwn.example.net/headlines/newrss",
                        "gopher://gopher.example.org/1/news",
                        "https://unfiled.example.com/feed");
        assertThat(doc.subscriptions().get(0).categories()).containsExactly("BSD", "FreeBSD", "Linux");
        assertThat(doc.subscriptions().get(0).htmlUrl()).isEqualTo("https://www.freebsd.example.org/");
        assertThat(doc.subscriptions().get(1).categories()).containsExactly("BSD", "OpenBSD");
        assertThat(doc.subscriptions().get(1).name()).isEqualTo("undeadly");
        assertThat(doc.subscriptions().get(2).categories()).containsExactly("Linux", "News", "Kernel");
        assertThat(doc.subscriptions().get(4).categories()).isEmpty();
        assertThat(doc.skipped()).singleElement().asString().contains("line 20").contains("'Empty bookmark'");
    }

    @Test
    void refusesExternalEntitiesWithoutReadingTheFile(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE opml [ <!ENTITY xxe SYSTEM "%s"> <!ENTITY pw SYSTEM "file:///etc/passwd"> ]>
                <opml version="2.0"><head><title>&xxe;&pw;</title></head><body>
                <outline type="rss" text="&xxe;" xmlUrl="https://a.example.org/&pw;"/>
                </body></opml>""".formatted(secret.toUri());
        assertThatThrownBy(() -> read(xxe))
                .isInstanceOf(OpmlException.class)
                .hasMessageStartingWith("2:")
                .hasMessageContaining("DTD")
                .hasMessageNotContaining("TOP-SECRET")
                .hasMessageNotContaining("root:");
    }

    @Test
    void refusesAnExternalDtd() {
        String external = """
                <?xml version="1.0"?>
                <!DOCTYPE opml SYSTEM "file:///etc/passwd">
                <opml version="2.0"><body/></opml>""";
        assertThatThrownBy(() -> read(external))
                .isInstanceOf(OpmlException.class)
                .hasMessageContaining("DTD")
                .hasMessageNotContaining("root:");
    }

    @Test
    void refusesBillionLaughsQuickly() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE opml [ <!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 12; i++) {
            dtd.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>");
        String bomb = "<?xml version=\"1.0\"?>\n" + dtd + "\n<opml version=\"2.0\"><head><title>&lol12;</title></head>"
                + "<body><outline text=\"&lol12;\" xmlUrl=\"https://a.example.org/\"/></body></opml>";
        long start = System.nanoTime();
        assertThatThrownBy(() -> read(bomb)).isInstanceOf(OpmlException.class).hasMessageContaining("DTD");
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }

    @Test
    void anUndefinedEntityIsAnErrorWithItsPosition() {
        assertThatThrownBy(
                        () -> read(
                                "<opml version=\"2.0\"><body>\n  <outline text=\"&nope;\" xmlUrl=\"https://a/\"/></body></opml>"))
                .isInstanceOf(OpmlException.class)
                .hasMessageStartingWith("2:")
                .hasMessageContaining("nope");
    }

    @Test
    void aFeedIsNotOpml() {
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>"))
                .isInstanceOf(OpmlException.class)
                .hasMessageStartingWith("2:")
                .hasMessageContaining("the root element is <rss>, not <opml>")
                .hasMessageContaining("callisto feeds add");
    }

    @Test
    void brokenXmlGivesLineAndColumn() {
        assertThatThrownBy(() -> read(
                        "<opml version=\"2.0\">\n<body>\n<outline text=\"a\" xmlUrl=\"https://a/\">\n</body></opml>"))
                .isInstanceOf(OpmlException.class)
                .satisfies(e -> {
                    OpmlException o = (OpmlException) e;
                    assertThat(o.line()).isEqualTo(4);
                    assertThat(o.column()).isPositive();
                    assertThat(o.getMessage())
                            .startsWith("4:" + o.column() + ": not well-formed XML")
                            .doesNotContain("ParseError");
                });
    }

    @Test
    void plainTextIsNotOpml() {
        assertThatThrownBy(() -> read("https://a.example.org/feed\nhttps://b.example.org/feed\n"))
                .isInstanceOf(OpmlException.class)
                .hasMessageStartingWith("1:")
                .hasMessageContaining("not well-formed XML");
    }

    @Test
    void anEmptyDocumentIsNotOpml() {
        assertThatThrownBy(() -> read("")).isInstanceOf(OpmlException.class).hasMessageStartingWith("1:");
    }

    @Test
    void readsTheEncodingItsDeclarationNamesOrItsByteOrderMark() throws Exception {
        String body = "<opml version=\"2.0\"><head><title>Café Ærø</title></head><body/></opml>";
        byte[] latin1 =
                ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + body).getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf8Bom = ("\uFEFF" + body).getBytes(StandardCharsets.UTF_8);
        byte[] utf16 = ("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + body).getBytes(StandardCharsets.UTF_16LE);

        for (byte[] bytes : List.of(latin1, utf8Bom, utf16)) {
            assertThat(new OpmlReader().read(new ByteArrayInputStream(bytes)).title())
                    .isEqualTo("Café Ærø");
        }
    }

    @Test
    void bytesThatAreNotTextAreRefusedWithTheirPositionAndNothingIsPrinted() {
        byte[] bytes = "<opml version=\"2.0\"><head><title>ok \u00ff\u00fe\u00fd</title></head></opml>"
                .getBytes(StandardCharsets.ISO_8859_1); // ISO-8859-1 bytes in a document read as UTF-8
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        try {
            System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
            assertThatThrownBy(() -> new OpmlReader().read(new ByteArrayInputStream(bytes)))
                    .isInstanceOf(OpmlException.class)
                    .hasMessageStartingWith("1:")
                    .hasMessageContaining("these bytes are not characters in the document's encoding");
        } finally {
            System.setErr(original);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anUnknownDeclaredEncodingIsNamed() {
        byte[] bytes = "<?xml version=\"1.0\" encoding=\"x-klingon\"?><opml/>".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> new OpmlReader().read(new ByteArrayInputStream(bytes)))
                .hasMessage("1:1: the XML declaration names the encoding 'x-klingon', which is not known; save the"
                        + " file as UTF-8");
    }
}
