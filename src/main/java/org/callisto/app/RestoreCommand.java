package org.callisto.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.callisto.config.Config;
import org.callisto.db.Backups;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code callisto restore FILE [--force]}: puts a backup written by {@code callisto backup} in place of the
 * configured database (stop {@code serve} first), brings its schema up to date, and says what it holds. A database
 * that already has data is replaced only with {@code --force}. Not thread-safe: picocli makes one instance per
 * command line.
 */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = "Restore the database from a FILE written by callisto backup (stop serve first).")
final class RestoreCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(paramLabel = "FILE", description = "A backup written by callisto backup.")
    Path file;

    @Option(names = "--force", description = "Replace a database that already holds data.")
    boolean force;

    @Override
    public void run() {
        Config config = options.config();
        try {
            Backups.restore(config, file, force);
        } catch (Backups.BackupException e) {
            throw new CommandFailure("restore: " + e.getMessage(), ExitCodes.FAILED);
        }
        try (Callisto callisto = Callisto.open(config)) { // migrates a backup made by an older version
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    "Restored %s: %d feeds, %d entries, %d episodes.%n",
                    file,
                    callisto.subscriptions().feeds().size(),
                    callisto.entries().countEntries(),
                    callisto.show().episodes().episodes().size());
            out.printf(
                    "Put the show's media files back in %s if they are not there.%n",
                    config.show().mediaDir());
            out.flush();
        }
    }
}
