package org.callisto.planet.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.callisto.planet.fetch.FetchResult.FetchError;
import org.callisto.planet.fetch.FetchResult.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NetworkFailureTest {

    private FeedFetcher fetcher;

    @BeforeEach
    void start() {
        fetcher = TestFetchers.fetcher();
    }

    @AfterEach
    void stop() {
        fetcher.close();
    }

    @Test
    void refusedConnectionIsAConnectError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + closedPort + "/feed.xml");

        FetchResult r = fetcher.fetch(new FetchRequest(url, null, null));

        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.error()).isEqualTo(FetchError.CONNECT);
        assertThat(r.status()).isZero();
        assertThat(r.message()).contains(url.toString()).contains("127.0.0.1:" + closedPort);
    }

    @Test
    void unresolvableHostIsADnsError() {
        URI url = URI.create("http://no-such-host.invalid/feed.xml");

        FetchResult r = fetcher.fetch(new FetchRequest(url, null, null));

        assertThat(r.error()).isEqualTo(FetchError.DNS);
        assertThat(r.message()).contains("no-such-host.invalid").contains("does not resolve");
    }

    @Test
    void nonHttpSchemeIsABadUrl() {
        FetchResult r = fetcher.fetch(new FetchRequest(URI.create("ftp://example.org/feed.xml"), null, null));

        assertThat(r.error()).isEqualTo(FetchError.BAD_URL);
        assertThat(r.message()).contains("ftp://example.org/feed.xml").contains("http://");
    }

    @Test
    void relativeUrlIsABadUrl() {
        FetchResult r = fetcher.fetch(new FetchRequest(URI.create("/feed.xml"), null, null));

        assertThat(r.error()).isEqualTo(FetchError.BAD_URL);
    }
}
