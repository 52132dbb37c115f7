package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.callisto.account.RateLimiter;
import org.callisto.account.RateRule;
import org.callisto.account.TestClock;
import org.callisto.config.Config;
import org.callisto.config.ConfigLoader;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * The periodic clean-up is done by exactly one of three nodes on one real PostgreSQL per period, and by one again
 * in the next period; what it deletes (expired rate-limit rows) is gone for every node.
 */
class CleanUpsOnceTest {
    @Test
    void threeNodesAskingAtOnceCleanUpOncePerPeriod() throws Exception {
        String url = TestDatabases.postgresUrl();
        Config config = ConfigLoader.of(Map.of("database.url", url, "database.user", "postgres"));
        TestClock clock = new TestClock(Instant.parse("2026-12-03T12:00:00Z"));
        List<Callisto> nodes = new ArrayList<>();
        try {
            for (int n = 0; n < 3; n++) {
                nodes.add(Callisto.open(config, Database.open(url, "postgres", ""), clock));
            }
            RateLimiter.shared(clock, nodes.get(1).rateLimits()).acquire("old", RateRule.COMMENT);
            clock.advance(RateRule.COMMENT.window().multipliedBy(2).plusSeconds(1));
            RateLimiter.shared(clock, nodes.get(2).rateLimits()).acquire("new", RateRule.COMMENT);

            assertThat(cleanAtOnce(nodes))
                    .as("nodes that cleaned up in the first period")
                    .isEqualTo(1);
            assertThat(nodes.getFirst().rateLimits().size())
                    .as("the expired row is gone")
                    .isEqualTo(1);
            assertThat(cleanAtOnce(nodes)).as("asking again within the period").isZero();

            clock.advance(CleanUps.PERIOD.plus(Duration.ofSeconds(1)));
            assertThat(cleanAtOnce(nodes)).as("the next period").isEqualTo(1);
        } finally {
            nodes.forEach(Callisto::close);
        }
    }

    private static int cleanAtOnce(List<Callisto> nodes) throws Exception {
        List<Callable<Boolean>> asks = new ArrayList<>();
        for (Callisto node : nodes) {
            CleanUps cleanUps = node.cleanUps();
            asks.add(cleanUps::runOnce);
        }
        int ran = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(nodes.size())) {
            for (Future<Boolean> f : pool.invokeAll(asks)) {
                ran += f.get() ? 1 : 0;
            }
        }
        return ran;
    }
}
