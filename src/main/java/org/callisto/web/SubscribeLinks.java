package org.callisto.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.callisto.web.view.EpisodesPage;

/**
 * "Subscribe" links for the usual podcast apps, each built from the feed's address alone (no directory listing is
 * needed): Apple Podcasts ({@code podcasts://}), Overcast ({@code overcast://x-callback-url/add?url=}), Pocket Casts
 * ({@code pktc://subscribe/}), AntennaPod (its web deep link, which opens the app or its install page), any app
 * through the {@code podcast://} scheme, and the RSS feed itself. Stateless and thread-safe.
 */
final class SubscribeLinks {
    private SubscribeLinks() {}

    /** The links for {@code feedUrl} (an absolute http or https address) of the show titled {@code title}. */
    static List<EpisodesPage.Link> of(String feedUrl, String title) {
        String bare = feedUrl.replaceFirst("(?i)^https?://", "");
        String encoded = URLEncoder.encode(feedUrl, StandardCharsets.UTF_8);
        return List.of(
                new EpisodesPage.Link("Apple Podcasts", "podcasts://" + bare),
                new EpisodesPage.Link("Overcast", "overcast://x-callback-url/add?url=" + encoded),
                new EpisodesPage.Link("Pocket Casts", "pktc://subscribe/" + bare),
                new EpisodesPage.Link(
                        "AntennaPod",
                        "https://antennapod.org/deeplink/subscribe?url=" + encoded + "&title="
                                + URLEncoder.encode(title == null ? "" : title, StandardCharsets.UTF_8)),
                new EpisodesPage.Link("Other apps (podcast: link)", "podcast://" + bare),
                new EpisodesPage.Link("RSS feed", feedUrl));
    }
}
