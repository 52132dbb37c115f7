package org.callisto.planet.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.callisto.planet.fetch.FetchResult.Outcome;
import org.junit.jupiter.api.Test;

class ConditionalGetTest extends LoopbackFetchTest {

    private static final String LAST_MODIFIED = "Sat, 21 Nov 2026 10:00:00 GMT";

    @Test
    void okAnswerCarriesBodyContentTypeAndValidators() {
        server.route("/feed.xml")
                .corpusFile("podcast-namespace/example.xml")
                .contentType("application/rss+xml; charset=utf-8")
                .etag("\"v1\"")
                .lastModified(LAST_MODIFIED);

        FetchResult r = fetcher.fetch(new FetchRequest(server.url("/feed.xml"), null, null));

        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.status()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("<rss");
        assertThat(r.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
        assertThat(r.etag()).isEqualTo("\"v1\"");
        assertThat(r.lastModified()).isEqualTo(LAST_MODIFIED);
        assertThat(r.finalUrl()).isEqualTo(server.url("/feed.xml"));
        assertThat(r.movedTo()).isNull();
        assertThat(r.error()).isNull();
    }

    @Test
    void secondFetchWithEtagIsNotModified() {
        server.route("/feed.xml").body("<rss/>").etag("\"abc\"");
        FetchResult first = fetcher.fetch(new FetchRequest(server.url("/feed.xml"), null, null));

        FetchResult second = fetcher.fetch(new FetchRequest(server.url("/feed.xml"), first.etag(), null));

        assertThat(second.outcome()).isEqualTo(Outcome.NOT_MODIFIED);
        assertThat(second.status()).isEqualTo(304);
        assertThat(second.body()).isNull();
        assertThat(second.etag()).isEqualTo("\"abc\"");
        assertThat(server.lastRequestHeader("/feed.xml", "If-None-Match")).isEqualTo("\"abc\"");
    }

    @Test
    void secondFetchWithLastModifiedIsNotModified() {
        server.route("/feed.xml").body("<rss/>").lastModified(LAST_MODIFIED);
        FetchResult first = fetcher.fetch(new FetchRequest(server.url("/feed.xml"), null, null));

        FetchResult second = fetcher.fetch(new FetchRequest(server.url("/feed.xml"), null, first.lastModified()));

        assertThat(second.outcome()).isEqualTo(Outcome.NOT_MODIFIED);
        assertThat(second.lastModified()).isEqualTo(LAST_MODIFIED);
        assertThat(server.lastRequestHeader("/feed.xml", "If-Modified-Since")).isEqualTo(LAST_MODIFIED);
    }

    @Test
    void changedEtagGivesTheNewBody() {
        server.route("/feed.xml").body("<rss>new</rss>").etag("\"v2\"");

        FetchResult r = fetcher.fetch(new FetchRequest(server.url("/feed.xml"), "\"v1\"", null));

        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.etag()).isEqualTo("\"v2\"");
    }

    @Test
    void cacheControlMaxAgeBecomesFreshFor() {
        server.route("/feed.xml").body("<rss/>").header("Cache-Control", "public, max-age=1800");

        FetchResult r = fetcher.fetch(new FetchRequest(server.url("/feed.xml"), null, null));

        assertThat(r.freshFor()).isEqualTo(Duration.ofMinutes(30));
    }
}
