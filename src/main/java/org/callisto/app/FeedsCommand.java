package org.callisto.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code callisto feeds}: the planet's subscriptions; only groups {@code add}, {@code list}, {@code remove} and {@code filter}.
 * Not thread-safe: picocli makes one instance per command line.
 */
@Command(
        name = "feeds",
        mixinStandardHelpOptions = true,
        description = "Add, list and remove the planet's feeds, and their filters.",
        subcommands = {FeedsAddCommand.class, FeedsListCommand.class, FeedsRemoveCommand.class, FeedsFilterCommand.class
        })
final class FeedsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
