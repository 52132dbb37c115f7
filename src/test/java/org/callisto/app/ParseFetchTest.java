package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.callisto.planet.fetch.FixtureServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code callisto parse URL} fetches through the planet's fetcher: its address guard, redirect checks, body cap
 * and timeouts apply, set by the same {@code fetch.*} keys. Every server here listens on 127.0.0.1; the link-local
 * and private addresses are refused before any connection is made, so no packet leaves the machine.
 */
class ParseFetchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RSS =
            "<rss version=\"2.0\"><channel><title>Loopback</title>" + "<item><title>One</title></item></channel></rss>";

    @TempDir
    Path dir;

    @Test
    void refusesLoopbackByDefaultWithTheFetchersMessageAndSendsNothing() throws Exception {
        try (FixtureServer server = FixtureServer.start()) {
            server.route("/feed.xml").body(RSS);

            Cli.Run r = Cli.run("parse", server.url("/feed.xml").toString());

            assertThat(r.exit()).isEqualTo(1);
            assertThat(error(r))
                    .startsWith("refused to fetch " + server.url("/feed.xml"))
                    .contains("127.0.0.1, a loopback address; set fetch.allow_loopback = true");
            assertThat(server.totalRequests()).isZero();
        }
    }

    @Test
    void parsesALoopbackFeedWhenTheConfigurationAllowsIt() throws Exception {
        try (FixtureServer server = FixtureServer.start()) {
            server.route("/feed.xml").body(RSS).contentType("application/rss+xml");

            Cli.Run r = Cli.run("parse", "--config", config("fetch.allow_loopback = true"), url(server, "/feed.xml"));

            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            JsonNode line = JSON.readTree(r.out());
            assertThat(line.path("feed").path("title").asText()).isEqualTo("Loopback");
            assertThat(server.lastRequestHeader("/feed.xml", "User-Agent")).startsWith("Callisto/");
        }
    }

    @Test
    void refusesTheCloudMetadataAddressWithoutConnecting() {
        Cli.Run r = Cli.run("parse", "http://169.254.169.254/latest/meta-data/");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(error(r))
                .isEqualTo("refused to fetch http://169.254.169.254/latest/meta-data/: host 169.254.169.254 resolves"
                        + " to 169.254.169.254, a cloud metadata address, which is never fetched");
    }

    @Test
    void refusesRedirectsToInternalAddressesHopByHop() throws Exception {
        try (FixtureServer server = FixtureServer.start()) {
            server.route("/to-metadata").redirect(302, "http://169.254.169.254/latest/meta-data/");
            server.route("/to-private").redirect(301, "http://10.0.0.1/feed.xml");

            Cli.Run metadata =
                    Cli.run("parse", "--config", config("fetch.allow_loopback = true"), url(server, "/to-metadata"));
            Cli.Run privateNet =
                    Cli.run("parse", "--config", config("fetch.allow_loopback = true"), url(server, "/to-private"));

            assertThat(error(metadata))
                    .isEqualTo("refused to fetch http://169.254.169.254/latest/meta-data/: host 169.254.169.254"
                            + " resolves to 169.254.169.254, a cloud metadata address, which is never fetched");
            assertThat(error(privateNet))
                    .contains("refused to fetch http://10.0.0.1/feed.xml")
                    .contains("a private network address; set fetch.allow_private = true");
            assertThat(server.requests("/to-metadata")).isEqualTo(1);
        }
    }

    @Test
    void cutsAHugeBodyAtFetchMaxBody() throws Exception {
        try (FixtureServer server = FixtureServer.start()) {
            long gigabyte = 1L << 30;
            server.route("/declared.xml").generated(gigabyte, true);
            server.route("/chunked.xml").generated(gigabyte, false);
            String conf = config("fetch.allow_loopback = true\nfetch.max_body = 1MiB");

            Cli.Run declared = Cli.run("parse", "--config", conf, url(server, "/declared.xml"));
            Cli.Run chunked = Cli.run("parse", "--config", conf, url(server, "/chunked.xml"));

            assertThat(error(declared))
                    .isEqualTo("the body of " + url(server, "/declared.xml") + " is larger than the limit of 1 MiB;"
                            + " raise fetch.max_body if this feed is really that large");
            assertThat(error(chunked)).contains("is larger than the limit of 1 MiB; raise fetch.max_body");
        }
    }

    @Test
    void givesUpOnABodyOfOneBytePerSecondAtFetchTotalTimeout() throws Exception {
        try (FixtureServer server = FixtureServer.start()) {
            server.route("/slow.xml").slowBody(Duration.ofSeconds(1));
            String conf = config("fetch.allow_loopback = true\nfetch.total_timeout = 2s");

            Cli.Run r = Cli.run("parse", "--config", conf, url(server, "/slow.xml"));

            assertThat(error(r))
                    .isEqualTo("fetching " + url(server, "/slow.xml") + " did not finish within 2 s"
                            + " (fetch.total_timeout); the server is too slow");
        }
    }

    private String config(String lines) throws Exception {
        Path file = Files.createTempFile(dir, "callisto", ".conf");
        Files.writeString(file, lines + "\n");
        return file.toString();
    }

    private static String url(FixtureServer server, String path) {
        return server.url(path).toString();
    }

    /** The error of the one JSON line printed. */
    private static String error(Cli.Run r) {
        try {
            return JSON.readTree(r.out()).path("error").asText();
        } catch (Exception e) {
            throw new AssertionError("not one JSON line: " + r.out() + r.err(), e);
        }
    }
}
