package org.callisto.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureBackoffTest {
    private static final BackoffRule RULE = new BackoffRule(
            "login attempts for this account",
            3,
            Duration.ofSeconds(10),
            Duration.ofMinutes(1),
            Duration.ofMinutes(10));

    private final TestClock clock = new TestClock();
    private final FailureBackoff backoff = new FailureBackoff(clock);

    private Duration wait(String key) {
        return backoff.check(key, RULE) instanceof RateDecision.RateLimited l ? l.retryAfter() : Duration.ZERO;
    }

    @Test
    void theFreeFailuresCostNothingThenEachDoublesTheWaitUpToTheCeiling() {
        for (int i = 0; i < 3; i++) {
            assertThat(wait("k")).isZero();
            backoff.record("k", RULE);
        }
        assertThat(wait("k")).isEqualTo(Duration.ofSeconds(10));
        RateDecision.RateLimited limited = (RateDecision.RateLimited) backoff.check("k", RULE);
        assertThat(limited.message()).isEqualTo("too many login attempts for this account; try again in 10 seconds");
        clock.advance(Duration.ofSeconds(10));
        assertThat(wait("k")).isZero();
        backoff.record("k", RULE);
        assertThat(wait("k")).isEqualTo(Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(20));
        backoff.record("k", RULE);
        assertThat(wait("k")).isEqualTo(Duration.ofSeconds(40));
        clock.advance(Duration.ofSeconds(40));
        backoff.record("k", RULE);
        assertThat(wait("k")).as("the ceiling").isEqualTo(Duration.ofMinutes(1));
        for (int i = 0; i < 100; i++) {
            backoff.record("k", RULE);
        }
        assertThat(wait("k")).as("no overflow past the ceiling").isEqualTo(Duration.ofMinutes(1));
        assertThat(wait("other")).as("keys are counted apart").isZero();
    }

    @Test
    void refusedAttemptsDoNotLengthenTheWaitAndFailuresAreForgivenOverTime() {
        for (int i = 0; i < 4; i++) {
            backoff.record("k", RULE);
        }
        assertThat(wait("k")).isEqualTo(Duration.ofSeconds(20));
        for (int i = 0; i < 50; i++) {
            backoff.check("k", RULE);
        }
        assertThat(wait("k")).isEqualTo(Duration.ofSeconds(20));
        clock.advance(Duration.ofMinutes(10));
        assertThat(backoff.failures("k")).isEqualTo(3.0);
        assertThat(wait("k")).isZero();
        clock.advance(Duration.ofMinutes(30));
        assertThat(backoff.failures("k")).isZero();
        backoff.record("k", RULE);
        backoff.reset("k");
        assertThat(backoff.failures("k")).isZero();
    }

    @Test
    void aBadRuleIsRefusedInWords() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        new BackoffRule("x", 1, Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backoff rule 'x'")
                .hasMessageContaining("first delay no longer than the longest");
    }
}
