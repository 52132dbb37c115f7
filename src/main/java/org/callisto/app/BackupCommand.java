package org.callisto.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.callisto.config.Config;
import org.callisto.db.Backups;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code callisto backup FILE}: a consistent copy of the database while {@code serve} keeps running (SQLite's
 * {@code VACUUM INTO}; {@code pg_dump -Fc} for PostgreSQL). The show's media directory is named in the output, to be
 * copied beside it. Not thread-safe: picocli makes one instance per command line.
 */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = "Write a consistent copy of the database to FILE, also while serve runs.")
final class BackupCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(paramLabel = "FILE", description = "The backup to write; it must not exist yet.")
    Path file;

    @Override
    public void run() {
        Config config = options.config();
        long size;
        try {
            size = Backups.backup(config, file);
        } catch (Backups.BackupException e) {
            throw new CommandFailure("backup: " + e.getMessage(), ExitCodes.FAILED);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Backed up the database to %s (%,d bytes).%n", file, size);
        out.printf(
                "The show's media files are not in it: copy %s beside it.%n",
                config.show().mediaDir());
        out.flush();
    }
}
