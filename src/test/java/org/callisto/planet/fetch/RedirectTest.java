package org.callisto.planet.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.callisto.planet.fetch.FetchResult.FetchError;
import org.callisto.planet.fetch.FetchResult.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedirectTest extends LoopbackFetchTest {

    @BeforeEach
    void routeTheFeed() {
        server.route("/feed.xml").body("<rss/>");
    }

    @Test
    void permanentRedirectSetsMovedTo() {
        server.route("/old.xml").redirect(301, server.url("/feed.xml").toString());

        FetchResult r = fetch("/old.xml");

        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.finalUrl()).isEqualTo(server.url("/feed.xml"));
        assertThat(r.movedTo()).isEqualTo(server.url("/feed.xml"));
    }

    @Test
    void chainOf301And308SetsMovedToTheEnd() {
        server.route("/a").redirect(301, "/b");
        server.route("/b").redirect(308, "/feed.xml");

        FetchResult r = fetch("/a");

        assertThat(r.movedTo()).isEqualTo(server.url("/feed.xml"));
    }

    @Test
    void temporaryRedirectLeavesMovedToNull() {
        server.route("/tmp.xml").redirect(302, "/feed.xml");

        FetchResult r = fetch("/tmp.xml");

        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.finalUrl()).isEqualTo(server.url("/feed.xml"));
        assertThat(r.movedTo()).isNull();
    }

    @Test
    void permanentThenTemporaryLeavesMovedToNull() {
        server.route("/a").redirect(301, "/b");
        server.route("/b").redirect(302, "/feed.xml");

        FetchResult r = fetch("/a");

        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.movedTo()).isNull();
    }

    @Test
    void permanentRedirectToAFailingUrlLeavesMovedToNull() {
        server.route("/old.xml").redirect(301, "/missing.xml");

        FetchResult r = fetch("/old.xml");

        assertThat(r.error()).isEqualTo(FetchError.HTTP_STATUS);
        assertThat(r.finalUrl()).isEqualTo(server.url("/missing.xml"));
        assertThat(r.movedTo()).isNull();
    }

    @Test
    void permanentRedirectThenNotModifiedSetsMovedTo() {
        server.route("/new.xml").body("<rss/>").etag("\"e1\"");
        server.route("/old.xml").redirect(308, "/new.xml");

        FetchResult r = fetcher.fetch(new FetchRequest(server.url("/old.xml"), "\"e1\"", null));

        assertThat(r.outcome()).isEqualTo(Outcome.NOT_MODIFIED);
        assertThat(r.movedTo()).isEqualTo(server.url("/new.xml"));
    }

    @Test
    void relativeLocationIsResolvedAgainstTheCurrentUrl() {
        server.route("/dir/old.xml").redirect(307, "../feed.xml");

        FetchResult r = fetch("/dir/old.xml");

        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.finalUrl()).isEqualTo(server.url("/feed.xml"));
    }

    @Test
    void redirectLoopIsDetected() {
        server.route("/a").redirect(302, "/b");
        server.route("/b").redirect(302, "/a");

        FetchResult r = fetch("/a");

        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.error()).isEqualTo(FetchError.REDIRECT_LOOP);
        assertThat(r.message()).contains(server.url("/a").toString()).contains("loop");
        assertThat(server.requests("/a")).isEqualTo(1);
    }

    @Test
    void sixRedirectsAreTooManyForTheDefaultFive() {
        server.redirectChain(301, "/r1", "/r2", "/r3", "/r4", "/r5", "/r6", "/r7");
        server.route("/r7").body("<rss/>");

        FetchResult r = fetch("/r1");

        assertThat(r.error()).isEqualTo(FetchError.TOO_MANY_REDIRECTS);
        assertThat(r.message()).contains("5").contains("fetch.max_redirects");
        assertThat(server.requests("/r7")).isZero();
    }

    @Test
    void fiveRedirectsAreFollowed() {
        for (int i = 1; i <= 5; i++) {
            server.route("/r" + i).redirect(301, "/r" + (i + 1));
        }
        server.route("/r6").body("<rss/>");

        FetchResult r = fetch("/r1");

        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.movedTo()).isEqualTo(server.url("/r6"));
    }

    @Test
    void redirectToANonHttpSchemeIsABadUrl() {
        server.route("/a").redirect(301, "file:///etc/passwd");

        FetchResult r = fetch("/a");

        assertThat(r.error()).isEqualTo(FetchError.BAD_URL);
        assertThat(r.message()).contains("file:///etc/passwd");
    }
}
