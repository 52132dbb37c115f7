package org.callisto.planet.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.callisto.planet.fetch.FetchResult.FetchError;
import org.callisto.planet.fetch.FetchResult.Outcome;
import org.junit.jupiter.api.Test;

/**
 * A round in which one host serves slow feeds, a redirect loop and a 20-hop redirect chain: the redirect hops keep
 * the fetch's slot on the host instead of queueing behind the slow feeds, so the loop and the chain are reported as
 * what they are, not as time-outs.
 */
class RedirectsAmongSlowFeedsTest {

    private static final Duration SLOW = Duration.ofMillis(1500);
    private static final int SLOW_FEEDS = 8;

    @Test
    void aLoopAndALongChainOnABusyHostAreReportedAsSuchNotAsTimeouts() throws Exception {
        try (FixtureServer server = FixtureServer.start();
                FeedFetcher fetcher = TestFetchers.fetcher(
                        Map.of("fetch.per_host", "2", "fetch.total_timeout", "3s", "fetch.read_timeout", "3s"));
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < SLOW_FEEDS; i++) {
                server.route("/slow" + i).body("<rss/>").delay(SLOW);
            }
            server.redirectChain(302, "/loop/a", "/loop/b", "/loop/a");
            String[] chain = new String[21];
            for (int i = 0; i < chain.length; i++) {
                chain[i] = "/chain/" + i;
            }
            server.redirectChain(302, chain);
            server.route("/chain/20").body("<rss/>");

            // Two slow feeds take both slots; the loop and the chain queue next, then six more slow feeds. Each
            // group is started a little after the one before, so the host's fair queue holds them in this order.
            List<Future<FetchResult>> slow = new ArrayList<>();
            slow.add(threads.submit(() -> fetch(fetcher, server, "/slow0")));
            slow.add(threads.submit(() -> fetch(fetcher, server, "/slow1")));
            Thread.sleep(150);
            Future<FetchResult> loop = threads.submit(() -> fetch(fetcher, server, "/loop/a"));
            Future<FetchResult> longChain = threads.submit(() -> fetch(fetcher, server, "/chain/0"));
            Thread.sleep(150);
            for (int i = 2; i < SLOW_FEEDS; i++) {
                String path = "/slow" + i;
                slow.add(threads.submit(() -> fetch(fetcher, server, path)));
            }

            FetchResult looped = loop.get(30, TimeUnit.SECONDS);
            assertThat(looped.error()).as(looped.message()).isEqualTo(FetchError.REDIRECT_LOOP);
            assertThat(looped.message()).contains("redirects in a loop");
            FetchResult chained = longChain.get(30, TimeUnit.SECONDS);
            assertThat(chained.error()).as(chained.message()).isEqualTo(FetchError.TOO_MANY_REDIRECTS);
            assertThat(chained.message()).contains("fetch.max_redirects");
            for (Future<FetchResult> f : slow) {
                FetchResult r = f.get(30, TimeUnit.SECONDS);
                assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.OK);
            }
            assertThat(server.maxConcurrentRequests()).isLessThanOrEqualTo(2);
        }
    }

    private static FetchResult fetch(FeedFetcher fetcher, FixtureServer server, String path) {
        return fetcher.fetch(new FetchRequest(server.url(path), null, null));
    }
}
