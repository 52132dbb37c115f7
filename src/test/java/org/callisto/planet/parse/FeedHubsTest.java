package org.callisto.planet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The WebSub hubs a document names, in Atom, RSS and JSON Feed, resolved against the document's base. */
class FeedHubsTest {
    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String doc) throws FeedParseException {
        return parser.parse(doc.getBytes(StandardCharsets.UTF_8), null, null, "https://blog.example/feed");
    }

    @Test
    void atomLinksWithRelHubAreHubs() throws Exception {
        ParsedFeed f = parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
                + "<link rel=\"hub\" href=\"https://hub.example/\"/><link rel=\"hub\" href=\"/hub2\"/>"
                + "<link rel=\"self\" href=\"https://blog.example/feed\"/></feed>");
        assertThat(f.hubs()).containsExactly("https://hub.example/", "https://blog.example/hub2");
        assertThat(f.feedUrl()).isEqualTo("https://blog.example/feed");
    }

    @Test
    void rssAtomLinksWithRelHubAreHubs() throws Exception {
        ParsedFeed f = parse("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>t</title>"
                + "<link>https://blog.example/</link><atom:link rel=\"hub\" href=\"https://hub.example/\"/>"
                + "</channel></rss>");
        assertThat(f.hubs()).containsExactly("https://hub.example/");
    }

    @Test
    void jsonFeedHubsAreHubs() throws Exception {
        ParsedFeed f = parse("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\","
                + "\"hubs\":[{\"type\":\"WebSub\",\"url\":\"https://hub.example/\"},{\"type\":\"x\"}],\"items\":[]}");
        assertThat(f.hubs()).containsExactly("https://hub.example/");
    }

    @Test
    void aFeedWithoutHubsNamesNone() throws Exception {
        assertThat(parse("<rss version=\"2.0\"><channel><title>t</title></channel></rss>")
                        .hubs())
                .isEmpty();
    }
}
