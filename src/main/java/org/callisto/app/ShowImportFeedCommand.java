package org.callisto.app;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import org.callisto.config.Config;
import org.callisto.planet.fetch.FeedFetcher;
import org.callisto.planet.fetch.FetchRequest;
import org.callisto.planet.fetch.FetchResult;
import org.callisto.show.FeedImport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code callisto show import-feed URL_OR_FILE [--download-media] [--dry-run] [--discussions-by NAME]
 * [--no-discussions]}: imports an existing podcast from its feed ({@link FeedImport}; see {@code docs/show.md}) and
 * opens each episode's discussion in the journal ({@link ImportDiscussions}). Prints what happened to the settings, then one line per
 * item with its guid and number, and under it each remark; exits with 1 when any item failed, after importing the
 * others. URLs are fetched by the planet's fetcher ({@code fetch.*} guards and limits); media files with a longer
 * total timeout. Not thread-safe: picocli makes one instance per command line.
 */
@Command(
        name = "import-feed",
        mixinStandardHelpOptions = true,
        description = "Import an existing podcast from its feed: the show's settings and every episode with its guid"
                + " kept, enclosures kept remote (or downloaded with --download-media), chapters, transcripts and"
                + " Podcasting 2.0 tags, and each episode's discussion in the journal. Importing again changes only"
                + " what changed.")
final class ShowImportFeedCommand implements Runnable {
    private static final String RAISE_LIMIT = "fetch.max_body (in callisto.conf, or CALLISTO_FETCH_MAX_BODY)";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", paramLabel = "URL_OR_FILE", description = "The feed's URL, or a file holding it.")
    String input;

    @Option(
            names = "--download-media",
            description = "Download each enclosure into show.media_dir (inspected, torrent made) instead of linking"
                    + " to it where it is.")
    boolean downloadMedia;

    @Option(names = "--dry-run", description = "Say what would be imported, and write nothing.")
    boolean dryRun;

    @Option(
            names = "--discussions-by",
            paramLabel = "NAME",
            description = "The editor or administrator whose journal stories open the episodes' discussions"
                    + " (default: the first administrator).")
    String discussionsBy;

    @Option(names = "--no-discussions", description = "Open no discussion in the journal for the episodes.")
    boolean noDiscussions;

    @Override
    public void run() {
        Config config = options.config();
        PrintWriter out = spec.commandLine().getOut();
        try (Callisto callisto = options.open();
                FeedFetcher fetcher = Callisto.standaloneFetcher(config);
                FeedFetcher mediaFetcher = Callisto.standaloneFetcher(mediaConfig(config))) {
            byte[] body;
            String contentType = null;
            String source = input;
            if (input.matches("(?i)https?://.*")) {
                URI url;
                try {
                    url = new URI(input);
                } catch (URISyntaxException e) {
                    throw new CommandFailure("'" + input + "' is not a URL (" + e.getReason() + "); give the feed's"
                            + " address or a file");
                }
                FetchResult r = fetcher.fetch(new FetchRequest(url, null, null));
                if (r.outcome() != FetchResult.Outcome.OK) {
                    throw new CommandFailure(
                            r.message() != null
                                    ? r.message()
                                    : "fetching " + input + " gave HTTP status " + r.status() + "; check the address");
                }
                body = r.body();
                contentType = r.contentType();
                source = r.finalUrl() == null ? input : r.finalUrl().toString();
            } else {
                try {
                    body = InputFiles.read(input, config.fetch().maxBodyBytes(), RAISE_LIMIT);
                } catch (InputFiles.Unreadable e) {
                    throw new CommandFailure(e.getMessage());
                }
            }
            var author = noDiscussions || dryRun
                    ? java.util.Optional.<org.callisto.account.User>empty()
                    : ImportDiscussions.author(callisto, discussionsBy);
            FeedImport importer = new FeedImport(
                    callisto.show(),
                    callisto.renditions(),
                    config.show().mediaDir(),
                    fetcher,
                    mediaFetcher,
                    callisto.clock());
            FeedImport.Report report;
            try {
                report = importer.importFeed(body, contentType, source, new FeedImport.Options(downloadMedia, dryRun));
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage() + "; give the podcast's RSS feed");
            }
            print(out, report);
            if (!noDiscussions && !dryRun) {
                ImportDiscussions.open(
                        callisto,
                        author,
                        report.items().stream()
                                .filter(i -> i.number() >= 0 && i.outcome() != FeedImport.Outcome.FAILED)
                                .map(FeedImport.Item::number)
                                .toList(),
                        out);
            }
            if (report.count(FeedImport.Outcome.FAILED) > 0) {
                throw new CommandFailure(report.count(FeedImport.Outcome.FAILED)
                        + " item(s) failed (see above); the others were imported");
            }
        }
    }

    private void print(PrintWriter out, FeedImport.Report report) {
        String would = dryRun ? " (dry run: nothing written)" : "";
        out.println("Show settings: " + (report.settingsChanged() ? "changed" : "unchanged") + would);
        report.remarks().forEach(r -> out.println("  " + r));
        for (FeedImport.Item i : report.items()) {
            out.println(i.outcome().name().toLowerCase(java.util.Locale.ROOT)
                    + (i.number() >= 0 ? " episode " + i.number() : "")
                    + ": " + i.title() + " [guid " + i.guid() + "]");
            i.remarks().forEach(r -> out.println("  " + r));
        }
        out.println(report.count(FeedImport.Outcome.ADDED) + " added, "
                + report.count(FeedImport.Outcome.UPDATED) + " updated, "
                + report.count(FeedImport.Outcome.UNCHANGED) + " unchanged, "
                + report.count(FeedImport.Outcome.SKIPPED) + " skipped, "
                + report.count(FeedImport.Outcome.FAILED) + " failed" + would);
        out.flush();
    }

    /** The fetch settings for media files: the same guards, with an hour for a whole file. */
    private static Config mediaConfig(Config config) {
        Config.FetchConfig f = config.fetch();
        Duration total = f.totalTimeout().compareTo(Duration.ofHours(1)) < 0 ? Duration.ofHours(1) : f.totalTimeout();
        return config.withFetch(f.withTotalTimeout(total));
    }
}
