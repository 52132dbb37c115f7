package org.callisto.show;

import java.nio.file.Path;

/**
 * A show-notes Markdown file that cannot be read: the message is {@code file:line: what is wrong; how to fix it}.
 */
public final class ShowNotesException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;

    public ShowNotesException(Path file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The line, counting from 1. */
    public int line() {
        return line;
    }
}
