package org.callisto.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.callisto.planet.SubscriptionImport;
import org.callisto.syndication.OpmlDocument;
import org.callisto.syndication.OpmlException;
import org.callisto.syndication.OpmlReader;
import org.callisto.syndication.OpmlSubscription;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code callisto opml import FILE}: subscribes to every feed of an OPML file, with its categories (folders count
 * as categories). Feeds already subscribed keep their name and gain the imported categories; nothing is removed.
 * Prints what it added, updated and skipped, and why each skip. A file that is not OPML ends with exit code 1 and
 * its {@code file:line:column}. Not thread-safe: picocli makes one instance per command line.
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

    @Override
    public void run() {
        OpmlDocument doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = new OpmlReader().read(in);
        } catch (NoSuchFileException e) {
            throw new CommandFailure(file + " does not exist; give the path of an OPML file");
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + file + ": " + e.getMessage());
        } catch (OpmlException e) {
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
            ImportReport.print(
                    out, "Imported " + file + (doc.title() == null ? "" : " (" + doc.title() + ")"), importer);
        }
        out.flush();
    }
}
