package org.callisto.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.callisto.config.Config;

/**
 * Consistent copies of the database while Callisto runs, and restoring them. SQLite: {@code VACUUM INTO}, which
 * writes a compact, consistent copy from one read transaction while others keep writing (WAL mode); a restore
 * copies the file into place. PostgreSQL: {@code pg_dump -Fc} and {@code pg_restore}, the server's own tools, when
 * they are installed. The show's media directory is files, not rows: it is copied beside the backup by hand (see
 * docs/operations.md). Stateless; each call is independent.
 */
public final class Backups {
    /** The first 16 bytes of every SQLite database file. */
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** The first 5 bytes of a pg_dump custom-format archive. */
    private static final byte[] PG_DUMP_HEADER = "PGDMP".getBytes(StandardCharsets.US_ASCII);

    private Backups() {}

    /**
     * Writes a consistent copy of the configured database to {@code target}, which must not exist yet.
     *
     * @return the size of the copy in bytes
     * @throws BackupException saying what failed and what to do
     */
    public static long backup(Config config, Path target) {
        if (Files.exists(target)) {
            throw new BackupException(target + " already exists; choose a new file name or remove it first");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BackupException("the directory of " + target + " does not exist; create it first");
        }
        if (Dialect.of(config.databaseUrl()) == Dialect.SQLITE) {
            Path file = Path.of(config.databaseUrl().substring("jdbc:sqlite:".length()));
            if (!Files.isRegularFile(file)) {
                throw new BackupException("there is no database at " + file + " to back up; check data.dir"
                        + " (--data) or database.url");
            }
            try (Connection c = DriverManager.getConnection(config.databaseUrl());
                    Statement s = c.createStatement()) {
                s.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
            } catch (SQLException e) {
                throw new BackupException(
                        "cannot back up " + config.databaseUrl() + " to " + target + ": " + e.getMessage(), e);
            }
        } else {
            pgTool(
                    config,
                    List.of(
                            "pg_dump",
                            "--format=custom",
                            "--no-owner",
                            "--file=" + target,
                            "--dbname=" + libpqUrl(config.databaseUrl())));
        }
        try {
            return Files.size(target);
        } catch (IOException e) {
            throw new BackupException("the backup " + target + " was written but cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Puts the database of {@code source} (a file {@link #backup} wrote) in place of the configured one. Callisto
     * must not be running on that database. A database that already holds data is replaced only with
     * {@code replace}. The caller then opens the database, which brings an older backup's schema up to date.
     *
     * @throws BackupException saying what failed and what to do; nothing is changed when the source is not a backup
     */
    public static void restore(Config config, Path source, boolean replace) {
        if (!Files.isRegularFile(source)) {
            throw new BackupException(source + " is not a file; name a file written by callisto backup");
        }
        if (Dialect.of(config.databaseUrl()) == Dialect.SQLITE) {
            requireHeader(source, SQLITE_HEADER, "an SQLite database");
            Path target = Path.of(config.databaseUrl().substring("jdbc:sqlite:".length()));
            try {
                if (Files.exists(target) && Files.size(target) > 0 && !replace) {
                    throw new BackupException(target + " already holds a database; stop callisto and pass --force"
                            + " to replace it, or restore into another data directory (--data)");
                }
                Path dir = target.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                Path temp = Files.createTempFile(dir, ".restore-", ".db");
                Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.deleteIfExists(Path.of(target + "-wal"));
                Files.deleteIfExists(Path.of(target + "-shm"));
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new BackupException("cannot restore " + source + " to " + target + ": " + e.getMessage(), e);
            }
        } else {
            requireHeader(source, PG_DUMP_HEADER, "a pg_dump archive (custom format)");
            if (!replace && hasTables(config)) {
                throw new BackupException(config.databaseUrl() + " already holds tables; stop callisto and pass"
                        + " --force to replace them, or restore into an empty database");
            }
            pgTool(
                    config,
                    List.of(
                            "pg_restore",
                            "--clean",
                            "--if-exists",
                            "--no-owner",
                            "--exit-on-error",
                            "--dbname=" + libpqUrl(config.databaseUrl()),
                            source.toString()));
        }
    }

    private static void requireHeader(Path file, byte[] header, String what) {
        byte[] start = new byte[header.length];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(start, 0, start.length);
            if (n < header.length || !Arrays.equals(start, header)) {
                throw new BackupException(file + " is not " + what + "; name a file written by callisto backup"
                        + " for this kind of database");
            }
        } catch (IOException e) {
            throw new BackupException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasTables(Config config) {
        try (Connection c = DriverManager.getConnection(
                        config.databaseUrl(), config.databaseUser(), config.databasePassword());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")) {
            return rs.next() && rs.getLong(1) > 0;
        } catch (SQLException e) {
            throw new BackupException(
                    "cannot open " + config.databaseUrl() + ": " + e.getMessage()
                            + "; check database.url, database.user and database.password",
                    e);
        }
    }

    /** A libpq connection URI for a JDBC URL: {@code jdbc:postgresql://h:p/db?user=u} is {@code postgresql://...}. */
    static String libpqUrl(String jdbcUrl) {
        return jdbcUrl.substring("jdbc:".length());
    }

    /** Runs pg_dump or pg_restore with the configured credentials; fails with its own words when it fails. */
    private static void pgTool(Config config, List<String> command) {
        List<String> cmd = new ArrayList<>(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        if (config.databaseUser() != null && !config.databaseUser().isEmpty()) {
            env.put("PGUSER", config.databaseUser());
        }
        if (config.databasePassword() != null && !config.databasePassword().isEmpty()) {
            env.put("PGPASSWORD", config.databasePassword()); // never on the command line, where ps shows it
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new BackupException(
                    command.getFirst() + " is not installed, and a PostgreSQL database is backed up"
                            + " and restored with it; install the PostgreSQL client tools (Debian: apt-get install"
                            + " postgresql-client; FreeBSD: pkg install postgresql15-client) and run this again",
                    e);
        }
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(6, TimeUnit.HOURS) || p.exitValue() != 0) {
                throw new BackupException(command.getFirst() + " failed: " + output);
            }
        } catch (IOException e) {
            throw new BackupException(command.getFirst() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new BackupException(command.getFirst() + " was interrupted", e);
        }
    }

    /** A backup or restore that failed, with a message a person can act on. */
    public static final class BackupException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BackupException(String message) {
            super(message);
        }

        BackupException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
