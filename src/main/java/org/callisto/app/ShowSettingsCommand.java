package org.callisto.app;

import java.io.PrintWriter;
import java.util.List;
import org.callisto.config.Config;
import org.callisto.show.PodcastGuid;
import org.callisto.show.ShowSettings;
import org.callisto.show.ShowSettingsStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code callisto show settings [--title T ...]}: prints the show's settings, or changes the ones given. The first
 * save needs every required setting (title, description, author, owner name and email, artwork, a category); later
 * saves change only what is given. The show's {@code podcast:guid} is assigned once, from the iTunes feed's
 * address, and never changes afterwards, as the Podcasting 2.0 namespace asks.
 *
 * <p>Not thread-safe: picocli makes one instance per command line.
 */
@Command(
        name = "settings",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Print the show's settings, or change the ones given.")
final class ShowSettingsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(names = "--title", description = "The show's title.")
    String title;

    @Option(names = "--description", description = "A few sentences about the show (plain text).")
    String description;

    @Option(names = "--language", description = "ISO 639 language code, e.g. en or en-us (default en).")
    String language;

    @Option(names = "--author", description = "Who makes the show (itunes:author).")
    String author;

    @Option(names = "--owner-name", description = "The owner's name (itunes:owner).")
    String ownerName;

    @Option(names = "--owner-email", description = "The owner's address (itunes:owner, podcast:locked).")
    String ownerEmail;

    @Option(
            names = "--artwork",
            paramLabel = "URL",
            description = "The show's artwork, 1400 to 3000 pixels square, JPEG or PNG: an absolute URL.")
    String artwork;

    @Option(
            names = "--category",
            paramLabel = "NAME",
            description = "An Apple category, repeatable, the first counts: Technology, \"News/Tech News\".")
    List<String> categories;

    @Option(names = "--explicit", paramLabel = "yes|no", description = "Whether the show is explicit.")
    String explicit;

    @Option(
            names = "--funding-url",
            paramLabel = "URL",
            description = "Where listeners support the show (podcast:funding); \"\" removes it.")
    String fundingUrl;

    @Option(names = "--funding-text", description = "The label of the funding link, at most 128 characters.")
    String fundingText;

    @Option(
            names = "--feedback-address",
            paramLabel = "EMAIL",
            description = "Where listeners send feedback and questions; \"\" removes it.")
    String feedbackAddress;

    @Option(
            names = "--locked",
            paramLabel = "yes|no",
            description = "Whether other platforms may not import the feed (podcast:locked, default no).")
    String locked;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Config config = options.config();
        try (Callisto callisto = Callisto.open(config)) {
            ShowSettingsStore store = callisto.show().settings();
            ShowSettings current = store.settings().orElse(null);
            if (!anyGiven()) {
                if (current == null) {
                    out.println("The show has no settings yet. Give them, for example:");
                    out.println("  callisto show settings --title \"BSD Weekly\" --description \"...\""
                            + " --author \"The crew\" --owner-name \"Ana\" --owner-email ana@example.org"
                            + " --artwork https://example.org/show.png --category Technology");
                } else {
                    print(out, current);
                }
                out.flush();
                return;
            }
            ShowSettings next = merge(current, config);
            store.saveSettings(next);
            out.println((current == null ? "Created" : "Updated") + " the show's settings:");
            print(out, next);
            out.flush();
        }
    }

    private boolean anyGiven() {
        return title != null
                || description != null
                || language != null
                || author != null
                || ownerName != null
                || ownerEmail != null
                || artwork != null
                || categories != null
                || explicit != null
                || fundingUrl != null
                || fundingText != null
                || feedbackAddress != null
                || locked != null;
    }

    private ShowSettings merge(ShowSettings current, Config config) {
        String guid = current != null
                ? current.podcastGuid()
                : PodcastGuid.of(
                        config.siteUrl().resolve("show/feeds/itunes.xml").toString());
        String funding = optional(fundingUrl, current == null ? null : current.fundingUrl());
        String feedback = optional(feedbackAddress, current == null ? null : current.feedbackAddress());
        try {
            return new ShowSettings(
                    required("--title", title, current == null ? null : current.title()),
                    required("--description", description, current == null ? null : current.description()),
                    language(language != null ? language : current == null ? "en" : current.language()),
                    required("--author", author, current == null ? null : current.author()),
                    required("--owner-name", ownerName, current == null ? null : current.ownerName()),
                    email(
                            "--owner-email",
                            required("--owner-email", ownerEmail, current == null ? null : current.ownerEmail())),
                    absoluteUrl(
                            "--artwork", required("--artwork", artwork, current == null ? null : current.artworkUrl())),
                    categories != null ? categories : current == null ? List.of() : current.categories(),
                    yesNo("--explicit", explicit, current != null && current.explicit()),
                    funding == null ? null : absoluteUrl("--funding-url", funding),
                    optional(fundingText, current == null ? null : current.fundingText()),
                    feedback == null ? null : email("--feedback-address", feedback),
                    guid,
                    yesNo("--locked", locked, current != null && current.locked()));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    private static String required(String option, String given, String current) {
        String value = given != null ? given.strip() : current;
        if (value == null) {
            throw new CommandFailure("the show has no settings yet, so " + option + " is needed; give it too");
        }
        if (value.isEmpty()) {
            throw new CommandFailure(option + " is empty; give a value");
        }
        return value;
    }

    /** {@code given} when given ({@code ""} clears), else {@code current}. */
    private static String optional(String given, String current) {
        if (given == null) {
            return current;
        }
        String v = given.strip();
        return v.isEmpty() ? null : v;
    }

    private static String language(String value) {
        String v = value.strip();
        if (!v.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
            throw new CommandFailure("--language " + value + " is not an ISO 639 code; write en, de or en-us");
        }
        return v.toLowerCase(java.util.Locale.ROOT);
    }

    private static String email(String option, String value) {
        if (!value.matches("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+")) {
            throw new CommandFailure(option + " " + value + " is not an email address; write name@example.org");
        }
        return value;
    }

    private static String absoluteUrl(String option, String value) {
        java.net.URI uri;
        try {
            uri = new java.net.URI(value);
        } catch (java.net.URISyntaxException e) {
            throw new CommandFailure(
                    option + " " + value + " is not a URL: " + e.getReason() + "; write an absolute https:// address");
        }
        String scheme = uri.getScheme();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new CommandFailure(option + " " + value + " is not an absolute http(s) URL;"
                    + " podcast apps need one, e.g. https://example.org/show.png");
        }
        return value;
    }

    private static boolean yesNo(String option, String value, boolean current) {
        if (value == null) {
            return current;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "true", "1", "on" -> true;
            case "no", "false", "0", "off" -> false;
            default -> throw new CommandFailure(option + " " + value + " is neither yes nor no; write yes or no");
        };
    }

    private static void print(PrintWriter out, ShowSettings s) {
        out.println("  title:            " + s.title());
        out.println("  description:      " + s.description());
        out.println("  language:         " + s.language());
        out.println("  author:           " + s.author());
        out.println("  owner:            " + s.ownerName() + " <" + s.ownerEmail() + ">");
        out.println("  artwork:          " + s.artworkUrl());
        out.println("  categories:       " + String.join(", ", s.categories()));
        out.println("  explicit:         " + (s.explicit() ? "yes" : "no"));
        out.println("  funding:          "
                + (s.fundingUrl() == null
                        ? "-"
                        : s.fundingUrl() + (s.fundingText() == null ? "" : " (" + s.fundingText() + ")")));
        out.println("  feedback address: " + (s.feedbackAddress() == null ? "-" : s.feedbackAddress()));
        out.println("  podcast:guid:     " + s.podcastGuid());
        out.println("  locked:           " + (s.locked() ? "yes" : "no"));
    }
}
