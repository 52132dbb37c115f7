package org.callisto.planet.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResponseHintsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void retryAfterInSeconds() {
        assertThat(ResponseHints.retryAfter("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(ResponseHints.retryAfter(" 0 ", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterAsHttpDate() {
        assertThat(ResponseHints.retryAfter("Sun, 22 Nov 2026 12:30:00 GMT", NOW))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void obsoleteHttpDateFormsAreAccepted() {
        assertThat(ResponseHints.retryAfter("Sunday, 22-Nov-26 12:30:00 GMT", NOW))
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(ResponseHints.retryAfter("Sun Nov 22 12:30:00 2026", NOW)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void retryAfterInThePastIsZero() {
        assertThat(ResponseHints.retryAfter("Sun, 22 Nov 2026 11:00:00 GMT", NOW))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void unparseableRetryAfterIsIgnored() {
        assertThat(ResponseHints.retryAfter("soon", NOW)).isNull();
        assertThat(ResponseHints.retryAfter(null, NOW)).isNull();
        assertThat(ResponseHints.retryAfter("-5", NOW)).isNull();
    }

    @Test
    void maxAgeWinsOverExpires() {
        assertThat(ResponseHints.freshFor("public, max-age=600", "Sun, 22 Nov 2026 18:00:00 GMT", null, NOW))
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void sharedMaxAgeIsUsedWithoutMaxAge() {
        assertThat(ResponseHints.freshFor("s-maxage=900", null, null, NOW)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void expiresMinusDate() {
        assertThat(ResponseHints.freshFor(null, "Sun, 22 Nov 2026 14:00:00 GMT", "Sun, 22 Nov 2026 13:00:00 GMT", NOW))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void expiresWithoutDateCountsFromNow() {
        assertThat(ResponseHints.freshFor(null, "Sun, 22 Nov 2026 14:00:00 GMT", null, NOW))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void invalidExpiresMeansAlreadyStale() {
        assertThat(ResponseHints.freshFor(null, "0", null, NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void noHintsGiveNull() {
        assertThat(ResponseHints.freshFor("no-cache", null, null, NOW)).isNull();
        assertThat(ResponseHints.freshFor(null, null, null, NOW)).isNull();
    }
}
