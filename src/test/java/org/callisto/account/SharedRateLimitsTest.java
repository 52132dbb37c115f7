package org.callisto.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rate limits kept in the database ({@link RateLimitStore}) give the same answers as the ones in memory, and two
 * limiters on one database (two nodes) count together, on SQLite and a real PostgreSQL.
 */
class SharedRateLimitsTest {
    private static final RateRule RULE = new RateRule("tries", 5, Duration.ofMinutes(10));

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aBucketInTheDatabaseRefillsLikeOneInMemory(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            TestClock clock = new TestClock(Instant.parse("2026-12-03T12:00:00Z"));
            RateLimiter shared = RateLimiter.shared(clock, new RateLimitStore(db));
            RateLimiter memory = new RateLimiter(clock);
            for (int step = 0; step < 40; step++) {
                RateDecision a = shared.acquire("k", RULE);
                RateDecision b = memory.acquire("k", RULE);
                assertThat(a).as("step %d", step).isEqualTo(b);
                if (step % 3 == 0) {
                    shared.record("f", RULE);
                    memory.record("f", RULE);
                }
                assertThat(shared.check("f", RULE)).as("forced, step %d", step).isEqualTo(memory.check("f", RULE));
                clock.advance(Duration.ofSeconds(37));
            }
            shared.reset("k");
            assertThat(shared.check("k", RULE).allowed()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void twoNodesTakingAtOnceGetNoMoreThanTheLimitTogether(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            TestClock clock = new TestClock(Instant.parse("2026-12-03T12:00:00Z"));
            RateLimiter one = RateLimiter.shared(clock, new RateLimitStore(db));
            RateLimiter two = RateLimiter.shared(clock, new RateLimitStore(db));
            List<Callable<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                RateLimiter node = i % 2 == 0 ? one : two;
                tries.add(() -> node.acquire("register:addr:192.0.2.7", RateRule.REGISTRATION_ADDRESS)
                        .allowed());
            }
            int allowed = 0;
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                for (Future<Boolean> f : pool.invokeAll(tries)) {
                    allowed += f.get() ? 1 : 0;
                }
            }
            assertThat(allowed).isEqualTo(RateRule.REGISTRATION_ADDRESS.limit());
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void backoffInTheDatabaseWaitsAndForgivesLikeInMemoryAndCountsAcrossNodes(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            TestClock clock = new TestClock(Instant.parse("2026-12-03T12:00:00Z"));
            FailureBackoff one = FailureBackoff.shared(clock, new RateLimitStore(db));
            FailureBackoff two = FailureBackoff.shared(clock, new RateLimitStore(db));
            FailureBackoff memory = new FailureBackoff(clock);
            BackoffRule rule = BackoffRule.LOGIN_PAIR;
            for (int i = 0; i < 9; i++) {
                boolean last = (i % 2 == 0 ? one : two).record("pair", rule);
                assertThat(last).as("failure %d", i).isEqualTo(memory.record("pair", rule));
                assertThat(one.check("pair", rule)).as("after failure %d", i).isEqualTo(memory.check("pair", rule));
                clock.advance(Duration.ofMinutes(7));
            }
            assertThat(two.failures("pair", rule)).isEqualTo(memory.failures("pair"));
            clock.advance(Duration.ofHours(20));
            assertThat(one.check("pair", rule).allowed()).isTrue();
            assertThat(one.failures("pair", rule)).isZero();
            one.record("pair", rule);
            one.reset("pair");
            assertThat(two.failures("pair", rule)).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void expiredRowsAreDeletedAndLiveOnesKept(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            TestClock clock = new TestClock(Instant.parse("2026-12-03T12:00:00Z"));
            RateLimitStore store = new RateLimitStore(db);
            RateLimiter limiter = RateLimiter.shared(clock, store);
            FailureBackoff backoff = FailureBackoff.shared(clock, store);
            limiter.acquire("old", RULE);
            backoff.record("old", BackoffRule.LOGIN_PAIR);
            clock.advance(Duration.ofHours(3).plusMinutes(1));
            limiter.acquire("new", RULE);
            assertThat(store.deleteExpired(clock.millis())).isEqualTo(2);
            assertThat(store.size()).isEqualTo(1);
            assertThat(limiter.check("new", RULE)).isEqualTo(RateDecision.Allowed.INSTANCE);
        }
    }
}
