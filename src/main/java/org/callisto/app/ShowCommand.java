package org.callisto.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code callisto show}: the podcast show; only groups its subcommands ({@code settings}, {@code import-markdown}, {@code import-feed},
 * {@code media}, {@code transcript}, {@code chapters}, {@code downloads}).
 * Not thread-safe: picocli makes one instance per command line.
 */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Manage the podcast show.",
        subcommands = {
            ShowSettingsCommand.class,
            ShowImportMarkdownCommand.class,
            ShowImportFeedCommand.class,
            ShowMediaCommand.class,
            ShowTranscriptCommand.class,
            ShowChaptersCommand.class,
            ShowDownloadsCommand.class
        })
final class ShowCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
