package org.callisto.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.callisto.app.Callisto;
import org.callisto.config.Config;
import org.callisto.planet.Entry;
import org.callisto.planet.Feed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The planet as a WebSub subscriber against an independent hub on loopback ({@link TestHub}): discovery from the
 * Link header, subscription with a secret and a callback of its own, verification of intent only for the topic it
 * asked for, pushed posts on the river within seconds, forged pushes acknowledged and discarded, leases renewed
 * before they end, and slower polling for the pushed feed.
 */
class SubscriberAgainstTestHubTest {

    static String atom(String... titles) {
        StringBuilder b = new StringBuilder("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Pushed blog</title>
                <id>urn:test:pushed</id><updated>2026-12-01T00:00:00Z</updated>
                <link href="https://pushed.example.org/"/>
                """);
        int n = 0;
        for (String t : titles) {
            n++;
            b.append("<entry><title>")
                    .append(t)
                    .append("</title><id>urn:test:pushed:")
                    .append(n)
                    .append("</id><link href=\"https://pushed.example.org/")
                    .append(n)
                    .append("\"/><updated>2026-12-0")
                    .append(n)
                    .append("T10:00:00Z</updated><content type=\"html\">&lt;p&gt;")
                    .append(t)
                    .append("&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</content></entry>\n");
        }
        return b.append("</feed>\n").toString();
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void pushedPostAppearsWithinSecondsForgedOnesAreDiscardedAndTheLeaseIsRenewed(String kind) throws Exception {
        try (TestHub hub = new TestHub(atom("First post"))) {
            hub.leaseSeconds = 2;
            Config config = WebSubSites.config(kind, Map.of());
            try (Callisto site = WebSubSites.start(config)) {
                String base = config.siteUrl().toString();
                Feed feed = site.subscriptions().addFeed(hub.topicUrl(), "Pushed", List.of());
                site.round().run(site.subscriptions().feeds(), o -> {});

                // discovery from the Link header, subscription with a secret, verification of intent
                assertThat(WebSubSites.within(Duration.ofSeconds(10), () -> hub.subscription() != null))
                        .as("the hub verified a subscription; requests: %s", hub.requests())
                        .isTrue();
                TestHub.Request s = hub.subscription();
                assertThat(s.topic()).isEqualTo(hub.topicUrl());
                assertThat(s.callback()).startsWith(base + "websub/callback/");
                assertThat(s.secret()).hasSizeGreaterThanOrEqualTo(32);
                assertThat(s.leaseSeconds())
                        .isEqualTo(Long.toString(config.websub().lease().toSeconds()));

                // a verification for a topic the planet did not ask for is refused, the challenge never echoed
                HttpResponse<String> foreign = hub.verifyAt(s.callback(), "https://elsewhere.example/feed", "c-123");
                assertThat(foreign.statusCode()).isEqualTo(404);
                assertThat(foreign.body()).doesNotContain("c-123");
                HttpResponse<String> unknown =
                        hub.verifyAt(base + "websub/callback/not-a-subscription", hub.topicUrl(), "c-456");
                assertThat(unknown.statusCode()).isEqualTo(404);
                assertThat(unknown.body()).doesNotContain("c-456");

                // a signed push: on the river within seconds, sanitized
                assertThat(hub.publish(atom("First post", "Pushed post"))).isBetween(200, 299);
                assertThat(WebSubSites.within(
                                Duration.ofSeconds(5), () -> river(base).contains("Pushed post")))
                        .as("the pushed post is on the river")
                        .isTrue();
                Entry pushed = site.entries().feedEntries(feed.id(), 0, 10).stream()
                        .filter(e -> "Pushed post".equals(e.title()))
                        .findFirst()
                        .orElseThrow();
                assertThat(pushed.contentHtml()).contains("Pushed post").doesNotContain("script");

                // forged pushes: acknowledged with a 2xx as the Recommendation asks, and discarded
                String forged = atom("First post", "Pushed post", "Forged post");
                assertThat(hub.publish(forged, "sha256=" + TestHub.hmac("not the secret", forged)))
                        .isBetween(200, 299);
                assertThat(hub.publish(forged, null)).isBetween(200, 299);
                assertThat(hub.publish(forged, "sha256=zz")).isBetween(200, 299);
                assertThat(site.entries().feedEntries(feed.id(), 0, 10))
                        .extracting(Entry::title)
                        .doesNotContain("Forged post")
                        .contains("Pushed post");

                // the lease of 2 s is renewed before it ends
                assertThat(WebSubSites.within(
                                Duration.ofSeconds(10),
                                () -> hub.requests().stream()
                                                .filter(r -> r.verified()
                                                        && r.callback().equals(s.callback()))
                                                .count()
                                        >= 2))
                        .as("the subscription was renewed; requests: %s", hub.requests())
                        .isTrue();

                // the pushed feed is polled four times less often, up to fetch.max_interval
                Subscriber subscriber = site.websub().subscriber().orElseThrow();
                assertThat(subscriber.pollInterval(feed.id(), Duration.ofMinutes(15)))
                        .isEqualTo(Duration.ofHours(1));
            }
        }
    }

    private static String river(String base) {
        try {
            return WebSubSites.get(base).body();
        } catch (Exception e) {
            return "";
        }
    }
}
