package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.callisto.app.Callisto;
import org.callisto.config.ConfigLoader;
import org.callisto.db.TestDatabases;
import org.callisto.planet.fetch.FixtureServer;
import org.callisto.web.WebServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A post that reaches the planet directly and through FeedBurner (whose {@code link} is a feedproxy redirect and
 * whose {@code feedburner:origLink} is the post's own address): both feeds are served over loopback and fetched in
 * one round, and the river shows the post once with "also posted by" the FeedBurner feed. Nothing but the origLink
 * ties the two copies: different ids, texts too short for a SimHash.
 */
class FeedBurnerCopiesEndToEndTest {
    private static final String DIRECT = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Ann's blog</title><link>https://ann.example/</link>
            <item><title>Ports branch news</title><link>https://ann.example/2026/12/ports-branch/</link>
            <guid isPermaLink="false">post-7</guid><pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate>
            <description>The ports branch is cut.</description></item>
            <item><title>Another post</title><link>https://ann.example/2026/11/other/</link>
            <guid isPermaLink="false">post-6</guid><pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate>
            <description>Something else.</description></item>
            </channel></rss>""";

    private static final String FEEDBURNER = """
            <?xml version="1.0"?>
            <rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">
            <channel><title>Ann via FeedBurner</title><link>https://ann.example/</link>
            <item><title>Ports branch news</title><link>http://feedproxy.google.com/~r/AnnsBlog/~3/aB3dE/</link>
            <guid isPermaLink="false">tracker-991</guid><pubDate>Tue, 01 Dec 2026 10:05:00 GMT</pubDate>
            <description>Ports: branch cut (FeedBurner).</description>
            <feedburner:origLink>https://ann.example/2026/12/ports-branch/?utm_source=feedburner</feedburner:origLink>
            </item></channel></rss>""";

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aPostThroughFeedBurnerIsShownOnceWithAlsoPostedBy(String kind) throws Exception {
        try (FixtureServer fixtures = FixtureServer.start()) {
            fixtures.route("/ann.rss").body(DIRECT).contentType("application/rss+xml");
            fixtures.route("/feeds/AnnsBlog").body(FEEDBURNER).contentType("application/rss+xml");
            Map<String, String> settings =
                    new HashMap<>(Map.of("fetch.allow_loopback", "true", "server.port", "0", "site.title", "Planet"));
            settings.put(
                    "data.dir", Files.createTempDirectory("callisto-feedburner").toString());
            if ("postgres".equals(kind)) {
                settings.put("database.url", TestDatabases.postgresUrl());
                settings.put("database.user", "postgres");
            }
            try (Callisto planet = Callisto.open(ConfigLoader.of(settings))) {
                SubscriptionStore store = planet.subscriptions();
                Feed direct = store.addFeed(fixtures.url("/ann.rss").toString(), "Ann", List.of());
                Feed burner = store.addFeed(fixtures.url("/feeds/AnnsBlog").toString(), "Ann (FeedBurner)", List.of());
                planet.round().run(store.feeds(), o -> {});
                assertThat(planet.entries().feedEntries(burner.id(), 0, 10))
                        .as("the FeedBurner feed's own page keeps its copy")
                        .hasSize(1);
                assertThat(planet.entries().river(0, 10))
                        .extracting(Entry::feedName)
                        .containsExactly("Ann", "Ann");
                WebServer web = planet.startWeb(routes -> {});
                String river = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                assertThat(river.split("Ports branch news", -1))
                        .as("the post is shown once")
                        .hasSize(2);
                assertThat(river).contains("also posted by").contains("/feeds/" + burner.id());
                assertThat(river).contains("https://ann.example/2026/12/ports-branch/");
                assertThat(direct.id()).isNotEqualTo(burner.id());
            }
        }
    }
}
