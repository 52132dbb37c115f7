package org.callisto.app;

import org.callisto.config.ConfigException;
import org.callisto.db.DatabaseException;
import picocli.CommandLine;

/**
 * Turns the exceptions a command may end with into a message on stderr and an exit code: 1 when the command
 * failed ({@link CommandFailure}, an unreachable database), 2 when the configuration is wrong ({@link ConfigException},
 * as picocli does for bad options). Anything else is a bug: it is reported in one line, without a stack trace or an
 * exception's class name, asking for a report; with {@code CALLISTO_DEBUG=1} in the environment the exception is
 * rethrown with its stack trace instead. Stateless and thread-safe.
 */
final class ExitCodes implements CommandLine.IExecutionExceptionHandler {
    static final int FAILED = 1;
    static final int BAD_CONFIG = 2;
    /** The environment variable that shows the stack trace of an unexpected failure. */
    static final String DEBUG = "CALLISTO_DEBUG";

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
        String prefix = cmd.getCommandSpec().qualifiedName() + ": ";
        int code;
        String message;
        switch (e) {
            case CommandFailure f -> {
                code = f.exitCode();
                message = f.getMessage();
            }
            case ConfigException c -> {
                code = BAD_CONFIG;
                message = c.getMessage();
            }
            case DatabaseException d -> {
                code = FAILED;
                message = d.getMessage();
            }
            default -> {
                if (debugging()) {
                    throw e;
                }
                code = FAILED;
                message = unexpected(e);
            }
        }
        cmd.getErr().println(prefix + message);
        cmd.getErr().flush();
        return code;
    }

    /** One line for a failure nobody planned for: what is known of it, and how to get the details. */
    static String unexpected(Throwable e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? "" : " (" + e.getMessage() + ")";
        return "failed unexpectedly" + detail + "; this is a bug: please report it with the command line, and run it"
                + " again with " + DEBUG + "=1 in the environment to see where it failed";
    }

    /** Whether unexpected failures should keep their stack traces. */
    static boolean debugging() {
        String value = System.getenv(DEBUG);
        return value != null && !value.isBlank() && !value.equals("0");
    }
}
