package org.callisto.app;

/**
 * A command could not do what was asked, for a reason the user can fix: the message says what and how, and
 * {@link Main} prints it to stderr without a stack trace and exits with {@link #exitCode()}.
 */
public final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /** A failure with exit code 1. */
    public CommandFailure(String message) {
        this(message, 1);
    }

    public CommandFailure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
