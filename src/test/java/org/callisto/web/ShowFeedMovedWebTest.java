package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.callisto.show.PodcastFeed;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code show.new_feed_url} over real HTTP on loopback, on SQLite and PostgreSQL: with it, every old feed URL answers
 * {@code 301 Moved Permanently} to the new feed (GET and HEAD, as podcast apps and directories ask) and the feed as
 * the site writes it carries {@code itunes:new-feed-url}; without it, the feeds answer 200 as before and say
 * nothing of a move.
 */
class ShowFeedMovedWebTest {
    private static final String NEW_FEED = "https://new-host.example/bsd/feed.xml?from=callisto";

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void withANewFeedUrlEveryOldFeedAnswers301ToItAndTheFeedAnnouncesIt(String kind) throws Exception {
        try (ShowEditing f = new ShowEditing(kind, dir, Map.of("show.new_feed_url", NEW_FEED))) {
            for (PodcastFeed feed : PodcastFeed.values()) {
                String path = "/show/feeds/" + feed.slug() + ".xml";
                HttpResponse<String> get = f.site.get(path);
                assertThat(get.statusCode()).as("GET " + path).isEqualTo(301);
                assertThat(get.headers().firstValue("Location"))
                        .as("GET " + path)
                        .hasValue(NEW_FEED);
                HttpResponse<Void> head = f.site.http.send(
                        HttpRequest.newBuilder(f.site.uri(path))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(301);
                assertThat(head.headers().firstValue("Location"))
                        .as("HEAD " + path)
                        .hasValue(NEW_FEED);
            }
            // the feed the site writes, as an editor previews an item of it
            HttpResponse<String> preview = f.client("editor1").get("/editor/episodes/2/preview.xml");
            assertThat(preview.statusCode()).isEqualTo(200);
            assertThat(preview.body())
                    .contains("<itunes:new-feed-url>" + NEW_FEED.replace("&", "&amp;") + "</itunes:new-feed-url>");
            // pages are not feeds: they stay
            assertThat(f.site.get("/episodes/2").statusCode()).isEqualTo(200);
            assertThat(f.site.get("/show/feeds/nonsense.xml").statusCode()).isIn(301, 404);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void withoutANewFeedUrlTheFeedsAnswer200AndSayNothingOfAMove(String kind) throws Exception {
        try (ShowEditing f = new ShowEditing(kind, dir)) {
            for (PodcastFeed feed : PodcastFeed.values()) {
                String path = "/show/feeds/" + feed.slug() + ".xml";
                HttpResponse<String> get = f.site.get(path);
                assertThat(get.statusCode()).as("GET " + path).isEqualTo(200);
                assertThat(get.headers().firstValue("Content-Type").orElseThrow())
                        .startsWith("application/rss+xml");
                assertThat(get.body()).contains("<rss").doesNotContain("new-feed-url");
            }
            assertThat(f.client("editor1").get("/editor/episodes/2/preview.xml").body())
                    .contains("<item>")
                    .doesNotContain("new-feed-url");
        }
    }
}
