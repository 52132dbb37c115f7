package org.callisto.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code callisto planet}: the planet's posts; only groups {@code split} and {@code merge}. Not thread-safe: picocli
 * makes one instance per command line.
 */
@Command(
        name = "planet",
        mixinStandardHelpOptions = true,
        description = "Split a wrong merge of a post's copies, or merge a missed one.",
        subcommands = {PlanetSplitCommand.class, PlanetMergeCommand.class})
final class PlanetCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
