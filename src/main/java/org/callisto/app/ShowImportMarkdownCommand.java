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
 * {@code callisto show import-markdown DIR [--strict] [--discussions-by NAME] [--no-discussions]}: imports a show's
 * notes kept as Markdown, one folder per episode, with the listener feedback files beside them (see
 * {@code docs/show.md}), and opens each episode's discussion in the journal ({@link ImportDiscussions}). Prints one line per folder and,
 * under it, each problem mended or dropped as {@code file:line:column: problem; action}; the import goes on with the
 * next folder. With {@code --strict} an episode with problems is refused instead. Exits with 1 when any folder failed
 * or was refused, after importing the others. Not thread-safe: picocli makes one instance per command line.
 */
@Command(
        name = "import-markdown",
        mixinStandardHelpOptions = true,
        description = "Import a show's notes kept as Markdown, with its listener feedback files: DIR holds one folder"
                + " per episode (349/ with notes.md, or an .md file named with the number, and feedback/).")
final class ShowImportMarkdownCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder holding one folder per episode.")
    Path dir;

    @CommandLine.Option(
            names = "--strict",
            description = "Refuse an episode whose notes have any problem instead of mending it and warning.")
    boolean strict;

    @CommandLine.Option(
            names = "--discussions-by",
            paramLabel = "NAME",
            description = "The editor or administrator whose journal stories open the episodes' discussions"
                    + " (default: the first administrator).")
    String discussionsBy;

    @CommandLine.Option(names = "--no-discussions", description = "Open no discussion in the journal for the episodes.")
    boolean noDiscussions;

    @Override
    public void run() {
        if (!Files.isDirectory(dir)) {
            throw new CommandFailure(dir + " is not a folder; give the folder that holds one folder per episode");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<MarkdownImport.Result> results;
        java.io.StringWriter discussions = new java.io.StringWriter(); // printed after the episodes
        try (Callisto callisto = options.open()) {
            var author = noDiscussions
                    ? java.util.Optional.<org.callisto.account.User>empty()
                    : ImportDiscussions.author(callisto, discussionsBy);
            results = callisto.markdownImport().importAll(dir, strict);
            if (!noDiscussions) {
                ImportDiscussions.open(
                        callisto,
                        author,
                        results.stream()
                                .filter(r -> r.outcome() == MarkdownImport.Outcome.ADDED
                                        || r.outcome() == MarkdownImport.Outcome.UPDATED
                                        || r.outcome() == MarkdownImport.Outcome.UNCHANGED)
                                .map(MarkdownImport.Result::number)
                                .toList(),
                        new PrintWriter(discussions));
            }
        } catch (IOException e) {
            throw new CommandFailure("cannot list " + dir + ": " + e.getMessage());
        }
        long added = results.stream()
                .filter(r -> r.outcome() == MarkdownImport.Outcome.ADDED)
                .count();
        long updated = results.stream()
                .filter(r -> r.outcome() == MarkdownImport.Outcome.UPDATED)
                .count();
        long unchanged = results.stream()
                .filter(r -> r.outcome() == MarkdownImport.Outcome.UNCHANGED)
                .count();
        long refused = results.stream()
                .filter(r -> r.outcome() == MarkdownImport.Outcome.REFUSED)
                .count();
        long failed = results.stream()
                .filter(r -> r.outcome() == MarkdownImport.Outcome.FAILED)
                .count();
        int problems = 0;
        int[] feedback = new int[3];
        for (MarkdownImport.Result r : results) {
            String fb = r.feedback().total() == 0
                    ? ""
                    : " (feedback: " + r.feedback().added() + " added, "
                            + r.feedback().updated() + " updated, "
                            + r.feedback().unchanged() + " unchanged)";
            feedback[0] += r.feedback().added();
            feedback[1] += r.feedback().updated();
            feedback[2] += r.feedback().unchanged();
            switch (r.outcome()) {
                case ADDED -> out.println("  added episode " + r.number() + ": " + r.message() + fb);
                case UPDATED -> out.println("  updated episode " + r.number() + ": " + r.message() + fb);
                case UNCHANGED -> out.println("  unchanged episode " + r.number() + ": " + r.message() + fb);
                case FEEDBACK_ONLY -> out.println("  episode " + r.number() + ": no show notes" + fb);
                case REFUSED -> err.println("  refused " + r.message());
                case FAILED -> err.println("  failed " + r.message());
            }
            PrintWriter to = r.outcome() == MarkdownImport.Outcome.REFUSED ? err : out;
            for (org.callisto.show.ImportProblem p : r.problems()) {
                to.println("    " + p);
                problems++;
            }
        }
        out.println("Imported " + dir + ": " + added + " added, " + updated + " updated, " + unchanged
                + " unchanged, " + failed + " failed" + (strict ? ", " + refused + " refused" : "") + "; feedback "
                + feedback[0] + " added, " + feedback[1] + " updated, " + feedback[2] + " unchanged; " + problems
                + " problems " + (strict ? "found." : "mended or dropped."));
        out.print(discussions);
        out.flush();
        err.flush();
        if (failed + refused > 0) {
            throw new CommandFailure((failed + refused) + " of " + results.size() + " folders "
                    + (refused > 0 ? "failed or were refused" : "failed") + "; fix the files named above"
                    + " and run the import again (it updates what is already imported)");
        }
    }
}
