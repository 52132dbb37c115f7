package org.callisto.planet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * gofeed's raw-model parser cases ({@code gofeed/testdata/parser/{rss,atom}}, 433 inputs, many feedparser-style edge
 * cases): the number of items and, for RSS, each item's title must match gofeed's raw model. Titles are compared
 * after resolving entities and collapsing whitespace (see {@link GofeedConformanceTest#norm}); raw Atom titles can
 * hold HTML, so for Atom only counts are compared.
 */
class GofeedParserCasesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Deliberate differences: our titles are plain text, so unescaped markup in an RSS title is reduced to text. */
    private static final List<String> DEVIATIONS = List.of(
            "rss/rdf_item_title_naked_markup.xml: item 0 title <<p>Item Title</p>> got <Item Title>",
            "rss/rss_channel_item_title_naked_markup.xml: item 0 title <<p>Item Title</p>> got <Item Title>");

    @Test
    void itemCountsAndTitlesMatchGofeedRawModel() throws Exception {
        FeedParser parser = new FeedParser();
        List<String> mismatches = new ArrayList<>();
        int cases = 0;
        for (String folder : List.of("rss", "atom")) {
            for (Path input : Corpora.files("gofeed/testdata/parser/" + folder, ".xml")) {
                String name = input.getFileName().toString();
                Path expectedPath = input.resolveSibling(name.substring(0, name.length() - 4) + ".json");
                if (!Files.exists(expectedPath)) {
                    continue;
                }
                cases++;
                JsonNode expected = JSON.readTree(expectedPath.toFile());
                JsonNode items = expected.path(folder.equals("rss") ? "items" : "entries");
                ParsedFeed feed;
                try {
                    feed = parser.parse(Files.readAllBytes(input), null, null);
                } catch (FeedParseException e) {
                    mismatches.add(folder + "/" + name + ": threw " + e.getMessage());
                    continue;
                }
                if (items.size() != feed.entries().size()) {
                    mismatches.add(folder + "/" + name + ": " + items.size() + " items expected, got "
                            + feed.entries().size());
                    continue;
                }
                if (folder.equals("rss")) {
                    for (int i = 0; i < items.size(); i++) {
                        String want = GofeedConformanceTest.norm(
                                items.get(i).path("title").asText(null));
                        String got =
                                GofeedConformanceTest.norm(feed.entries().get(i).title());
                        if (want != null && !want.equals(got)) {
                            mismatches.add(
                                    folder + "/" + name + ": item " + i + " title <" + want + "> got <" + got + ">");
                        }
                    }
                }
            }
        }
        System.out.println("gofeed parser cases: " + (cases - mismatches.size()) + "/" + cases + " match");
        mismatches.forEach(m -> System.out.println("  " + m));
        assertThat(cases).isGreaterThan(400);
        assertThat(mismatches).containsExactlyInAnyOrderElementsOf(DEVIATIONS);
    }
}
