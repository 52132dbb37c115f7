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
            PlanetCommand.class,
            OpmlCommand.class,
            ImportVenusCommand.class,
            SearchCommand.class,
            ExportCommand.class,
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

    /**
     * Runs the CLI and returns the exit code; used by {@link #main} and by tests. A command that runs out of memory
     * or stack ends with a message saying so and exit code 1, never with a stack trace.
     */
    public static int run(String... args) {
        try {
            return new CommandLine(new Main())
                    .setCaseInsensitiveEnumValuesAllowed(true)
                    .setExecutionExceptionHandler(new ExitCodes())
                    .execute(args);
        } catch (OutOfMemoryError e) {
            if (ExitCodes.debugging()) {
                throw e;
            }
            long heapMiB = Runtime.getRuntime().maxMemory() >> 20;
            System.err.println("callisto: ran out of memory (the heap holds at most " + heapMiB + " MiB); the input is"
                    + " too large for this command: give it less, or more memory with CALLISTO_JAVA_OPTS=-Xmx2g");
            return ExitCodes.FAILED;
        } catch (StackOverflowError e) {
            if (ExitCodes.debugging()) {
                throw e;
            }
            System.err.println("callisto: the input is nested too deeply to be read; this is a bug: please report it"
                    + " with the command line");
            return ExitCodes.FAILED;
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
