package org.callisto.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.callisto.config.Config;
import org.callisto.planet.SubscriptionExport;
import org.callisto.syndication.OpmlSubscription;
import org.callisto.syndication.OpmlWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code callisto opml export [FILE]}: writes every subscription with its categories as OPML 2.0, to FILE (replaced
 * atomically) or to stdout. Not thread-safe: picocli makes one instance per command line.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write the planet's feeds and their categories as OPML 2.0, to FILE or to stdout.")
final class OpmlExportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Where to write; stdout when absent.")
    Path file;

    @Override
    public void run() {
        Config config = options.config();
        List<OpmlSubscription> subscriptions;
        ZonedDateTime now;
        try (Callisto callisto = Callisto.open(config)) {
            subscriptions = SubscriptionExport.of(callisto.subscriptions().feeds());
            now = ZonedDateTime.ofInstant(callisto.clock().instant(), ZoneId.systemDefault());
        }
        OpmlWriter writer = new OpmlWriter();
        try {
            if (file == null) {
                PrintWriter out = spec.commandLine().getOut();
                writer.write(config.siteTitle(), subscriptions, now, out);
                out.flush();
                return;
            }
            Path target = file.toAbsolutePath();
            Path temp = Files.createTempFile(target.getParent(), ".callisto-opml", ".tmp");
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                writer.write(config.siteTitle(), subscriptions, now, w);
            } catch (IOException | XMLStreamException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Exported %d feed%s to %s%n",
                            subscriptions.size(), subscriptions.size() == 1 ? "" : "s", file);
            spec.commandLine().getOut().flush();
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + file + ": " + e.getMessage()
                    + "; check that the directory exists and is writable");
        } catch (XMLStreamException e) {
            throw new CommandFailure("cannot write OPML: " + e.getMessage());
        }
    }
}
