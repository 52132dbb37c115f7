package org.callisto.planet.parse;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks Python's feedparser (Debian {@code python3-feedparser}, with {@code python3-chardet} as its detector) which
 * encoding it chose for each of many inputs, with or without a simulated HTTP Content-Type, and whether it found the
 * input ill-formed ({@code bozo}), in one child process. The interpreter is {@code $CALLISTO_PYTHON}, else Debian's
 * {@code /usr/bin/python3}. A missing feedparser or chardet fails the test with the command that installs it: these
 * tests are never skipped. {@link #entries} gives the entries feedparser finds in one document, for tests that read
 * Callisto's output feeds back. Thread-safe.
 */
public final class FeedparserOracle {
    private static final String SCRIPT = """
            import base64, json, sys, warnings
            warnings.simplefilter("ignore")
            import chardet, feedparser
            out = []
            for case in json.load(sys.stdin):
                headers = None if case["contentType"] is None else {"content-type": case["contentType"]}
                d = feedparser.parse(base64.b64decode(case["body"]), response_headers=headers)
                out.append({"encoding": d.get("encoding", ""), "bozo": bool(d.bozo),
                            "exception": str(d.get("bozo_exception", ""))})
            print(json.dumps(out))
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENTRIES_SCRIPT = """
            import json, sys, time, warnings
            warnings.simplefilter("ignore")
            import feedparser
            def plain(v):
                if isinstance(v, time.struct_time):
                    return list(v)
                if isinstance(v, dict):
                    return {str(k): plain(x) for k, x in v.items()}
                if isinstance(v, (list, tuple)):
                    return [plain(x) for x in v]
                return v
            d = feedparser.parse(sys.stdin.buffer.read())
            entries = []
            for e in d.entries:
                x = plain(e)
                x["enclosures"] = plain(e.get("enclosures", []))
                entries.append(x)
            print(json.dumps({"bozo": bool(d.bozo), "version": d.get("version", ""), "entries": entries}))
            """;

    /** One input: bytes and the Content-Type they are served with (null: no HTTP headers at all, as for a file). */
    record Case(byte[] body, String contentType) {}

    /** What feedparser said about one input. */
    record Answer(String encoding, boolean bozo, String exception) {}

    private FeedparserOracle() {}

    /** feedparser's answers, in the order of {@code cases}. */
    static List<Answer> ask(List<Case> cases) {
        String python = python();
        ArrayNode input = JSON.createArrayNode();
        for (Case c : cases) {
            input.addObject()
                    .put("body", Base64.getEncoder().encodeToString(c.body()))
                    .put("contentType", c.contentType());
        }
        try {
            Process p = new ProcessBuilder(List.of(python, "-c", SCRIPT)).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p, false));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p, true));
            try (OutputStream in = p.getOutputStream()) {
                in.write(JSON.writeValueAsBytes(input));
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return fail(python + " with feedparser did not finish within 120 s");
            }
            String stderr = new String(err.join(), StandardCharsets.UTF_8);
            if (stderr.contains("No module named")) {
                return fail(python + " lacks a module (" + stderr.strip() + "): install them with"
                        + " apt-get install -y python3-feedparser python3-chardet (bin/test-packages.txt), or set"
                        + " CALLISTO_PYTHON to a python3 that has them");
            }
            if (p.exitValue() != 0) {
                return fail(python + " -c <feedparser script> exited with " + p.exitValue() + ": " + stderr);
            }
            JsonNode answers = JSON.readTree(out.join());
            return java.util.stream.StreamSupport.stream(answers.spliterator(), false)
                    .map(a -> new Answer(
                            a.path("encoding").asText(),
                            a.path("bozo").asBoolean(),
                            a.path("exception").asText()))
                    .toList();
        } catch (IOException e) {
            return fail("cannot run " + python + " for feedparser (" + e.getMessage() + "): install python3,"
                    + " python3-feedparser and python3-chardet");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for feedparser");
        }
    }

    /**
     * What feedparser makes of one document: {@code bozo}, {@code version} and {@code entries}, each entry as
     * feedparser's dictionary (its {@code source}, {@code comments}, {@code enclosures}, {@code links}...).
     */
    public static JsonNode entries(byte[] document) {
        String python = python();
        try {
            Process p = new ProcessBuilder(List.of(python, "-c", ENTRIES_SCRIPT)).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p, false));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p, true));
            try (OutputStream in = p.getOutputStream()) {
                in.write(document);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return fail(python + " with feedparser did not finish within 60 s");
            }
            if (p.exitValue() != 0) {
                return fail(python + " with feedparser exited with " + p.exitValue() + ": "
                        + new String(err.join(), StandardCharsets.UTF_8)
                        + " (apt-get install -y python3-feedparser python3-chardet)");
            }
            return JSON.readTree(out.join());
        } catch (IOException e) {
            return fail("cannot run " + python + " for feedparser (" + e.getMessage() + "): install python3,"
                    + " python3-feedparser and python3-chardet");
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
