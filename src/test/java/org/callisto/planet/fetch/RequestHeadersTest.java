package org.callisto.planet.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestHeadersTest {

    @Test
    void userAgentNamesCallistoAndTheSite() {
        try (FixtureServer server = FixtureServer.start();
                FeedFetcher fetcher = TestFetchers.fetcher()) {
            server.route("/feed.xml").body("<rss/>");

            fetcher.fetch(new FetchRequest(server.url("/feed.xml"), null, null));

            assertThat(server.lastRequestHeader("/feed.xml", "User-Agent"))
                    .startsWith("Callisto/")
                    .contains("https://planet.example.org/");
        }
    }

    @Test
    void acceptPrefersFeedFormats() {
        try (FixtureServer server = FixtureServer.start();
                FeedFetcher fetcher = TestFetchers.fetcher()) {
            server.route("/feed.xml").body("<rss/>");

            fetcher.fetch(new FetchRequest(server.url("/feed.xml"), null, null));

            String accept = server.lastRequestHeader("/feed.xml", "Accept");
            assertThat(accept)
                    .startsWith("application/atom+xml, application/rss+xml, application/feed+json")
                    .contains("*/*;q=0.5");
        }
    }

    @Test
    void noConditionalHeadersWithoutValidators() {
        try (FixtureServer server = FixtureServer.start();
                FeedFetcher fetcher = TestFetchers.fetcher()) {
            server.route("/feed.xml").body("<rss/>");

            fetcher.fetch(new FetchRequest(server.url("/feed.xml"), null, null));

            assertThat(server.lastRequestHeader("/feed.xml", "If-None-Match")).isNull();
            assertThat(server.lastRequestHeader("/feed.xml", "If-Modified-Since"))
                    .isNull();
        }
    }
}
