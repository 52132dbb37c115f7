package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.callisto.planet.fetch.FixtureServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code callisto parse URL} decodes by the response's real Content-Type (RFC 3023) and resolves relative links
 * against its Content-Location, as the planet does; {@code --content-type} gives a file the same reading.
 */
class ParseEncodingOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Latin-1 bytes with no XML declaration: only the header says what they are. */
    private static final byte[] LATIN1 = ("<rss version=\"2.0\"><channel><title>Café</title>"
                    + "<item><title>Crème</title><link>posts/1</link></item></channel></rss>")
            .getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path dir;

    @Test
    void theHeaderCharsetAndContentLocationAreUsedOverHttp() throws Exception {
        try (FixtureServer server = FixtureServer.start()) {
            server.route("/feed")
                    .body(LATIN1)
                    .contentType("application/rss+xml; charset=ISO-8859-1")
                    .header("Content-Location", "/archive/2024/feed.xml");

            Cli.Run r =
                    Cli.run("parse", "--config", config(), server.url("/feed").toString());

            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            JsonNode line = JSON.readTree(r.out());
            assertThat(line.path("encoding").asText()).isEqualTo("iso-8859-1");
            assertThat(line.path("bozo").asInt()).as(line.toString()).isEqualTo(0);
            assertThat(line.path("feed").path("title").asText()).isEqualTo("Café");
            assertThat(line.path("entries").get(0).path("link").asText())
                    .isEqualTo(server.url("/archive/2024/posts/1").toString());
        }
    }

    @Test
    void textXmlWithoutCharsetOverHttpIsUsAsciiAndIllFormedWhenTheBytesAreNot() throws Exception {
        try (FixtureServer server = FixtureServer.start()) {
            server.route("/feed").body(LATIN1).contentType("text/xml");

            Cli.Run r =
                    Cli.run("parse", "--config", config(), server.url("/feed").toString());

            JsonNode line = JSON.readTree(r.out());
            assertThat(line.path("bozo").asInt()).isEqualTo(1);
            assertThat(line.path("problems").toString()).contains("declared as us-ascii by the HTTP Content-Type");
            assertThat(line.path("feed").path("title").asText()).isEqualTo("Café");
        }
    }

    @Test
    void contentTypeOptionSimulatesTheHeaderForAFile() throws Exception {
        Path file = dir.resolve("feed.xml");
        Files.write(file, LATIN1);

        Cli.Run plain = Cli.run("parse", file.toString());
        Cli.Run declared = Cli.run("parse", "--content-type", "text/xml; charset=iso-8859-1", file.toString());

        JsonNode guessed = JSON.readTree(plain.out());
        assertThat(guessed.path("bozo").asInt()).isEqualTo(1);
        assertThat(guessed.path("problems").toString()).contains("declares no encoding and is not valid utf-8");
        JsonNode told = JSON.readTree(declared.out());
        assertThat(told.path("encoding").asText()).isEqualTo("iso-8859-1");
        assertThat(told.path("bozo").asInt()).isEqualTo(0);
        assertThat(told.path("feed").path("title").asText()).isEqualTo("Café");
    }

    private String config() throws Exception {
        Path file = Files.createTempFile(dir, "callisto", ".conf");
        Files.writeString(file, "fetch.allow_loopback = true\n");
        return file.toString();
    }
}
