package org.callisto.app;

import org.callisto.config.ConfigException;
import org.callisto.db.DatabaseException;
import picocli.CommandLine;

/**
 * Turns the exceptions a command may end with into a message on stderr and an exit code: 1 when the command
 * failed ({@link CommandFailure}, an unreachable database), 2 when the configuration is wrong ({@link ConfigException},
 * as picocli does for bad options). Anything else is a bug and keeps its stack trace. Stateless and thread-safe.
 */
final class ExitCodes implements CommandLine.IExecutionExceptionHandler {
    static final int FAILED = 1;
    static final int BAD_CONFIG = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
        String prefix = cmd.getCommandSpec().qualifiedName() + ": ";
        int code;
        switch (e) {
            case CommandFailure f -> code = f.exitCode();
            case ConfigException c -> code = BAD_CONFIG;
            case DatabaseException d -> code = FAILED;
            default -> throw e;
        }
        cmd.getErr().println(prefix + e.getMessage());
        cmd.getErr().flush();
        return code;
    }
}
