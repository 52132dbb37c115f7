package org.callisto.planet;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.callisto.planet.parse.ParsedFeed;

/**
 * What the refresh pipeline tells the WebSub subscriber and asks of it, so that the planet need not know WebSub:
 * after each fetched and parsed document, which hubs it names (the subscriber subscribes); and, for a feed whose
 * updates are pushed, how much longer to wait before polling it again (polling stays on as a safety net).
 *
 * <p>Implementations are thread-safe: many feeds are refreshed at once; they never throw.
 */
public interface FeedPushes {

    /** Nothing is pushed: polling as scheduled. */
    FeedPushes NONE = new FeedPushes() {
        @Override
        public void fetched(Feed feed, URI finalUrl, List<String> linkHeaders, ParsedFeed parsed) {}

        @Override
        public Duration pollInterval(long feedId, Duration scheduled) {
            return scheduled;
        }
    };

    /**
     * A document of {@code feed} was fetched from {@code finalUrl} and parsed.
     *
     * @param linkHeaders the response's Link header values, where a hub and the topic may be named
     */
    void fetched(Feed feed, URI finalUrl, List<String> linkHeaders, ParsedFeed parsed);

    /** The wait before the next poll of a feed, given the one its schedule chose. */
    Duration pollInterval(long feedId, Duration scheduled);
}
