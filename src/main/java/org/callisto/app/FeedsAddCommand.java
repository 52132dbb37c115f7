package org.callisto.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.callisto.planet.Category;
import org.callisto.planet.Feed;
import org.callisto.planet.SubscriptionStore;
import org.callisto.planet.SubscriptionUrl;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code callisto feeds add URL [--name NAME] [--category C]... [--face URL]}: subscribes to a feed, or, when
 * already subscribed, sets its name (if given), its categories (if any given) and its face (if given). A URL that is not absolute http(s) ends
 * with exit code 1. Not thread-safe: picocli makes one instance per command line.
 */
@Command(
        name = "add",
        mixinStandardHelpOptions = true,
        description = "Subscribe to a feed, or update the name and categories of a subscribed one.")
final class FeedsAddCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", paramLabel = "URL", description = "The feed's address (http or https).")
    String url;

    @Option(names = "--name", paramLabel = "NAME", description = "The name the planet shows, such as the author's.")
    String name;

    @Option(
            names = "--category",
            paramLabel = "CATEGORY",
            description = "A category to put the feed in; repeat for several. Replaces its categories when given.")
    List<String> categories = new ArrayList<>();

    @Option(
            names = "--face",
            paramLabel = "URL",
            description = "The address of a picture of the author, shown beside the feed's entries; an empty value"
                    + " removes it (initials are shown instead).")
    String face;

    @Override
    public void run() {
        String checked;
        String checkedFace;
        try {
            checked = SubscriptionUrl.check(url);
            checkedFace = SubscriptionStore.checkedFace(face);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), ExitCodes.FAILED);
        }
        try (Callisto callisto = options.open()) {
            SubscriptionStore store = callisto.subscriptions();
            boolean existed = store.feedByUrl(checked).isPresent();
            Feed feed = store.addFeed(checked, name, categories.isEmpty() ? null : categories);
            if (face != null) {
                store.setFace(feed.id(), checkedFace);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    "%s feed %d: %s <%s>%s%s%n",
                    existed ? "Updated" : "Added",
                    feed.id(),
                    feed.displayName(),
                    feed.url(),
                    categoryText(feed),
                    checkedFace == null ? "" : ", face " + checkedFace);
            out.flush();
        }
    }

    static String categoryText(Feed feed) {
        if (feed.categories().isEmpty()) {
            return "";
        }
        return " in " + feed.categories().stream().map(Category::name).collect(Collectors.joining(", "));
    }
}
