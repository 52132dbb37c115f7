package org.callisto.app;

import java.io.PrintWriter;
import java.util.Optional;
import org.callisto.planet.Feed;
import org.callisto.planet.SubscriptionStore;
import org.callisto.planet.SubscriptionUrl;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code callisto feeds remove ID_OR_URL}: unsubscribes from a feed and deletes its entries. An unknown id or URL
 * ends with exit code 1. Not thread-safe: picocli makes one instance per command line.
 */
@Command(
        name = "remove",
        mixinStandardHelpOptions = true,
        description = "Unsubscribe from a feed, given its id (see 'feeds list') or its URL; its entries go too.")
final class FeedsRemoveCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", paramLabel = "ID_OR_URL", description = "The feed's id or URL.")
    String idOrUrl;

    @Override
    public void run() {
        String key = idOrUrl.strip();
        try (Callisto callisto = options.open()) {
            SubscriptionStore store = callisto.subscriptions();
            Optional<Feed> feed;
            if (key.matches("\\d{1,18}")) {
                feed = store.feed(Long.parseLong(key));
                if (feed.isEmpty()) {
                    throw new CommandFailure("no feed has id " + key + "; 'callisto feeds list' shows the ids");
                }
            } else {
                feed = store.feedByUrl(SubscriptionUrl.isValid(key) ? SubscriptionUrl.check(key) : key);
                if (feed.isEmpty()) {
                    throw new CommandFailure("no feed has the URL '" + SubscriptionUrl.excerpt(key)
                            + "'; give the URL exactly as" + " 'callisto feeds list' shows it, or the feed's id");
                }
            }
            store.removeFeed(feed.get().id());
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    "Removed feed %d: %s <%s>%n",
                    feed.get().id(), feed.get().displayName(), feed.get().url());
            out.flush();
        }
    }
}
