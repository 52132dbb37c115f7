package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands refuse inputs too large for them, from files (a sparse 1 GiB file, made in an instant and taking no
 * disk), devices ({@code /dev/zero}) and standard input alike, with a message naming the input, the limit and what
 * raises it; and no failure shows a stack trace or a Java class name.
 */
class CommandInputLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_JAVA = "(?s).*(java\\.|javax\\.|Exception|Error:|\\tat |\\[Fatal Error\\]).*";

    @TempDir
    Path dir;

    @Test
    void parseRefusesFilesDevicesAndStandardInputLargerThanFetchMaxBody() throws Exception {
        Path huge = sparse("huge.xml", 1L << 30);

        Cli.Run file = Cli.run("parse", huge.toString());
        Cli.Run zero = Cli.run("parse", "/dev/zero");
        Cli.Run stdin = withStdin(new FileInputStream("/dev/zero"), () -> Cli.run("parse", "-"));

        assertThat(error(file))
                .isEqualTo(huge + " is larger than 15 MiB, the most this command reads; raise fetch.max_body (in"
                        + " callisto.conf, or CALLISTO_FETCH_MAX_BODY) to read it");
        assertThat(error(zero)).startsWith("/dev/zero is larger than 15 MiB").contains("raise fetch.max_body");
        assertThat(error(stdin))
                .startsWith("standard input is larger than 15 MiB")
                .contains("raise fetch.max_body");
        for (Cli.Run r : new Cli.Run[] {file, zero, stdin}) {
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out() + r.err()).doesNotMatch(NO_JAVA);
        }
    }

    @Test
    void parseTakesItsLimitFromTheConfiguration() throws Exception {
        Path feed = dir.resolve("feed.xml");
        Files.writeString(
                feed, "<rss version=\"2.0\"><channel><title>" + "x".repeat(2000) + "</title></channel></rss>");
        Path conf = dir.resolve("small.conf");
        Files.writeString(conf, "fetch.max_body = 1KiB\n");

        Cli.Run r = Cli.run("parse", "--config", conf.toString(), feed.toString());

        assertThat(error(r)).startsWith(feed + " is larger than 1 KiB").contains("raise fetch.max_body");
    }

    @Test
    void parseSaysWhatIsWrongWithAMissingFileOrADirectoryWithoutJavaNames() throws Exception {
        Cli.Run missing = Cli.run("parse", dir.resolve("missing.xml").toString());
        Cli.Run directory = Cli.run("parse", dir.toString());

        assertThat(error(missing)).isEqualTo(dir.resolve("missing.xml") + " does not exist; check the path");
        assertThat(error(directory)).isEqualTo(dir + " is a directory; give the path of a file");
        assertThat(missing.out() + missing.err() + directory.out() + directory.err())
                .doesNotMatch(NO_JAVA);
    }

    @Test
    void htmlRefusesOversizedInputNamingTheFlagThatRaisesTheLimit() throws Exception {
        Path huge = sparse("huge.html", 1L << 30);

        Cli.Run file = Cli.run("html", "sanitize", huge.toString());
        Cli.Run stdin = withStdin(new FileInputStream("/dev/zero"), () -> Cli.run("html", "sanitize", "-"));
        Cli.Run validate = Cli.run("html", "validate", "/dev/zero");
        Cli.Run raised = withStdin(
                new ByteArrayInputStream("<b>bold</b>".repeat(200).getBytes(StandardCharsets.UTF_8)),
                () -> Cli.run("html", "sanitize", "--max-size", "1KiB", "-"));

        assertThat(file.err())
                .isEqualTo("html sanitize: " + huge + " is larger than 4 MiB, the most this command reads; raise"
                        + " the --max-size flag to read it\n");
        assertThat(stdin.err()).startsWith("html sanitize: standard input is larger than 4 MiB");
        assertThat(validate.err()).startsWith("html validate: /dev/zero is larger than 4 MiB");
        assertThat(raised.err()).startsWith("html sanitize: standard input is larger than 1 KiB");
        for (Cli.Run r : new Cli.Run[] {file, stdin, validate, raised}) {
            assertThat(r.exit()).isEqualTo(HtmlCommand.UNREADABLE);
            assertThat(r.out() + r.err()).doesNotMatch(NO_JAVA);
        }
    }

    @Test
    void htmlSaysAMissingFileDoesNotExistWithoutJavaNames() {
        Cli.Run r = Cli.run("html", "sanitize", dir.resolve("nope.html").toString());

        assertThat(r.err())
                .isEqualTo("html sanitize: " + dir.resolve("nope.html") + " does not exist; check the path\n");
    }

    @Test
    void importsRefuseFilesLargerThanTheirMaxSize() throws Exception {
        Path opml = sparse("huge.opml", 1L << 30);
        Path ini = sparse("config.ini", 1L << 30);
        String db = Cli.freshDatabase("sqlite");

        Cli.Run opmlRun = Cli.on(db, "opml", "import", opml.toString());
        Cli.Run zero = Cli.on(db, "opml", "import", "/dev/zero");
        Cli.Run venus = Cli.on(db, "import-venus", ini.toString());
        Cli.Run badFlag = Cli.on(db, "import-venus", "--max-size", "lots", ini.toString());

        assertThat(opmlRun.err())
                .isEqualTo("callisto opml import: " + opml
                        + " is larger than 64 MiB, the most this command reads; raise the"
                        + " --max-size flag to read it\n");
        assertThat(zero.err()) // refused at its first byte, long before any limit
                .startsWith("callisto opml import: /dev/zero:1:1: not well-formed XML: Content is not allowed in"
                        + " prolog; an OPML file is");
        assertThat(venus.err()).startsWith("callisto import-venus: " + ini + " is larger than 64 MiB");
        assertThat(badFlag.err()).contains("'lots' is not a size; write a number with a unit: 512KiB, 64MiB, 1GiB");
        for (Cli.Run r : new Cli.Run[] {opmlRun, zero, venus}) {
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out() + r.err()).doesNotMatch(NO_JAVA);
        }
    }

    @Test
    void showChaptersRefusesADeviceThatNeverEnds() {
        Cli.Run r = Cli.on(Cli.freshDatabase("sqlite"), "show", "chapters", "7", "/dev/zero");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo("callisto show chapters: episode 7 chapters /dev/zero: /dev/zero is larger than 4 MiB, the"
                        + " most this command reads; shorten it\n");
    }

    /** A file of {@code size} bytes that takes no disk space: its length is set, nothing is written. */
    private Path sparse(String name, long size) throws Exception {
        Path file = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        return file;
    }

    private static Cli.Run withStdin(InputStream in, Supplier<Cli.Run> run) throws Exception {
        InputStream original = System.in;
        try (in) {
            System.setIn(in);
            return run.get();
        } finally {
            System.setIn(original);
        }
    }

    private static String error(Cli.Run r) {
        try {
            return JSON.readTree(r.out()).path("error").asText();
        } catch (Exception e) {
            throw new AssertionError("not one JSON line: " + r.out() + r.err(), e);
        }
    }
}
