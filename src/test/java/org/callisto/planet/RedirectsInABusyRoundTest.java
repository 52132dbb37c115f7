package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.callisto.app.Callisto;
import org.callisto.config.ConfigLoader;
import org.callisto.planet.fetch.FixtureServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One refresh round over one host that serves slow feeds, a redirect loop and a 20-hop redirect chain: the loop and
 * the chain are stored as what they are, not as time-outs, and every slow feed is still fetched.
 */
class RedirectsInABusyRoundTest {
    private static final String RSS = "<rss version=\"2.0\"><channel><title>Slow</title>"
            + "<item><title>One</title><guid>one</guid></item></channel></rss>";

    @TempDir
    Path dir;

    @Test
    void aRedirectLoopAndALongChainAreStoredAsSuchAmongSlowFeeds() throws Exception {
        try (FixtureServer server = FixtureServer.start()) {
            List<String> slow = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                server.route("/slow" + i).body(RSS).delay(Duration.ofMillis(1500));
                slow.add(server.url("/slow" + i).toString());
            }
            server.redirectChain(302, "/loop/a", "/loop/b", "/loop/a");
            String[] chain = new String[21];
            for (int i = 0; i < chain.length; i++) {
                chain[i] = "/chain/" + i;
            }
            server.redirectChain(302, chain);
            server.route("/chain/20").body(RSS);
            String loop = server.url("/loop/a").toString();
            String longChain = server.url("/chain/0").toString();
            var config = ConfigLoader.of(Map.of(
                    "fetch.allow_loopback", "true",
                    "fetch.per_host", "2",
                    "fetch.total_timeout", "3s",
                    "fetch.read_timeout", "3s",
                    "data.dir", Files.createDirectories(dir.resolve("data")).toString()));

            try (Callisto planet = Callisto.open(config)) {
                SubscriptionStore store = planet.subscriptions();
                // In the round's order: two slow feeds take the host's two slots, the loop and the chain queue
                // behind them, and six more slow feeds behind those.
                List<String> order = new ArrayList<>(slow.subList(0, 2));
                order.add(loop);
                order.add(longChain);
                order.addAll(slow.subList(2, 8));
                List<Feed> feeds = new ArrayList<>();
                for (String url : order) {
                    feeds.add(store.addFeed(url, null, List.of()));
                }

                RefreshRound.Summary summary = planet.round().run(feeds, o -> {});

                assertThat(summary.ok()).isEqualTo(8);
                Feed looped = store.feedByUrl(loop).orElseThrow();
                assertThat(looped.lastErrorKind()).as(looped.lastError()).isEqualTo(RefreshFailure.REDIRECT_LOOP);
                assertThat(looped.lastError()).contains("redirects in a loop");
                Feed chained = store.feedByUrl(longChain).orElseThrow();
                assertThat(chained.lastErrorKind())
                        .as(chained.lastError())
                        .isEqualTo(RefreshFailure.TOO_MANY_REDIRECTS);
                for (String url : slow) {
                    assertThat(store.feedByUrl(url).orElseThrow().lastErrorKind())
                            .as(url)
                            .isNull();
                }
            }
        }
    }
}
