package org.callisto.planet.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON Feed schema examples parse with the right version; the JSON Schemas themselves are not feeds. */
class JsonFeedCorpusTest {
    private final FeedParser parser = new FeedParser();

    @ParameterizedTest(name = "jsonfeed example v{0}")
    @ValueSource(strings = {"1", "1.1"})
    void schemaExamplesParse(String version) throws Exception {
        int count = 0;
        for (Path p : Corpora.files("jsonfeed/schema/test/examples/v" + version, ".json")) {
            ParsedFeed feed = parser.parse(Files.readAllBytes(p), "application/feed+json", null);
            assertThat(feed.format()).as(p.toString()).isEqualTo(version.equals("1") ? "json1.0" : "json1.1");
            assertThat(feed.title()).as(p.toString()).isNotBlank();
            assertThat(feed.entries())
                    .as(p.toString())
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.id()).isNotBlank());
            count++;
        }
        assertThat(count).isEqualTo(3);
    }

    @Test
    void podcastExampleHasAttachments() throws Exception {
        ParsedFeed feed = parser.parse(Corpora.bytes("jsonfeed/schema/test/examples/v1.1/podcast.json"), null, null);
        assertThat(feed.entries()).anySatisfy(e -> assertThat(e.enclosures()).isNotEmpty());
    }

    @Test
    void aJsonSchemaIsNotAFeed() {
        assertThatThrownBy(() -> parser.parse(Corpora.bytes("jsonfeed/schema/schema-v1.1.json"), null, null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("not a JSON Feed");
    }
}
