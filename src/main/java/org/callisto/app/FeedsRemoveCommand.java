package org.callisto.app;

import java.io.PrintWriter;
import org.callisto.planet.Feed;
import org.callisto.planet.SubscriptionStore;
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
        try (Callisto callisto = options.open()) {
            SubscriptionStore store = callisto.subscriptions();
            Feed feed = FeedReference.resolve(store, idOrUrl);
            store.removeFeed(feed.id());
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Removed feed %d: %s <%s>%n", feed.id(), feed.displayName(), feed.url());
            out.flush();
        }
    }
}
