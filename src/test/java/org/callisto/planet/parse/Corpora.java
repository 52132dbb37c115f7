package org.callisto.planet.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the shared test corpora (read in place, never copied into the project): the system property
 * {@code callisto.corpora}, which surefire sets, else {@code ../shared/corpora}. A missing folder fails the test with
 * a message saying where it looked, so that a corpus test can never pass by reading nothing.
 */
final class Corpora {
    private Corpora() {}

    static Path root() {
        String prop = System.getProperty("callisto.corpora");
        Path p = prop != null && !prop.isBlank() ? Paths.get(prop) : Paths.get("../shared/corpora");
        if (!Files.isDirectory(p)) {
            throw new AssertionError("test corpora not found at " + p.toAbsolutePath()
                    + " (set -Dcallisto.corpora=/path/to/shared/corpora)");
        }
        return p;
    }

    static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new AssertionError("corpus file or folder missing: " + p.toAbsolutePath());
        }
        return p;
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All regular files under {@code relative} whose names end with {@code suffix}, sorted. */
    static List<Path> files(String relative, String suffix) {
        try (Stream<Path> s = Files.walk(path(relative))) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
