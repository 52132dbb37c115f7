package org.callisto.planet;

import java.util.List;
import org.callisto.syndication.OpmlSubscription;

/** Turns subscriptions into OPML outlines, for {@code opml export} and {@code /opml.xml}. Stateless. */
public final class SubscriptionExport {
    private SubscriptionExport() {}

    /** One outline per feed, with its display name, site (only an http(s) one) and categories. */
    public static List<OpmlSubscription> of(List<Feed> feeds) {
        return feeds.stream()
                .map(f -> OpmlSubscription.of(
                        f.url(),
                        f.displayName(),
                        EntryLimits.webUrl(f.siteUrl()),
                        f.categories().stream().map(Category::name).toList()))
                .toList();
    }
}
