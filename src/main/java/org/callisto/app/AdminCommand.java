package org.callisto.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code callisto admin}: administration of the journal's accounts; only groups {@code create}.
 * Not thread-safe: picocli makes one instance per command line.
 */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        description = "Manage the journal's administrators and invitations.",
        subcommands = {AdminCreateCommand.class, AdminInviteCommand.class})
final class AdminCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
