package org.callisto.planet.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.callisto.planet.fetch.FetchResult.FetchError;
import org.callisto.planet.fetch.FetchResult.Outcome;
import org.junit.jupiter.api.Test;

class StatusOutcomeTest extends LoopbackFetchTest {

    @Test
    void goneIsGone() {
        server.route("/feed.xml").status(410).body("gone");

        FetchResult r = fetch("/feed.xml");

        assertThat(r.outcome()).isEqualTo(Outcome.GONE);
        assertThat(r.status()).isEqualTo(410);
        assertThat(r.error()).isEqualTo(FetchError.GONE);
        assertThat(r.message()).startsWith("HTTP 410 Gone from " + server.url("/feed.xml"));
    }

    @Test
    void tooManyRequestsHonoursRetryAfterSeconds() {
        server.route("/feed.xml").status(429).header("Retry-After", "120");

        FetchResult r = fetch("/feed.xml");

        assertThat(r.outcome()).isEqualTo(Outcome.RETRY_LATER);
        assertThat(r.error()).isEqualTo(FetchError.RATE_LIMITED);
        assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(r.message()).contains("HTTP 429").contains("2 min");
    }

    @Test
    void serviceUnavailableHonoursRetryAfterDate() {
        String in10Minutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(10));
        server.route("/feed.xml").status(503).header("Retry-After", in10Minutes);

        FetchResult r = fetch("/feed.xml");

        assertThat(r.outcome()).isEqualTo(Outcome.RETRY_LATER);
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.retryAfter()).isBetween(Duration.ofSeconds(590), Duration.ofSeconds(601));
    }

    @Test
    void errorStatusWithAnEndlessBodyAnswersAtOnce() {
        server.route("/feed.xml").status(429).header("Retry-After", "60").slowBody(Duration.ofMillis(100));

        FetchResult r = fetch("/feed.xml");

        assertThat(r.outcome()).isEqualTo(Outcome.RETRY_LATER);
        assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void notFoundIsAnHttpStatusErrorInWords() {
        FetchResult r = fetch("/missing.xml");

        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.error()).isEqualTo(FetchError.HTTP_STATUS);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.message()).isEqualTo("HTTP 404 Not Found from " + server.url("/missing.xml"));
    }

    @Test
    void serverErrorIsAnHttpStatusError() {
        server.route("/feed.xml").status(500).body("oops");

        FetchResult r = fetch("/feed.xml");

        assertThat(r.error()).isEqualTo(FetchError.HTTP_STATUS);
        assertThat(r.message()).startsWith("HTTP 500 Server Error from");
    }
}
