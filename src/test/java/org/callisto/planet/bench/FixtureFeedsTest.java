package org.callisto.planet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.callisto.planet.parse.FeedParser;
import org.callisto.planet.parse.ParsedEntry;
import org.callisto.planet.parse.ParsedFeed;
import org.junit.jupiter.api.Test;

/** The refresh benchmark's feeds are what the benchmark claims: the right mix, valid documents, real changes. */
class FixtureFeedsTest {
    private final FixtureFeeds feeds = new FixtureFeeds(10_000, 200, 8080, null);

    @Test
    void theMixOfAnswersIsAboutTheOneDescribed() {
        Map<FixtureFeeds.Behaviour, Integer> counts = new EnumMap<>(FixtureFeeds.Behaviour.class);
        for (int i = 0; i < 10_000; i++) {
            counts.merge(FixtureFeeds.behaviour(i), 1, Integer::sum);
        }
        assertThat(counts.get(FixtureFeeds.Behaviour.NOT_MODIFIED)).isBetween(8_500, 8_900);
        assertThat(counts.get(FixtureFeeds.Behaviour.CHANGED)).isBetween(900, 1_100);
        int errors =
                10_000 - counts.get(FixtureFeeds.Behaviour.NOT_MODIFIED) - counts.get(FixtureFeeds.Behaviour.CHANGED);
        assertThat(errors).isBetween(240, 360);
        assertThat(counts).containsKeys(FixtureFeeds.Behaviour.values());
    }

    @Test
    void delaysStayBetween50And300Milliseconds() {
        for (int i = 0; i < 10_000; i++) {
            assertThat(FixtureFeeds.delayMillis(i)).isBetween(50L, 300L);
        }
    }

    @Test
    void feedsAreSpreadOverTheLoopbackAddresses() {
        assertThat(feeds.url(0)).isEqualTo("http://127.0.0.2:8080/feed/0.xml");
        assertThat(feeds.url(199)).isEqualTo("http://127.0.0.201:8080/feed/199.xml");
        assertThat(feeds.url(200)).isEqualTo("http://127.0.0.2:8080/feed/200.xml");
        assertThat(ManyAddressFeedServer.feedNumber("/feed/9999.xml")).isEqualTo(9_999);
        assertThat(ManyAddressFeedServer.feedNumber("/stats")).isEqualTo(-1);
    }

    @Test
    void generatedRssAndAtomParseAndVersionTwoAddsTwoEntries() throws Exception {
        FeedParser parser = new FeedParser();
        for (int i : new int[] {0, 1}) {
            ParsedFeed v1 = parser.parse(feeds.body(i, 1), feeds.contentType(i), feeds.url(i));
            ParsedFeed v2 = parser.parse(feeds.body(i, 2), feeds.contentType(i), feeds.url(i));
            assertThat(v1.entries()).hasSize(FixtureFeeds.ENTRIES);
            assertThat(v2.entries()).hasSize(FixtureFeeds.ENTRIES);
            Set<String> ids = new HashSet<>();
            v1.entries().stream().map(ParsedEntry::id).forEach(ids::add);
            assertThat(v2.entries().stream().map(ParsedEntry::id).filter(id -> !ids.contains(id)))
                    .hasSize(2);
        }
        assertThat(feeds.body(0, 1).length).isGreaterThan(20_000);
    }
}
