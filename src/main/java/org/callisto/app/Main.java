package org.callisto.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code callisto} command: parses the command line and hands over to one subcommand.
 * Every subcommand loads the configuration itself, so that errors name the offending key before anything starts.
 */
@Command(
        name = "callisto",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A self-hosted news platform for open-source communities: planet, journal and show.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ServeCommand.class,
            DemoCommand.class,
            FetchCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            FeedsCommand.class,
            OpmlCommand.class,
            ImportVenusCommand.class,
            ParseCommand.class,
            HtmlCommand.class,
            AdminCommand.class,
            ShowCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code; used by {@link #main} and by tests. */
    public static int run(String... args) {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new ExitCodes())
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
