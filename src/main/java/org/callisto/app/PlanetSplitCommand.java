package org.callisto.app;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code callisto planet split ENTRY}: takes an entry out of the post it was merged into, so that it is shown on its
 * own; logged as done by the command line. An unknown or unmerged entry ends with exit code 1. Not thread-safe:
 * picocli makes one instance per command line.
 */
@Command(
        name = "split",
        mixinStandardHelpOptions = true,
        description = "Show an entry on its own again, out of the post it was taken for a copy of.")
final class PlanetSplitCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", paramLabel = "ENTRY", description = "The entry's id (in its page's address, /entries/ID).")
    long entry;

    @Override
    public void run() {
        try (Callisto callisto = options.open()) {
            try {
                callisto.entries().posts().split(entry, "command line");
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Split entry %d from its post: it is shown on its own%n", entry);
            out.flush();
        }
    }
}
