package org.callisto.app;

import java.io.PrintWriter;
import org.callisto.account.AccountRefusal;
import org.callisto.account.Invitations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code callisto admin invite [--email ADDR] [--by NAME]}: issues an invitation from an administrator (the first
 * one unless {@code --by} names another) and prints its link; with {@code --email} and mail configured, mails the
 * link too and waits (at most {@code mail.timeout}) until the mail is handed to the server. No quota applies: the
 * operator runs it. Not thread-safe: picocli makes one instance per command line.
 */
@Command(
        name = "invite",
        mixinStandardHelpOptions = true,
        description = "Issue an invitation and print its link; mail it with --email when mail is configured.")
final class AdminInviteCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(
            names = "--email",
            paramLabel = "ADDR",
            description = "Mail the invitation link to this address (needs mail.host).")
    String email;

    @Option(
            names = "--by",
            paramLabel = "NAME",
            description = "The administrator the invitation is from (default: the first administrator).")
    String by;

    @Override
    public void run() {
        try (Callisto callisto = Callisto.open(options.config())) {
            Invitations.Issued issued = callisto.membership().invitations().issueAsOperator(by, email);
            PrintWriter out = spec.commandLine().getOut();
            out.println(issued.link());
            if (issued.mailed()) {
                out.printf(
                        "Mailed the invitation to %s; it works once, until %s.%n",
                        email.strip(), issued.invitation().invitation().expiresAt());
            } else if (email != null && !email.isBlank()) {
                out.printf(
                        "Not mailed: mail is off (set mail.host, mail.from and the other mail.* keys);"
                                + " pass the link on yourself. It works once, until %s.%n",
                        issued.invitation().invitation().expiresAt());
            } else {
                out.printf(
                        "It works once, until %s.%n",
                        issued.invitation().invitation().expiresAt());
            }
            out.flush();
        } catch (AccountRefusal e) {
            throw new CommandFailure(e.getMessage(), ExitCodes.FAILED);
        }
    }
}
