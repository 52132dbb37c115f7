package org.callisto.planet.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A 200 carries the Content-Type and Content-Location the server sent, for the parser's encoding and base URL. */
class ResponseHeadersForParserTest extends LoopbackFetchTest {

    @Test
    void contentTypeAndContentLocationReachTheResult() {
        server.route("/feed")
                .body("<rss/>")
                .contentType("text/xml; charset=ISO-8859-1")
                .header("Content-Location", "/archive/feed.xml");

        FetchResult r = fetch("/feed");

        assertThat(r.outcome()).isEqualTo(FetchResult.Outcome.OK);
        assertThat(r.contentType()).isEqualToIgnoringCase("text/xml; charset=ISO-8859-1");
        assertThat(r.contentLocation()).isEqualTo("/archive/feed.xml");
    }

    @Test
    void noContentLocationIsNull() {
        server.route("/feed").body("<rss/>").contentType("application/rss+xml");

        assertThat(fetch("/feed").contentLocation()).isNull();
    }
}
