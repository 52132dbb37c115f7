package org.callisto.app;

import java.io.PrintWriter;
import java.util.List;
import org.callisto.planet.Feed;
import org.callisto.planet.FilterRule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code callisto feeds filter add|list|remove}: the rules that keep or drop entries by words or regular expressions,
 * for one feed or every feed (see docs/planet.md, "Filters"). Not thread-safe: picocli makes one instance per
 * command line.
 */
@Command(
        name = "filter",
        mixinStandardHelpOptions = true,
        description = "Add, list and remove the rules that keep or drop entries before they are stored.")
final class FeedsFilterCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a rule: drop (or keep only) entries whose field matches words or an expression.")
    void add(
            @Mixin ConfigOptions options,
            @Parameters(index = "0", paramLabel = "ACTION", description = "drop or keep") String action,
            @Parameters(
                            index = "1",
                            paramLabel = "PATTERN",
                            description = "Words (any of them, whole words, any"
                                    + " case; \"a phrase\" in quotes) or, with --regex, an RE2 regular expression.")
                    String pattern,
            @Option(
                            names = "--feed",
                            paramLabel = "ID_OR_URL",
                            description = "Only for this feed (default: every feed).")
                    String feed,
            @Option(
                            names = "--field",
                            paramLabel = "FIELD",
                            defaultValue = "any",
                            description = "any (default), title, content, categories or author.")
                    String field,
            @Option(names = "--regex", description = "PATTERN is a regular expression, not words.") boolean regex) {
        try (Callisto callisto = options.open()) {
            Long feedId = feed == null
                    ? null
                    : FeedReference.resolve(callisto.subscriptions(), feed).id();
            FilterRule rule;
            try {
                rule = callisto.filterStore()
                        .add(
                                feedId,
                                FilterRule.parse(FilterRule.Action.class, action, "the action"),
                                FilterRule.parse(FilterRule.Field.class, field, "--field"),
                                regex ? FilterRule.Kind.REGEX : FilterRule.Kind.WORDS,
                                pattern,
                                "command line");
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Added filter %d: %s%n", rule.id(), rule.describe());
            out.flush();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the rules, global ones first.")
    void list(@Mixin ConfigOptions options) {
        try (Callisto callisto = options.open()) {
            List<FilterRule> rules = callisto.filterStore().rules();
            PrintWriter out = spec.commandLine().getOut();
            if (rules.isEmpty()) {
                out.println("No filter rules: every entry is stored.");
            }
            for (FilterRule r : rules) {
                String where = r.feedId() == null
                        ? "every feed"
                        : callisto.subscriptions()
                                .feed(r.feedId())
                                .map(Feed::displayName)
                                .orElse("feed " + r.feedId());
                out.printf(
                        "%d\t%s\t%s\t%s\t%s\t%s%n",
                        r.id(),
                        where,
                        r.action().key(),
                        r.field().key(),
                        r.kind().key(),
                        r.pattern());
            }
            out.flush();
        }
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = "Remove a rule; entries it dropped are stored again at their feed's next fetch.")
    void remove(
            @Mixin ConfigOptions options,
            @Parameters(index = "0", paramLabel = "ID", description = "The rule's id (see 'list').") long id) {
        try (Callisto callisto = options.open()) {
            if (!callisto.filterStore().remove(id)) {
                throw new CommandFailure("no filter rule has id " + id + "; 'callisto feeds filter list' shows them");
            }
            spec.commandLine().getOut().printf("Removed filter %d%n", id);
            spec.commandLine().getOut().flush();
        }
    }
}
