package org.callisto.planet.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.callisto.planet.fetch.FetchResult.FetchError;
import org.callisto.planet.fetch.FetchResult.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SsrfGuardTest {

    private FixtureServer server;

    @BeforeEach
    void start() {
        server = FixtureServer.start();
        server.route("/feed.xml").body("<rss/>");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static FetchResult fetch(Map<String, String> config, URI url) {
        try (FeedFetcher fetcher = TestFetchers.fetcher(config)) {
            return fetcher.fetch(new FetchRequest(url, null, null));
        }
    }

    @Test
    void loopbackAddressIsBlockedByDefaultAndNoRequestIsSent() {
        FetchResult r = fetch(Map.of("fetch.allow_loopback", "false"), server.url("/feed.xml"));

        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.error()).isEqualTo(FetchError.BLOCKED_ADDRESS);
        assertThat(r.message())
                .contains("127.0.0.1")
                .contains("loopback")
                .contains("fetch.allow_loopback")
                .contains(server.url("/feed.xml").toString());
        assertThat(server.totalRequests()).isZero();
    }

    @Test
    void localhostNameIsCheckedAfterResolution() {
        URI url = URI.create("http://localhost:" + server.port() + "/feed.xml");

        FetchResult r = fetch(Map.of("fetch.allow_loopback", "false"), url);

        assertThat(r.error()).isEqualTo(FetchError.BLOCKED_ADDRESS);
        assertThat(r.message()).contains("host localhost resolves to").contains("fetch.allow_loopback");
        assertThat(server.totalRequests()).isZero();
    }

    @Test
    void loopbackIsFetchedWhenAllowed() {
        FetchResult r = fetch(Map.of("fetch.allow_loopback", "true"), server.url("/feed.xml"));

        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(server.requests("/feed.xml")).isEqualTo(1);
    }

    @Test
    void metadataAddressIsBlockedEvenWithLoopbackAllowed() {
        FetchResult r = fetch(Map.of("fetch.allow_loopback", "true"), URI.create("http://169.254.169.254/"));

        assertThat(r.error()).isEqualTo(FetchError.BLOCKED_ADDRESS);
        assertThat(r.message()).contains("169.254.169.254");
    }

    @Test
    void metadataAddressIsBlockedEvenWithPrivateAllowed() {
        FetchResult r =
                fetch(Map.of("fetch.allow_private", "true"), URI.create("http://169.254.169.254/latest/meta-data"));

        assertThat(r.error()).isEqualTo(FetchError.BLOCKED_ADDRESS);
        assertThat(r.message()).contains("never fetched");
    }

    @Test
    void privateAddressNamesTheSettingToChange() {
        FetchResult r = fetch(Map.of(), URI.create("http://10.1.2.3/feed.xml"));

        assertThat(r.error()).isEqualTo(FetchError.BLOCKED_ADDRESS);
        assertThat(r.message()).contains("10.1.2.3").contains("private").contains("fetch.allow_private");
    }

    @Test
    void ipv4MappedLoopbackIsBlocked() {
        URI url = URI.create("http://[::ffff:127.0.0.1]:" + server.port() + "/feed.xml");

        FetchResult r = fetch(Map.of("fetch.allow_loopback", "false"), url);

        assertThat(r.error()).isEqualTo(FetchError.BLOCKED_ADDRESS);
        assertThat(server.totalRequests()).isZero();
    }

    @Test
    void redirectToMetadataIsBlockedOnTheHop() {
        server.route("/evil.xml").redirect(302, "http://169.254.169.254/latest/meta-data");

        FetchResult r = fetch(Map.of("fetch.allow_loopback", "true"), server.url("/evil.xml"));

        assertThat(r.error()).isEqualTo(FetchError.BLOCKED_ADDRESS);
        assertThat(r.message()).contains("169.254.169.254");
        assertThat(r.finalUrl()).isEqualTo(URI.create("http://169.254.169.254/latest/meta-data"));
        assertThat(server.requests("/evil.xml")).isEqualTo(1);
    }

    @Test
    void unspecifiedAddressIsBlocked() {
        URI url = URI.create("http://0.0.0.0:" + server.port() + "/feed.xml");

        FetchResult r = fetch(Map.of("fetch.allow_loopback", "true", "fetch.allow_private", "true"), url);

        assertThat(r.error()).isEqualTo(FetchError.BLOCKED_ADDRESS);
        assertThat(server.totalRequests()).isZero();
    }
}
