package org.callisto.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.callisto.show.MarkdownImport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code callisto show import-markdown DIR}: imports show notes kept as Markdown, one folder per episode (see
 * {@code docs/show.md}). Prints one line per folder; a malformed file is reported with {@code file:line} and the
 * import goes on with the next folder. Exits with 1 when any folder failed, after importing the others.
 * Not thread-safe: picocli makes one instance per command line.
 */
@Command(
        name = "import-markdown",
        mixinStandardHelpOptions = true,
        description = "Import show notes kept as Markdown: DIR holds one folder per episode with notes.md.")
final class ShowImportMarkdownCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder holding one folder per episode.")
    Path dir;

    @Override
    public void run() {
        if (!Files.isDirectory(dir)) {
            throw new CommandFailure(dir + " is not a folder; give the folder that holds one folder per episode");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<MarkdownImport.Result> results;
        try (Callisto callisto = options.open()) {
            results = callisto.markdownImport().importAll(dir);
        } catch (IOException e) {
            throw new CommandFailure("cannot list " + dir + ": " + e.getMessage());
        }
        long added = results.stream()
                .filter(r -> r.outcome() == MarkdownImport.Outcome.ADDED)
                .count();
        long updated = results.stream()
                .filter(r -> r.outcome() == MarkdownImport.Outcome.UPDATED)
                .count();
        long failed = results.size() - added - updated;
        for (MarkdownImport.Result r : results) {
            switch (r.outcome()) {
                case ADDED -> out.println("  added episode " + r.number() + ": " + r.message());
                case UPDATED -> out.println("  updated episode " + r.number() + ": " + r.message());
                case FAILED -> err.println("  failed " + r.message());
            }
        }
        out.println("Imported " + dir + ": " + added + " added, " + updated + " updated, " + failed + " failed.");
        out.flush();
        err.flush();
        if (failed > 0) {
            throw new CommandFailure(failed + " of " + results.size() + " folders failed; fix the files named above"
                    + " and run the import again (it updates what is already imported)");
        }
    }
}
