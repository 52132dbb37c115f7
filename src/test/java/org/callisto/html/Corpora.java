package org.callisto.html;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared test corpora, read in place; tests that need a missing folder are skipped, not failed. */
final class Corpora {
    private Corpora() {}

    /** The folder {@code relative} inside the corpora root; skips the calling test when it is absent. */
    static Path require(String relative) {
        Path root = Path.of(System.getProperty("callisto.corpora", "../shared/corpora"));
        Path dir = root.resolve(relative);
        assumeTrue(Files.exists(dir), "corpus not found, test skipped: " + dir.toAbsolutePath());
        return dir;
    }
}
