package org.callisto.app;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.callisto.account.AccountRefusal;
import org.callisto.account.User;
import org.callisto.config.Config;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code callisto admin create --username NAME [--password-stdin]}: creates an administrator account whatever
 * {@code journal.registration} says; this is how a site gets its first one. The password is read from the first
 * line of standard input with {@code --password-stdin} (for scripts), else asked for twice on the terminal without
 * echo. It is never taken from the command line, where other users could see it. Not thread-safe: picocli makes
 * one instance per command line.
 */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = "Create an administrator account (the way to make the first one).")
final class AdminCreateCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(
            names = "--username",
            paramLabel = "NAME",
            required = true,
            description = "The administrator's username: 3 to 32 letters, digits, _ - or .")
    String username;

    @Option(
            names = "--password-stdin",
            description = "Read the password from the first line of standard input instead of asking for it.")
    boolean passwordStdin;

    @Override
    public void run() {
        Config config = options.config();
        String password = passwordStdin ? readStdin() : prompt();
        try (Callisto callisto = Callisto.open(config)) {
            User user = callisto.accounts().createAdmin(username, password);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Created administrator %d: %s%n", user.id(), user.username());
            out.flush();
        } catch (AccountRefusal e) {
            throw new CommandFailure(e.getMessage(), ExitCodes.FAILED);
        }
    }

    private static String readStdin() {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null || line.isEmpty()) {
                throw new CommandFailure(
                        "--password-stdin was given but standard input is empty; pipe the password"
                                + " in, e.g. printf '%s\\n' \"$PASSWORD\" | callisto admin create --username NAME"
                                + " --password-stdin",
                        ExitCodes.FAILED);
            }
            return line;
        } catch (IOException e) {
            throw new CommandFailure(
                    "cannot read the password from standard input: " + e.getMessage(), ExitCodes.FAILED);
        }
    }

    private static String prompt() {
        Console console = System.console();
        if (console == null || !console.isTerminal()) {
            throw new CommandFailure(
                    "there is no terminal to ask for the password; pass --password-stdin and" + " pipe the password in",
                    ExitCodes.FAILED);
        }
        char[] first = console.readPassword("Password for the new administrator: ");
        if (first == null || first.length == 0) {
            throw new CommandFailure("the password is empty; enter one of at least 10 characters", ExitCodes.FAILED);
        }
        char[] second = console.readPassword("The same password again: ");
        if (second == null || !new String(first).equals(new String(second))) {
            throw new CommandFailure("the two passwords differ; run the command again", ExitCodes.FAILED);
        }
        return new String(first);
    }
}
