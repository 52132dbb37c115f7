package org.callisto.planet.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.Deflater;
import org.callisto.planet.fetch.FetchResult.FetchError;
import org.callisto.planet.fetch.FetchResult.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompressionTest {

    private static final String FEED =
            "<rss version=\"2.0\"><channel><title>compressed</title></channel></rss>".repeat(50);

    private FixtureServer server;
    private FeedFetcher fetcher;

    @BeforeEach
    void start() {
        server = FixtureServer.start();
        fetcher = TestFetchers.fetcher(Map.of("fetch.max_body", "1MiB"));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void gzipBodyIsDecoded() {
        server.route("/feed.xml").body(FEED).gzip();

        FetchResult r = fetcher.fetch(new FetchRequest(server.url("/feed.xml"), null, null));

        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
        assertThat(server.lastRequestHeader("/feed.xml", "Accept-Encoding"))
                .contains("gzip")
                .contains("deflate");
    }

    @Test
    void zlibDeflateBodyIsDecoded() {
        server.route("/feed.xml").body(FEED).deflate();

        FetchResult r = fetcher.fetch(new FetchRequest(server.url("/feed.xml"), null, null));

        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
    }

    @Test
    void rawDeflateBodyIsDecoded() {
        byte[] input = FEED.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(input);
        deflater.finish();
        byte[] buffer = new byte[input.length + 64];
        int n = deflater.deflate(buffer);
        deflater.end();
        server.route("/feed.xml").body(java.util.Arrays.copyOf(buffer, n)).header("Content-Encoding", "deflate");

        FetchResult r = fetcher.fetch(new FetchRequest(server.url("/feed.xml"), null, null));

        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
    }

    @Test
    void gzipBombIsRefusedQuicklyByTheDecompressedCap() {
        byte[] bomb = FixtureServer.gzip(new byte[10 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(64 * 1024);
        server.route("/bomb.xml").body(bomb).header("Content-Encoding", "gzip");

        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();

        FetchResult r = fetcher.fetch(new FetchRequest(server.url("/bomb.xml"), null, null));

        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        assertThat(allocated).as("bytes allocated while reading the bomb").isLessThan(8L * 1024 * 1024);
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.error()).isEqualTo(FetchError.TOO_LARGE);
        assertThat(r.message())
                .contains("1 MiB")
                .contains(server.url("/bomb.xml").toString())
                .contains("decompressed");
        assertThat(r.body()).isNull();
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void corruptGzipIsADecodingError() {
        server.route("/feed.xml").body("this is not gzip at all").header("Content-Encoding", "gzip");

        FetchResult r = fetcher.fetch(new FetchRequest(server.url("/feed.xml"), null, null));

        assertThat(r.error()).isEqualTo(FetchError.DECODING);
        assertThat(r.message()).contains(server.url("/feed.xml").toString());
    }
}
