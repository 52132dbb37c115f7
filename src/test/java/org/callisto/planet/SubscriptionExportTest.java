package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.callisto.syndication.OpmlSubscription;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions go out as OPML with only http(s) site links, even when a site link of another scheme was stored
 * before feeds' links were checked.
 */
class SubscriptionExportTest {
    @Test
    void aStoredScriptSiteLinkIsNotExported() {
        List<OpmlSubscription> out = SubscriptionExport.of(List.of(
                feed("https://a.example/feed", "javascript:alert(document.cookie)"),
                feed("https://b.example/feed", "https://b.example/")));
        assertThat(out).extracting(OpmlSubscription::htmlUrl).containsExactly(null, "https://b.example/");
    }

    private static Feed feed(String url, String siteUrl) {
        Instant now = Instant.parse("2026-12-03T12:00:00Z");
        return new Feed(
                1, url, "Name", "Title", siteUrl, null, null, "rss2.0", false, null, now, null, null, now, 0, null,
                null, 0, false, null, List.of());
    }
}
