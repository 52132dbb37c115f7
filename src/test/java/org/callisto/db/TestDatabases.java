package org.callisto.db;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Fresh, real databases for tests: a new SQLite file, and a new database on a real PostgreSQL server.
 *
 * <p>The PostgreSQL server is the one named by {@code CALLISTO_TEST_POSTGRES_URL} (a JDBC URL to a database the
 * tests may create databases from), or else a throwaway cluster this class starts once per JVM from the binaries
 * of the Debian {@code postgresql} package ({@code /usr/lib/postgresql/NN/bin}) and stops at exit. When neither is
 * possible, asking for PostgreSQL fails with a message saying what to install: database tests are never skipped.
 *
 * <p>Thread-safe.
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile String postgresAdminUrl;

    private TestDatabases() {}

    /** The two kinds, for {@code @ParameterizedTest @MethodSource}: {@code "sqlite"} and {@code "postgres"}. */
    public static Stream<String> kinds() {
        return Stream.of("sqlite", "postgres");
    }

    /** Opens a fresh, migrated database of the given kind. */
    public static Database open(String kind) {
        return switch (kind) {
            case "sqlite" -> Database.open(sqliteUrl(), "", "");
            case "postgres" -> Database.open(postgresUrl(), "postgres", "");
            default -> throw new IllegalArgumentException("unknown database kind " + kind);
        };
    }

    /** A JDBC URL to a new, empty SQLite file. */
    public static String sqliteUrl() {
        try {
            Path dir = Files.createTempDirectory("callisto-test-db");
            return "jdbc:sqlite:" + dir.resolve("callisto.db");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary directory", e);
        }
    }

    /** A JDBC URL to a new, empty PostgreSQL database. */
    public static synchronized String postgresUrl() {
        if (postgresAdminUrl == null) {
            String given = System.getenv("CALLISTO_TEST_POSTGRES_URL");
            postgresAdminUrl = given != null && !given.isBlank() ? given : startCluster();
        }
        String name = "callisto_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(postgresAdminUrl, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create test database on " + postgresAdminUrl + ": " + e.getMessage(), e);
        }
        return postgresAdminUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + name);
    }

    private static String startCluster() {
        Path bin = findPostgresBin();
        try {
            Path base = Files.createTempDirectory("callisto-pg");
            Path data = base.resolve("data");
            Path sock = base.resolve("sock");
            Files.createDirectories(sock);
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "-R", "postgres:postgres", base.toString()));
            }
            int port;
            try (ServerSocket ss = new ServerSocket(0)) {
                port = ss.getLocalPort();
            }
            run(asPostgres(
                    root,
                    List.of(
                            bin.resolve("initdb").toString(),
                            "-D",
                            data.toString(),
                            "-U",
                            "postgres",
                            "-A",
                            "trust",
                            "-E",
                            "UTF8",
                            "--locale=C.UTF-8",
                            "--no-sync")));
            run(asPostgres(
                    root,
                    List.of(
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            data.toString(),
                            "-l",
                            base.resolve("server.log").toString(),
                            "-w",
                            "-t",
                            "30",
                            "-o",
                            "-p " + port + " -k " + sock + " -c listen_addresses=127.0.0.1 -c fsync=off"
                                    + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                            "start")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(asPostgres(
                            root,
                            List.of(
                                    bin.resolve("pg_ctl").toString(),
                                    "-D",
                                    data.toString(),
                                    "-m",
                                    "immediate",
                                    "stop")));
                    // Removing a cluster of many test databases can take longer than the test runner waits for
                    // this JVM to exit, so a separate process removes it while this one ends.
                    new ProcessBuilder("rm", "-rf", base.toString())
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
                } catch (RuntimeException | IOException ignored) {
                    // best effort at exit
                }
            }));
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a PostgreSQL test cluster: " + e.getMessage(), e);
        }
    }

    static Path findPostgresBin() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL is not installed, and the database tests run on it too: "
                    + "install it (Debian: apt-get install postgresql) or set CALLISTO_TEST_POSTGRES_URL to a "
                    + "jdbc:postgresql:// URL of a server where user postgres may create databases");
        }
    }

    static List<String> asPostgres(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("command failed: " + String.join(" ", command) + "\n" + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}
