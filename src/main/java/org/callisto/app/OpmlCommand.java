package org.callisto.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code callisto opml}: moves the subscription list to and from other planets and feed readers. Not thread-safe:
 * picocli makes one instance per command line.
 */
@Command(
        name = "opml",
        mixinStandardHelpOptions = true,
        description = "Export the planet's feeds as OPML, or import feeds from an OPML file.",
        subcommands = {OpmlExportCommand.class, OpmlImportCommand.class})
final class OpmlCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
