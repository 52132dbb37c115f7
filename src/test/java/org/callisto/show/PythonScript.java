package org.callisto.show;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python script that reads a feed on its standard input and prints JSON, in a child process: the oracles
 * the show's feeds are read back with ({@link PythonFeedparser}, {@link PythonPodcastparser}). The interpreter is
 * {@code $CALLISTO_PYTHON}, else Debian's {@code /usr/bin/python3}, else {@code python3} on the path. A missing
 * module fails the test with the command that installs it: these tests are never skipped. Thread-safe.
 */
final class PythonScript {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PythonScript() {}

    /**
     * Runs {@code script} (which imports {@code module}, from Debian's {@code debianPackage}) on {@code input} and
     * returns what it printed.
     */
    static JsonNode run(String module, String debianPackage, String script, byte[] input) {
        String python = python();
        try {
            Process p = new ProcessBuilder(List.of(python, "-c", script)).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p, false));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p, true));
            try (OutputStream in = p.getOutputStream()) {
                in.write(input);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return fail(python + " with " + module + " did not finish within 60 s");
            }
            String stderr = new String(err.join(), StandardCharsets.UTF_8);
            if (stderr.contains("No module named '" + module + "'")) {
                return fail("Python's " + module + " is missing for " + python + ": install it with apt-get install -y "
                        + debianPackage + " (bin/test-packages.txt lists it), or set CALLISTO_PYTHON to a python3"
                        + " that has it");
            }
            if (p.exitValue() != 0) {
                return fail(python + " -c <" + module + " script> exited with " + p.exitValue() + ": " + stderr);
            }
            return JSON.readTree(out.join());
        } catch (IOException e) {
            return fail("cannot run " + python + " for " + module + " (" + e.getMessage() + "): install python3 and "
                    + debianPackage);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + module);
        }
    }

    private static String python() {
        String given = System.getenv("CALLISTO_PYTHON");
        if (given != null && !given.isBlank()) {
            return given;
        }
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    private static byte[] readAll(Process p, boolean error) {
        try {
            return (error ? p.getErrorStream() : p.getInputStream()).readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
