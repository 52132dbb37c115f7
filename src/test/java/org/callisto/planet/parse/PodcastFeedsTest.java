package org.callisto.planet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Real captured podcast feeds from partytime, checked against {@code expectations.json} (channel titles, item counts
 * where every item is kept, enclosure URLs), including the two that are not well-formed XML.
 */
class PodcastFeedsTest {
    private static final String ROOT = "podcast-feeds-partytime/";
    private final FeedParser parser = new FeedParser();

    @Test
    void undefinedEntityInNoAgendaIsRecovered() throws Exception {
        ParsedFeed feed = parser.parse(Corpora.bytes(ROOT + "fixtures/real-world/no-agenda.xml"), null, null);
        assertThat(feed.illFormed()).isTrue();
        assertThat(feed.problems()).anyMatch(p -> p.message().startsWith("undefined entity") && p.line() > 0);
        assertThat(feed.title()).isEqualTo("No Agenda");
        assertThat(feed.entries()).isNotEmpty();
        assertThat(feed.entries())
                .allMatch(e -> e.title() != null && !e.enclosures().isEmpty());
    }

    @Test
    void whitespaceBeforeTheDeclarationInSentimentalGarbageIsRecovered() throws Exception {
        ParsedFeed feed = parser.parse(Corpora.bytes(ROOT + "fixtures/real-world/sentimental-garbage.xml"), null, null);
        assertThat(feed.illFormed()).isTrue();
        assertThat(feed.problems()).first().hasToString("2:1: whitespace before the XML declaration");
        assertThat(feed.entries()).hasSize(138);
    }

    @Test
    void expectationsHold() throws Exception {
        JsonNode cases = new ObjectMapper()
                .readTree(Corpora.bytes(ROOT + "expectations.json"))
                .path("cases");
        int checked = 0;
        for (JsonNode c : cases) {
            String file = c.path("file").asText();
            ParsedFeed feed = parser.parse(
                    Corpora.bytes(ROOT + file), null, c.path("captured_from").asText(null));
            if (c.has("channel_title")) {
                assertThat(feed.title())
                        .as(file)
                        .isEqualTo(c.path("channel_title").asText());
                checked++;
            }
            // we keep every item (identity is decided later), so compare with the count that keeps them all
            JsonNode items = c.has("items_allowMissingGuid_true")
                    ? c.get("items_allowMissingGuid_true")
                    : c.path("options").path("allowMissingGuid").asBoolean(false) ? c.get("items") : null;
            if (items == null && c.has("items")) {
                items = c.get("items");
            }
            if (items != null) {
                assertThat(feed.entries()).as(file + " items").hasSize(items.asInt());
                checked++;
            }
            JsonNode enclosure = c.path("item_enclosure_url");
            if (enclosure.isObject()) {
                String title = enclosure.path("item_title").asText();
                ParsedEntry e = feed.entries().stream()
                        .filter(x -> title.equals(x.title()))
                        .findFirst()
                        .orElseThrow();
                assertThat(e.enclosures())
                        .extracting(Enclosure::url)
                        .contains(enclosure.path("url").asText());
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }

    @Test
    void everyPodcastFixtureParses() throws Exception {
        for (Path f : Corpora.files(ROOT + "fixtures", ".xml")) {
            ParsedFeed feed = parser.parse(Files.readAllBytes(f), null, null);
            assertThat(feed.format()).as(f.toString()).startsWith("rss");
        }
        ParsedFeed example = parser.parse(Corpora.bytes("podcast-namespace/example.xml"), null, null);
        assertThat(example.entries()).isNotEmpty();
        assertThat(example.entries().get(0).enclosures()).isNotEmpty();
    }
}
