package org.callisto.show;

import com.fasterxml.jackson.databind.JsonNode;

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

    private PythonPodcastparser() {}

    /** What podcastparser makes of {@code feed}. */
    static JsonNode parse(byte[] feed) {
        return PythonScript.run("podcastparser", "python3-podcastparser", SCRIPT, feed);
    }
}
