package org.callisto.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final TestClock clock = new TestClock();
    private final RateLimiter limiter = new RateLimiter(clock);

    @Test
    void allowsTheLimitThenSaysHowLongToWaitAndReleasesAfterIt() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire("login:user:alice", RateRule.LOGIN_ACCOUNT)
                            .allowed())
                    .isTrue();
        }
        RateDecision sixth = limiter.acquire("login:user:alice", RateRule.LOGIN_ACCOUNT);
        assertThat(sixth).isInstanceOf(RateDecision.RateLimited.class);
        RateDecision.RateLimited limited = (RateDecision.RateLimited) sixth;
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofMinutes(3));
        assertThat(limited.message()).isEqualTo("too many login attempts for this account; try again in 3 minutes");
        assertThat(limited.refusal().retryAfter()).contains(Duration.ofMinutes(3));

        clock.advance(Duration.ofMinutes(2));
        RateDecision.RateLimited later =
                (RateDecision.RateLimited) limiter.acquire("login:user:alice", RateRule.LOGIN_ACCOUNT);
        assertThat(later.message()).endsWith("try again in 1 minute");
        clock.advance(Duration.ofSeconds(59));
        assertThat(((RateDecision.RateLimited) limiter.check("login:user:alice", RateRule.LOGIN_ACCOUNT)).message())
                .endsWith("try again in 1 second");
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.acquire("login:user:alice", RateRule.LOGIN_ACCOUNT).allowed())
                .isTrue();
        assertThat(limiter.acquire("login:user:alice", RateRule.LOGIN_ACCOUNT).allowed())
                .isFalse();
        clock.advance(Duration.ofMinutes(15));
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire("login:user:alice", RateRule.LOGIN_ACCOUNT)
                            .allowed())
                    .isTrue();
        }
    }

    @Test
    void keysAreCountedApart() {
        for (int i = 0; i < 10; i++) {
            limiter.acquire("comment:user:7", RateRule.COMMENT);
        }
        assertThat(limiter.acquire("comment:user:7", RateRule.COMMENT).allowed())
                .isFalse();
        assertThat(limiter.acquire("comment:user:8", RateRule.COMMENT).allowed())
                .isTrue();
        assertThat(limiter.acquire("submit:user:7", RateRule.SUBMISSION).allowed())
                .isTrue();
        limiter.reset("comment:user:7");
        assertThat(limiter.acquire("comment:user:7", RateRule.COMMENT).allowed())
                .isTrue();
    }

    @Test
    void checkDoesNotTakeAndRecordTakesEvenWhenLimited() {
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.check("submit:user:1", RateRule.SUBMISSION).allowed())
                    .isTrue();
        }
        for (int i = 0; i < 7; i++) {
            limiter.record("submit:user:1", RateRule.SUBMISSION);
        }
        RateDecision.RateLimited limited =
                (RateDecision.RateLimited) limiter.check("submit:user:1", RateRule.SUBMISSION);
        assertThat(limited.message()).isEqualTo("too many submissions; try again in 36 minutes");
    }

    @Test
    void waitsAreWrittenInWordsRoundedUp() {
        assertThat(RateLimiter.humanize(Duration.ofMillis(1))).isEqualTo("1 second");
        assertThat(RateLimiter.humanize(Duration.ofSeconds(40))).isEqualTo("40 seconds");
        assertThat(RateLimiter.humanize(Duration.ofSeconds(61))).isEqualTo("2 minutes");
        assertThat(RateLimiter.humanize(Duration.ofMinutes(119))).isEqualTo("119 minutes");
        assertThat(RateLimiter.humanize(Duration.ofMinutes(150))).isEqualTo("3 hours");
    }

    @Test
    void concurrentCallersNeverGetMoreThanTheLimit() throws InterruptedException {
        AtomicInteger allowed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 50; i++) {
                    if (limiter.acquire("login:addr:127.0.0.1", RateRule.LOGIN_ADDRESS)
                            .allowed()) {
                        allowed.incrementAndGet();
                    }
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(allowed.get()).isEqualTo(RateRule.LOGIN_ADDRESS.limit());
    }
}
