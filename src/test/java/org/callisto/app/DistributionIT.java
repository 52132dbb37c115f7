package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution a server installs ({@code target/callisto-VERSION.tar.gz}), unpacked and run as an operator would:
 * its launcher, its sample configuration and its service files, with no Maven and no sources.
 */
class DistributionIT {
    private static final Pattern SERVING = Pattern.compile("on http://localhost:(\\d+)/");

    @TempDir
    static Path unpacked;

    private static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        Path tarball = Path.of(System.getProperty("callisto.distribution"));
        assertThat(tarball).as("the distribution built by the package phase").isRegularFile();
        run(List.of("tar", "-xzf", tarball.toString(), "-C", unpacked.toString()), unpacked, 60);
        try (var dirs = Files.list(unpacked)) {
            home = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertThat(home.getFileName().toString()).startsWith("callisto-");
    }

    @Test
    void holdsTheLauncherTheJarsTheSampleConfigurationAndTheServiceFiles() throws Exception {
        assertThat(home.resolve("bin/callisto")).isExecutable();
        assertThat(home.resolve("callisto.jar")).isRegularFile();
        try (var jars = Files.list(home.resolve("lib"))) {
            assertThat(jars.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("javalin-"))
                    .anyMatch(n -> n.startsWith("sqlite-jdbc-"))
                    .anyMatch(n -> n.startsWith("postgresql-"))
                    .noneMatch(n -> n.startsWith("junit-") || n.startsWith("selenium-"));
        }
        assertThat(home.resolve("etc/callisto.conf.sample")).isRegularFile();
        assertThat(home.resolve("rc.d/freebsd/callisto")).isExecutable();
        assertThat(home.resolve("rc.d/openbsd/callisto")).isExecutable();
        assertThat(Files.readString(home.resolve("systemd/callisto.service")))
                .contains(
                        "ExecStart=/opt/callisto/bin/callisto serve",
                        "NoNewPrivileges=yes",
                        "ProtectSystem=strict",
                        "ReadWritePaths=/var/lib/callisto");
        assertThat(home.resolve("docs/operations.md")).isRegularFile();
        // The FreeBSD script is plain sh: at least it must parse.
        run(List.of("sh", "-n", home.resolve("rc.d/freebsd/callisto").toString()), home, 10);
    }

    @Test
    void theLauncherRunsCommandsWithoutMavenOrSources() throws Exception {
        String version = run(List.of(home.resolve("bin/callisto").toString(), "--version"), home, 60);
        assertThat(version).contains("Callisto");
    }

    @Test
    void servesTheSiteWithTheSampleConfiguration(@TempDir Path data) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                        home.resolve("bin/callisto").toString(),
                        "serve",
                        "--config",
                        home.resolve("etc/callisto.conf.sample").toString(),
                        "--port",
                        "0")
                .directory(data.toFile())
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("serve.log").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("CALLISTO_DATA_DIR", data.resolve("db").toString());
        Process serve = pb.start();
        try {
            int port = awaitPort(serve, data.resolve("serve.log"));
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            for (String path : List.of("/", "/atom.xml", "/journal", "/episodes")) {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path).isEqualTo(200);
            }
        } finally {
            serve.destroy(); // SIGTERM, as a service manager stops it
            assertThat(serve.waitFor(30, TimeUnit.SECONDS))
                    .as("serve stops on SIGTERM")
                    .isTrue();
        }
        assertThat(data.resolve("db/callisto.db")).isRegularFile();
    }

    /** Reads the server's log until it says where it serves; at most 90 seconds. */
    private static int awaitPort(Process serve, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            String seen = Files.exists(log) ? Files.readString(log) : "";
            Matcher m = SERVING.matcher(seen);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (!serve.isAlive()) {
                throw new IllegalStateException("serve ended without serving; it printed:\n" + seen);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                "serve did not say where it serves within 90 s; it printed:\n" + Files.readString(log));
    }

    /** Runs a command to its end (at most {@code seconds}) and returns its output; fails on a non-zero exit. */
    private static String run(List<String> command, Path dir, int seconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).as("%s ends", command).isTrue();
        String out = output.get(5, TimeUnit.SECONDS);
        assertThat(p.exitValue())
                .as("%s exit status; output:%n%s", command, out)
                .isZero();
        return out;
    }
}
