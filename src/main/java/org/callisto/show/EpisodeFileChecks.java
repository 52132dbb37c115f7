package org.callisto.show;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a file named for an episode lives in the media directory: the checks that media files and transcripts
 * share before they are inspected. Stateless and thread-safe.
 */
final class EpisodeFileChecks {

    private EpisodeFileChecks() {}

    /**
     * The episode numbered {@code number}.
     *
     * @param what names the file in the message, e.g. {@code "episode 7 transcript ep7.vtt"}
     */
    static Episode episode(EpisodeStore episodes, int number, String what) throws RenditionException {
        return episodes.episode(number)
                .orElseThrow(() -> new RenditionException(
                        what + ": there is no episode " + number + "; create or import it first"));
    }

    /**
     * {@code file} as an absolute path inside {@code mediaDir} (itself absolute and normalized).
     *
     * @throws RenditionException when it leads outside the directory or is not a regular file there
     */
    static Path inside(Path mediaDir, Path file, String what) throws RenditionException {
        Path absolute = mediaDir.resolve(file).normalize();
        if (!absolute.startsWith(mediaDir)) {
            throw new RenditionException(
                    what + ": the file is outside the media directory " + mediaDir + "; move it there first");
        }
        if (!Files.isRegularFile(absolute)) {
            throw new RenditionException(what + ": no such file in " + mediaDir + "; check the name");
        }
        return absolute;
    }

    /** {@code path}'s place in {@code mediaDir}, with {@code /} separators, as pages and feeds name it. */
    static String relative(Path mediaDir, Path path) {
        Path relative = mediaDir.relativize(path);
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }
}
