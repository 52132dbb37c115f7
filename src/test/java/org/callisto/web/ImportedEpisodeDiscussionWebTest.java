package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.callisto.account.User;
import org.callisto.show.Episode;
import org.callisto.show.EpisodePublishing;
import org.callisto.show.EpisodePublishing.DiscussionOutcome;
import org.callisto.show.PodcastFeed;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The discussion of an episode made outside the browser (the demo show's episodes are made as the import commands
 * make theirs, straight through the show's stores), over real HTTP on loopback, on SQLite and PostgreSQL: opened
 * once however often it is asked for, linked from the episode page and from every feed item as RSS 2.0's
 * {@code <comments>}, and the story page shows it.
 */
class ImportedEpisodeDiscussionWebTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void anEpisodeMadeOutsideTheBrowserGetsOneDiscussionLinkedFromItsPageAndFeeds(String kind) throws Exception {
        try (ShowEditing f = new ShowEditing(kind, dir)) {
            EpisodePublishing publishing = f.site.callisto.publishing().episodes();
            User chief =
                    f.site.callisto.accounts().store().userByName("editor1").orElseThrow();
            Episode e = f.show.episodes().episode(2).orElseThrow();
            assertThat(f.site.get("/episodes/2").body()).doesNotContain("Discuss this episode");

            assertThat(publishing.openDiscussion(chief, e)).isEqualTo(DiscussionOutcome.OPENED);
            assertThat(publishing.openDiscussion(chief, e)).isEqualTo(DiscussionOutcome.ALREADY_OPEN);
            long story = publishing.extras().extras(e.id()).storyId();

            String page = f.site.fresh("/episodes/2").body();
            assertThat(page).contains("<a href=\"/stories/" + story + "\">Discuss this episode</a>");
            for (PodcastFeed feed : new PodcastFeed[] {PodcastFeed.MP3, PodcastFeed.ITUNES, PodcastFeed.HD}) {
                String xml = f.site.get("/show/feeds/" + feed.slug() + ".xml").body();
                assertThat(xml)
                        .as(feed.toString())
                        .contains("<comments>http://planet.test/stories/" + story + "</comments>");
            }
            HttpResponse<String> discussion = f.site.get("/stories/" + story);
            assertThat(discussion.statusCode()).isEqualTo(200);
            assertThat(discussion.body()).contains("Episode 2: " + e.title().replace("&", "&amp;"));
            assertThat(discussion.body()).contains("http://planet.test/episodes/2");

            User member =
                    f.site.callisto.accounts().store().userByName("member1").orElseThrow();
            Episode first = f.show.episodes().episode(1).orElseThrow();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> publishing.openDiscussion(member, first))
                    .hasMessageContaining("member1 is not one");
            assertThat(publishing.extras().extras(first.id()).storyId()).isNull();
        }
    }
}
