package org.callisto.app;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code callisto planet merge ENTRY OTHER}: takes two entries for copies of one post, shown once by the earliest;
 * logged as done by the command line. An unknown entry, or two entries already one post, end with exit code 1. Not
 * thread-safe: picocli makes one instance per command line.
 */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        description = "Show two entries as one post, credited to the earliest, with \"also posted by\" the other.")
final class PlanetMergeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", paramLabel = "ENTRY", description = "One entry's id (in its page's address, /entries/ID).")
    long entry;

    @Parameters(index = "1", paramLabel = "OTHER", description = "The other entry's id.")
    long other;

    @Override
    public void run() {
        try (Callisto callisto = options.open()) {
            try {
                callisto.entries().posts().merge(entry, other, "command line");
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage());
            }
            long post = callisto.entries().posts().postOf(entry);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Merged entries %d and %d into one post, shown as entry %d%n", entry, other, post);
            out.flush();
        }
    }
}
