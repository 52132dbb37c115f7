package org.callisto.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.callisto.db.TestDatabases;

/**
 * Runs {@code callisto} through {@link Main#run} with stdout and stderr captured. Not thread-safe: it swaps
 * {@link System#out} and {@link System#err} for the duration of a run.
 */
final class Cli {

    /** The outcome of one run. */
    record Run(int exit, String out, String err) {}

    private Cli() {}

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code args} followed by {@code --database-url url}. */
    static Run on(String url, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--database-url");
        all.add(url);
        return run(all.toArray(String[]::new));
    }

    /** A JDBC URL to a fresh database of the kind, with the credentials in the URL for PostgreSQL. */
    static String freshDatabase(String kind) {
        return switch (kind) {
            case "sqlite" -> TestDatabases.sqliteUrl();
            case "postgres" -> TestDatabases.postgresUrl() + "?user=postgres";
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
