package org.callisto.planet.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.callisto.planet.fetch.FetchResult.FetchError;
import org.callisto.planet.fetch.FetchResult.Outcome;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TlsTest {

    private static FixtureServer server;

    @BeforeAll
    static void start() {
        server = FixtureServer.startTls();
        server.route("/feed.xml").body("<rss>secure</rss>").gzip();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void untrustedCertificateIsATlsError() {
        try (FeedFetcher fetcher = TestFetchers.fetcher()) {
            int requestsBefore = server.totalRequests();

            FetchResult r = fetcher.fetch(new FetchRequest(server.url("/feed.xml"), null, null));

            assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(r.error()).isEqualTo(FetchError.TLS);
            assertThat(r.message())
                    .contains("TLS")
                    .contains("not signed by a trusted authority")
                    .contains(server.url("/feed.xml").toString());
            assertThat(server.totalRequests()).isEqualTo(requestsBefore);
        }
    }

    @Test
    void trustedServerIsFetchedOverTlsWithAlpnFallbackToHttp11() {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setTrustStore(FixtureServer.trustStore());
        try (FeedFetcher fetcher = new FeedFetcher(TestFetchers.config(Map.of()), tls, Clock.systemUTC())) {
            FetchResult r = fetcher.fetch(new FetchRequest(server.url("/feed.xml"), null, null));

            assertThat(r.outcome()).isEqualTo(Outcome.OK);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<rss>secure</rss>");
        }
    }
}
