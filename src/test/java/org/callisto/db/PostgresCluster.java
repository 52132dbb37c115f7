package org.callisto.db;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A PostgreSQL cluster of a test's own, from the Debian binaries, that the test may stop and start again (to see
 * what the site does while its database is away). The shared cluster of {@link TestDatabases} is never stopped.
 * Not thread-safe; close it at the end of the test.
 */
public final class PostgresCluster implements AutoCloseable {
    private final Path bin;
    private final Path base;
    private final boolean root;
    private final int port;

    private PostgresCluster(Path bin, Path base, boolean root, int port) {
        this.bin = bin;
        this.base = base;
        this.root = root;
        this.port = port;
    }

    /** Makes and starts a new cluster on a free port of 127.0.0.1. */
    public static PostgresCluster start() throws IOException {
        Path bin = TestDatabases.findPostgresBin();
        Path base = Files.createTempDirectory("callisto-pg-own");
        Files.createDirectories(base.resolve("sock"));
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            TestDatabases.run(List.of("chown", "-R", "postgres:postgres", base.toString()));
        }
        int port;
        try (ServerSocket ss = new ServerSocket(0)) {
            port = ss.getLocalPort();
        }
        PostgresCluster cluster = new PostgresCluster(bin, base, root, port);
        TestDatabases.run(TestDatabases.asPostgres(
                root,
                List.of(
                        bin.resolve("initdb").toString(),
                        "-D",
                        base.resolve("data").toString(),
                        "-U",
                        "postgres",
                        "-A",
                        "trust",
                        "-E",
                        "UTF8",
                        "--locale=C.UTF-8",
                        "--no-sync")));
        cluster.resume();
        return cluster;
    }

    /** The JDBC URL of its {@code postgres} database (user {@code postgres}, no password). */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Starts the stopped server again on the same port and data. */
    public void resume() {
        TestDatabases.run(TestDatabases.asPostgres(
                root,
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        base.resolve("data").toString(),
                        "-l",
                        base.resolve("server.log").toString(),
                        "-w",
                        "-t",
                        "30",
                        "-o",
                        "-p " + port + " -k " + base.resolve("sock") + " -c listen_addresses=127.0.0.1 -c fsync=off",
                        "start")));
    }

    /** Stops the server at once, as a crash or an operator's {@code pg_ctl stop -m fast} would. */
    public void stop() {
        TestDatabases.run(TestDatabases.asPostgres(
                root,
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        base.resolve("data").toString(),
                        "-m",
                        "fast",
                        "stop")));
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (RuntimeException alreadyStopped) {
            // stopped by the test
        }
        try {
            new ProcessBuilder("rm", "-rf", base.toString()).start().waitFor();
        } catch (IOException | InterruptedException ignored) {
            // a temporary directory; best effort
        }
    }
}
