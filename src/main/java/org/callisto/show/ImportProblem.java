package org.callisto.show;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something an import found wrong in a file and what it did about it, reported as
 * {@code file:line:column: problem; action}. Immutable.
 *
 * @param file    the file
 * @param line    the line, counting from 1 (0 when the problem is the whole file)
 * @param column  the column, counting from 1 (0 when it is the whole line)
 * @param problem what is wrong, naming the input
 * @param action  what the import did about it (or, for a refusal, what to do)
 */
public record ImportProblem(Path file, int line, int column, String problem, String action) {

    public ImportProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(action, "action");
    }

    /** {@code file:line:column: problem; action}. */
    @Override
    public String toString() {
        return file + ":" + Math.max(line, 1) + ":" + Math.max(column, 1) + ": " + problem + "; " + action;
    }
}
