package org.callisto.app;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.callisto.planet.SubscriptionImport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code callisto import-venus CONFIG.ini}: moves a Planet Venus (or Planet 2.x) planet to Callisto by subscribing
 * to every feed of its config file with the feed's name, categories and face, and turning its {@code filter} and
 * {@code exclude} expressions into filter rules. Prints a summary, every skipped section and
 * malformed line, and the {@code site.title}/{@code site.url} settings matching the old planet's name and link.
 * Not thread-safe: picocli makes one instance per command line.
 */
@Command(
        name = "import-venus",
        mixinStandardHelpOptions = true,
        description = "Subscribe to the feeds of a Planet Venus or Planet 2.x config.ini, with names, categories and"
                + " faces.")
final class ImportVenusCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", paramLabel = "CONFIG.ini", description = "The Venus config file.")
    Path file;

    @Option(
            names = "--max-size",
            paramLabel = "SIZE",
            defaultValue = "64MiB",
            converter = SizeConverter.class,
            description = "Refuse files larger than this (default: ${DEFAULT-VALUE}; e.g. 128MiB).")
    long maxSize;

    @Option(
            names = "--faces-url",
            paramLabel = "URL",
            description = "Where the old planet's face images are, such as https://planet.example.org/images/;"
                    + " faces given as file names are read from there (faces given as full URLs need nothing).")
    String facesUrl;

    @Override
    public void run() {
        IniFile ini;
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader r = new InputStreamReader(InputFiles.open(file.toString(), maxSize, "the --max-size flag"), utf8)) {
            ini = IniFile.read(r, file.toString());
        } catch (IOException e) {
            throw new CommandFailure(InputFiles.describe(file.toString(), e));
        }
        VenusConfig venus = VenusConfig.of(ini);
        if (venus.feeds().isEmpty()) {
            throw new CommandFailure(file + " has no feed sections (sections named by a feed URL, such as"
                    + " [https://example.org/feed.xml]); is it a Planet Venus config.ini?");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Callisto callisto = options.open()) {
            SubscriptionImport importer = new SubscriptionImport(callisto.subscriptions());
            for (VenusConfig.VenusFeed f : venus.feeds()) {
                importer.add(f.url(), f.name(), f.categories());
            }
            for (VenusConfig.SkippedSection s : venus.skipped()) {
                importer.skip("[" + s.name() + "]", s.reason());
            }
            ImportReport.print(out, "Imported " + file, importer);
            VenusFaces.apply(callisto.subscriptions(), venus.feeds(), facesUrl, out);
            VenusFilters.apply(callisto.filterStore(), callisto.subscriptions(), venus.filters(), out);
        }
        for (String p : venus.problems()) {
            out.println("  malformed line " + p);
        }
        if (venus.planetName() != null || venus.planetLink() != null) {
            out.println(
                    "The Venus planet was " + (venus.planetName() == null ? "unnamed" : "'" + venus.planetName() + "'")
                            + (venus.planetLink() == null ? "" : " at " + venus.planetLink())
                            + (venus.ownerName() == null ? "" : ", run by " + venus.ownerName()) + ".");
            out.println("To keep its name and address, set in callisto.conf:");
            if (venus.planetName() != null) {
                out.println("  site.title = " + venus.planetName());
            }
            if (venus.planetLink() != null) {
                out.println("  site.url = " + venus.planetLink());
            }
        }
        out.flush();
    }
}
