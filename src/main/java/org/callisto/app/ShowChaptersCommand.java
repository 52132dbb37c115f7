package org.callisto.app;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.callisto.show.Chapters;
import org.callisto.show.Episode;
import org.callisto.show.EpisodeStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code callisto show chapters NUMBER FILE | --remove}: sets an episode's JSON chapters document, checked first,
 * which its feeds then name in {@code podcast:chapters}. Not thread-safe: picocli makes one instance per command
 * line.
 */
@Command(
        name = "chapters",
        mixinStandardHelpOptions = true,
        description = "Set an episode's JSON chapters (Podcasting 2.0 format) from FILE, or remove them.")
final class ShowChaptersCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", paramLabel = "NUMBER", description = "The episode's number.")
    int number;

    @Parameters(index = "1", paramLabel = "FILE", arity = "0..1", description = "The chapters document (JSON).")
    Path file;

    @Option(names = "--remove", description = "Remove the episode's chapters.")
    boolean remove;

    @Override
    public void run() {
        if (remove == (file != null)) {
            throw new CommandFailure("give either a chapters FILE or --remove");
        }
        String json = null;
        if (file != null) {
            String what = "episode " + number + " chapters " + file;
            try {
                // Chapters.check allows 1,000,000 characters, which UTF-8 writes in at most 4 MiB.
                byte[] bytes = InputFiles.read(file.toString(), 4L << 20, null);
                json = Chapters.check(
                        what,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .decode(ByteBuffer.wrap(bytes))
                                .toString());
            } catch (InputFiles.Unreadable e) {
                throw new CommandFailure(what + ": " + e.getMessage());
            } catch (CharacterCodingException e) {
                throw new CommandFailure(what + ": the file is not UTF-8 text; save it as UTF-8");
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage());
            }
        }
        try (Callisto callisto = options.open()) {
            EpisodeStore store = callisto.show().episodes();
            Episode e = store.episode(number)
                    .orElseThrow(
                            () -> new CommandFailure("there is no episode " + number + "; create or import it first"));
            store.setChapters(e.id(), json);
            PrintWriter out = spec.commandLine().getOut();
            out.println(
                    json == null
                            ? "Episode " + number + ": chapters removed."
                            : "Episode " + number + ": chapters set from " + file + ".");
            out.flush();
        }
    }
}
