package org.callisto.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.callisto.config.Config;
import org.callisto.show.Rendition;
import org.callisto.show.RenditionException;
import org.callisto.show.RenditionKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code callisto show media NUMBER KIND FILE}: makes a file in the media directory the MP3, HD or SD rendition of
 * an episode. Its type, length and duration are read from the file, and its {@code .torrent} is written beside it.
 * Not thread-safe: picocli makes one instance per command line.
 */
@Command(
        name = "media",
        mixinStandardHelpOptions = true,
        description = "Add a media file (already in show.media_dir) to an episode as its mp3, hd or sd rendition.")
final class ShowMediaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", paramLabel = "NUMBER", description = "The episode's number.")
    int number;

    @Parameters(index = "1", paramLabel = "KIND", description = "mp3, hd or sd.")
    String kind;

    @Parameters(index = "2", paramLabel = "FILE", description = "The file, relative to the media directory.")
    Path file;

    @Override
    public void run() {
        RenditionKind k;
        try {
            k = RenditionKind.of(kind);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("KIND " + kind + " is not a rendition kind; write mp3, hd or sd");
        }
        Config config = options.config();
        try (Callisto callisto = Callisto.open(config)) {
            Rendition r = callisto.renditions().add(number, k, file);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Episode " + number + " " + k.label() + ": " + r.mediaPath() + ", " + r.mimeType() + ", "
                    + r.length() + " bytes, " + r.durationSeconds() + " s; torrent " + r.torrentPath()
                    + " (info hash " + r.infoHash() + ")");
            out.flush();
        } catch (RenditionException e) {
            throw new CommandFailure(e.getMessage());
        }
    }
}
