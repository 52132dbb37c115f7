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
 * Parses a feed with Python's podcastparser (Debian {@code python3-podcastparser}, the parser of gPodder) in a child
 * process and returns its whole result as JSON: title, {@code new_url}, {@code type}, and the episodes with guid,
 * title, enclosures, {@code total_time}, number and season. The interpreter is {@code $CALLISTO_PYTHON}, else
 * Debian's {@code /usr/bin/python3}, else {@code python3}. A missing podcastparser fails the test with the command
 * that installs it. Thread-safe.
 */
final class PythonPodcastparser {
    private static final String SCRIPT = """
            import json, sys, io
            sys.path.insert(0, "/usr/lib/python3/dist-packages")
            import podcastparser
            print(json.dumps(podcastparser.parse("https://feeds.example/", io.BytesIO(sys.stdin.buffer.read()))))
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PythonPodcastparser() {}

    /** What podcastparser makes of {@code feed}. */
    static JsonNode parse(byte[] feed) {
        String given = System.getenv("CALLISTO_PYTHON");
        String python = given != null && !given.isBlank()
                ? given
                : Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        try {
            Process p = new ProcessBuilder(List.of(python, "-c", SCRIPT)).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p, false));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p, true));
            try (OutputStream in = p.getOutputStream()) {
                in.write(feed);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return fail(python + " with podcastparser did not finish within 60 s");
            }
            String stderr = new String(err.join(), StandardCharsets.UTF_8);
            if (stderr.contains("No module named 'podcastparser'")) {
                return fail("Python's podcastparser is missing for " + python + ": install it with"
                        + " apt-get install -y python3-podcastparser (bin/test-packages.txt lists it)");
            }
            if (p.exitValue() != 0) {
                return fail(python + " -c <podcastparser script> exited with " + p.exitValue() + ": " + stderr);
            }
            return JSON.readTree(out.join());
        } catch (IOException e) {
            return fail("cannot run " + python + " for podcastparser (" + e.getMessage() + "): install python3 and"
                    + " python3-podcastparser");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for podcastparser");
        }
    }

    private static byte[] readAll(Process p, boolean error) {
        try {
            return (error ? p.getErrorStream() : p.getInputStream()).readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
