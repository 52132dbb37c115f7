package org.callisto.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.callisto.app.Callisto;
import org.callisto.config.Config;
import org.callisto.planet.parse.FeedParser;
import org.callisto.planet.parse.ParsedFeed;
import org.callisto.show.PodcastGuid;
import org.callisto.show.ShowSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The site's own hub against an independent subscriber on loopback ({@link TestSubscriber}): every output feed
 * advertises the hub (Link header and a link element), the hub refuses topics that are not the site's, verifies
 * intent, and posts the new body, signed with the subscriber's secret, when the planet's feed changes after a refresh
 * round.
 */
class HubAgainstTestSubscriberTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void subscriberIsNotifiedWithASignedBodyWhenThePlanetFeedChanges(String kind) throws Exception {
        try (TestSubscriber subscriber =
                new TestSubscriber(SubscriberAgainstTestHubTest.atom("Old news").replace("pushed", "blog"))) {
            Config config = WebSubSites.config(kind, Map.of());
            try (Callisto site = WebSubSites.start(config)) {
                String base = config.siteUrl().toString();
                String hub = base + "websub/hub";
                site.subscriptions().addFeed(subscriber.blogUrl(), "Blog", List.of("BSD"));
                site.round().run(site.subscriptions().feeds(), o -> {});
                site.show()
                        .settings()
                        .saveSettings(new ShowSettings(
                                "BSD Weekly",
                                "News from the BSD world.",
                                "en",
                                "The crew",
                                "Jo Host",
                                "host@bsdweekly.example",
                                "https://bsdweekly.example/art.png",
                                List.of("Technology"),
                                false,
                                null,
                                null,
                                null,
                                PodcastGuid.of("https://bsdweekly.example/feed.xml"),
                                false));

                // every output feed advertises the hub, in the Link header and in the document
                for (String path : List.of(
                        "atom.xml",
                        "rss.xml",
                        "category/bsd/atom.xml",
                        "category/bsd/rss.xml",
                        "journal/atom.xml",
                        "journal/rss.xml",
                        "show/feeds/mp3.xml",
                        "search/atom.xml?q=news")) {
                    HttpResponse<String> r = WebSubSites.get(base + path);
                    assertThat(r.statusCode()).as(path).isEqualTo(200);
                    Map<String, String> links = TestSubscriber.links(r.headers().allValues("Link"));
                    assertThat(links).as(path).containsEntry("hub", hub).containsEntry("self", base + path);
                    ParsedFeed parsed =
                            new FeedParser().parse(r.body().getBytes(StandardCharsets.UTF_8), null, null, base + path);
                    assertThat(parsed.illFormed()).as(path).isFalse();
                    assertThat(parsed.hubs()).as(path).containsExactly(hub);
                }
                assertThat(subscriber.discover(base + "atom.xml")).containsEntry("hub", hub);

                // topics that are not the site's feeds, and bad requests, are refused at once, naming the field
                HttpResponse<String> foreign =
                        subscriber.subscribe(hub, "https://elsewhere.example/atom.xml", "s", "subscribe");
                assertThat(foreign.statusCode()).isEqualTo(400);
                assertThat(foreign.body()).contains("hub.topic").contains("elsewhere.example");
                HttpResponse<String> page = subscriber.subscribe(hub, base + "journal", "s", "subscribe");
                assertThat(page.statusCode()).isEqualTo(400);
                HttpResponse<String> mode = subscriber.subscribe(hub, base + "atom.xml", "s", "publish");
                assertThat(mode.statusCode()).isEqualTo(400);
                assertThat(mode.body()).contains("hub.mode");
                String longSecret = "x".repeat(200);
                assertThat(subscriber
                                .subscribe(hub, base + "atom.xml", longSecret, "subscribe")
                                .statusCode())
                        .isEqualTo(400);

                // subscription: 202 Accepted, then verification of intent
                String secret = "a secret of the subscriber's own";
                HttpResponse<String> accepted = subscriber.subscribe(hub, base + "atom.xml", secret, "subscribe");
                assertThat(accepted.statusCode()).isEqualTo(202);
                assertThat(WebSubSites.within(
                                Duration.ofSeconds(10),
                                () -> site.websub()
                                                .hub()
                                                .orElseThrow()
                                                .store()
                                                .subscribers(
                                                        base + "atom.xml",
                                                        site.clock().instant())
                                                .size()
                                        == 1))
                        .as("verified: %s", subscriber.verifications)
                        .isTrue();
                Map<String, String> verification = subscriber.verifications.getLast();
                assertThat(verification)
                        .containsEntry("hub.mode", "subscribe")
                        .containsEntry("hub.lease_seconds", "600");
                assertThat(subscriber.notifications).isEmpty();

                // the planet changes: a notification with the new body, signed with the secret
                subscriber.blog = SubscriberAgainstTestHubTest.atom("Old news", "Fresh news")
                        .replace("pushed", "blog");
                site.round().run(site.subscriptions().feeds(), o -> {});
                TestSubscriber.Notification n = subscriber.notifications.poll(15, TimeUnit.SECONDS);
                assertThat(n).as("a notification arrived").isNotNull();
                assertThat(n.body()).contains("Fresh news");
                assertThat(n.contentType()).startsWith("application/atom+xml");
                assertThat(n.signature()).isEqualTo("sha256=" + TestHub.hmac(secret, n.body()));
                assertThat(TestSubscriber.links(n.links()))
                        .containsEntry("hub", hub)
                        .containsEntry("self", base + "atom.xml");

                // unsubscribing: verified, then no more notifications
                assertThat(subscriber
                                .subscribe(hub, base + "atom.xml", null, "unsubscribe")
                                .statusCode())
                        .isEqualTo(202);
                assertThat(WebSubSites.within(
                                Duration.ofSeconds(10),
                                () -> site.websub()
                                        .hub()
                                        .orElseThrow()
                                        .store()
                                        .subscribers(
                                                base + "atom.xml", site.clock().instant())
                                        .isEmpty()))
                        .isTrue();
            }
        }
    }
}
