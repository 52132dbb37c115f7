package org.callisto.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.callisto.config.Config;
import org.callisto.show.RenditionException;
import org.callisto.show.Transcript;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code callisto show transcript NUMBER FILE [--language TAG]}: adds a WebVTT, SubRip or plain-text transcript
 * in the media directory to an episode; its feeds then carry a {@code podcast:transcript}.
 * Not thread-safe: picocli makes one instance per command line.
 */
@Command(
        name = "transcript",
        mixinStandardHelpOptions = true,
        description = "Add a transcript (.vtt, .srt or .txt, already in show.media_dir) to an episode.")
final class ShowTranscriptCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", paramLabel = "NUMBER", description = "The episode's number.")
    int number;

    @Parameters(index = "1", paramLabel = "FILE", description = "The file, relative to the media directory.")
    Path file;

    @Option(names = "--language", paramLabel = "TAG", description = "Its language, if not the show's: en, pt-br.")
    String language;

    @Override
    public void run() {
        Config config = options.config();
        try (Callisto callisto = Callisto.open(config)) {
            Transcript t = callisto.transcripts().add(number, file, language);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Episode " + number + " transcript: " + t.location() + ", " + t.mimeType()
                    + (t.language() == null ? "" : ", " + t.language()));
            out.flush();
        } catch (RenditionException e) {
            throw new CommandFailure(e.getMessage());
        }
    }
}
