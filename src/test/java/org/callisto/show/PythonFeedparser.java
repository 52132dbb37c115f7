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
 * Parses a feed with Python's feedparser (Debian {@code python3-feedparser}) in a child process and returns what it
 * understood as JSON. The interpreter is {@code $CALLISTO_PYTHON}, else Debian's {@code /usr/bin/python3}, else
 * {@code python3} on the path. A missing feedparser fails the test with the command that installs it: these tests
 * are never skipped. Thread-safe.
 */
final class PythonFeedparser {
    private static final String SCRIPT = """
            import feedparser, json, sys
            d = feedparser.parse(sys.stdin.buffer.read())
            print(json.dumps({
                "bozo": int(bool(d.bozo)),
                "bozo_exception": str(d.get("bozo_exception", "")),
                "title": d.feed.get("title"),
                "image": d.feed.get("image", {}).get("href"),
                "entries": [{
                    "title": e.get("title"),
                    "id": e.get("id"),
                    "published": e.get("published"),
                    "itunes_duration": e.get("itunes_duration"),
                    "itunes_episode": e.get("itunes_episode"),
                    "enclosures": [{"href": x.get("href"), "length": x.get("length"), "type": x.get("type")}
                                   for x in e.get("enclosures", [])],
                } for e in d.entries],
            }))
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PythonFeedparser() {}

    /** What feedparser makes of {@code feed}. */
    static JsonNode parse(byte[] feed) {
        String python = python();
        try {
            Process p = new ProcessBuilder(List.of(python, "-c", SCRIPT)).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p, false));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p, true));
            try (OutputStream in = p.getOutputStream()) {
                in.write(feed);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return fail(python + " with feedparser did not finish within 60 s");
            }
            String stderr = new String(err.join(), StandardCharsets.UTF_8);
            if (stderr.contains("No module named 'feedparser'")) {
                return fail("Python's feedparser is missing for " + python + ": install it with"
                        + " apt-get install -y python3-feedparser (as .ci/run does), or set CALLISTO_PYTHON to a"
                        + " python3 that has it");
            }
            if (p.exitValue() != 0) {
                return fail(python + " -c <feedparser script> exited with " + p.exitValue() + ": " + stderr);
            }
            return JSON.readTree(out.join());
        } catch (IOException e) {
            return fail("cannot run " + python + " for feedparser (" + e.getMessage() + "): install python3 and"
                    + " python3-feedparser (apt-get install -y python3-feedparser)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for feedparser");
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
