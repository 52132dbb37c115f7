package org.callisto.show;

import com.fasterxml.jackson.databind.JsonNode;

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

    private PythonFeedparser() {}

    /** What feedparser makes of {@code feed}. */
    static JsonNode parse(byte[] feed) {
        return PythonScript.run("feedparser", "python3-feedparser", SCRIPT, feed);
    }
}
