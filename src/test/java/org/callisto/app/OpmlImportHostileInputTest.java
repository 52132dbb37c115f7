package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code opml import} of files made to hurt: binary junk, an over-long URL, a huge title and many feeds. Each ends
 * with a plain message or a plain report; nothing of the XML parser or of Java shows through.
 */
class OpmlImportHostileInputTest {
    private static final String NO_JAVA = "(?s).*(java\\.|javax\\.|Exception|\\tat |\\[Fatal Error\\]).*";

    @TempDir
    Path dir;

    @Test
    void binaryInputIsRefusedWithItsPositionAndNoStrayParserOutput() throws Exception {
        Path file = dir.resolve("random.opml");
        byte[] junk = new byte[4096];
        new Random(11).nextBytes(junk);
        Files.write(file, junk);

        Cli.Run r = Cli.on(Cli.freshDatabase("sqlite"), "opml", "import", file.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .startsWith("callisto opml import: " + file + ":")
                .contains("not text: these bytes are not characters in the document's encoding");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.out() + r.err()).doesNotMatch(NO_JAVA);
    }

    @Test
    void anOverLongUrlIsSkippedWithItsLengthAndShownOnlyInPart() throws Exception {
        String longUrl = "https://example.org/" + "a".repeat(100_000);
        Path file = opml("<outline text=\"Long\" xmlUrl=\"" + longUrl + "\"/>"
                + "<outline text=\"Fine\" xmlUrl=\"https://fine.example.org/feed\"/>");
        String db = Cli.freshDatabase("sqlite");

        Cli.Run r = Cli.on(db, "opml", "import", file.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("1 added, 0 updated, 0 unchanged, 1 skipped")
                .contains("is too long: 100,020 characters, where a feed URL may have at most 2,048")
                .doesNotContain("a".repeat(100));
        assertThat(OpmlCommandTest.snapshot(db)).containsOnlyKeys("https://fine.example.org/feed");
    }

    @Test
    void feedsAddRefusesAnOverLongUrl() {
        Cli.Run r = Cli.on(Cli.freshDatabase("sqlite"), "feeds", "add", "https://example.org/" + "a".repeat(100_000));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("is too long: 100,020 characters").doesNotContain("a".repeat(100));
    }

    @Test
    void aHugeTitleIsPrintedShortened() throws Exception {
        Path file = dir.resolve("title.opml");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<opml version=\"2.0\"><head><title>");
            String chunk = "Planet ".repeat(1000);
            for (int i = 0; i < 1000; i++) { // about 7 MB of title
                w.write(chunk);
            }
            w.write("</title></head><body><outline text=\"A\" xmlUrl=\"https://a.example.org/feed\"/></body></opml>");
        }

        Cli.Run r = Cli.on(Cli.freshDatabase("sqlite"), "opml", "import", file.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .hasSizeLessThan(1000)
                .contains("1 added")
                .contains("(Planet Planet")
                .contains("…)");
    }

    private Path opml(String outlines) throws Exception {
        Path file = dir.resolve("subs.opml");
        Files.writeString(
                file,
                "<opml version=\"2.0\"><head><title>T</title></head><body>" + outlines + "</body></opml>",
                StandardCharsets.UTF_8);
        return file;
    }
}
