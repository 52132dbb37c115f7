package org.callisto.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.callisto.planet.SubscriptionImport;
import org.callisto.syndication.OpmlDocument;
import org.callisto.syndication.OpmlException;
import org.callisto.syndication.OpmlReader;
import org.callisto.syndication.OpmlSubscription;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code callisto opml import FILE}: subscribes to every feed of an OPML file, with its categories (folders count
 * as categories). Feeds already subscribed keep their name and gain the imported categories; nothing is removed.
 * Prints what it added, updated and skipped, and why each skip. A file that is not OPML ends with exit code 1 and
 * its {@code file:line:column}; a file larger than {@code --max-size} is refused. Feeds are written in batches
 * ({@link SubscriptionImport}), so a file of hundreds of thousands of feeds is imported in seconds. Not thread-safe: picocli makes one instance per command line.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Subscribe to the feeds of an OPML file (from a feed reader or another planet).")
final class OpmlImportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", paramLabel = "FILE", description = "The OPML file to read.")
    Path file;

    @Option(
            names = "--max-size",
            paramLabel = "SIZE",
            defaultValue = "64MiB",
            converter = SizeConverter.class,
            description = "Refuse files larger than this (default: ${DEFAULT-VALUE}; e.g. 128MiB).")
    long maxSize;

    /** The longest OPML title printed; the rest is cut. */
    static final int MAX_TITLE_SHOWN = 200;

    @Override
    public void run() {
        OpmlDocument doc;
        try (InputStream in = InputFiles.open(file.toString(), maxSize, "the --max-size flag")) {
            doc = new OpmlReader().read(in);
        } catch (IOException e) {
            throw new CommandFailure(InputFiles.describe(file.toString(), e));
        } catch (OpmlException e) {
            if (e.getCause() instanceof InputFiles.Unreadable io) {
                throw new CommandFailure(InputFiles.describe(file.toString(), io));
            }
            throw new CommandFailure(file + ":" + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Callisto callisto = options.open()) {
            SubscriptionImport importer = new SubscriptionImport(callisto.subscriptions());
            for (String skip : doc.skipped()) {
                importer.skip(file.getFileName().toString(), skip);
            }
            for (OpmlSubscription s : doc.subscriptions()) {
                importer.add(s.xmlUrl(), s.name(), s.categories());
            }
            String title = doc.title() == null ? "" : " (" + shortened(doc.title()) + ")";
            ImportReport.print(out, "Imported " + file + title, importer);
        }
        out.flush();
    }

    /** A title cut to {@link #MAX_TITLE_SHOWN} characters, with control characters shown as spaces. */
    static String shortened(String title) {
        String oneLine = title.codePoints()
                .limit(MAX_TITLE_SHOWN + 1L)
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        if (oneLine.codePointCount(0, oneLine.length()) > MAX_TITLE_SHOWN) {
            return oneLine.substring(0, oneLine.offsetByCodePoints(0, MAX_TITLE_SHOWN - 1)) + "…";
        }
        return oneLine;
    }
}
