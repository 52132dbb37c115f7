package org.callisto.app;

import org.callisto.planet.Feed;
import org.callisto.planet.SubscriptionStore;
import org.callisto.planet.SubscriptionUrl;

/** A feed named on the command line by its id or its URL. Stateless. */
final class FeedReference {
    private FeedReference() {}

    /**
     * The feed {@code idOrUrl} names.
     *
     * @throws CommandFailure naming the id or URL when no feed has it
     */
    static Feed resolve(SubscriptionStore store, String idOrUrl) {
        String key = idOrUrl.strip();
        if (key.matches("\\d{1,18}")) {
            return store.feed(Long.parseLong(key))
                    .orElseThrow(() ->
                            new CommandFailure("no feed has id " + key + "; 'callisto feeds list' shows the ids"));
        }
        return store.feedByUrl(SubscriptionUrl.isValid(key) ? SubscriptionUrl.check(key) : key)
                .orElseThrow(() -> new CommandFailure("no feed has the URL '" + SubscriptionUrl.excerpt(key)
                        + "'; give the URL exactly as 'callisto feeds list' shows it, or the feed's id"));
    }
}
