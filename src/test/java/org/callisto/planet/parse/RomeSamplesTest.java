package org.callisto.planet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ROME's core sample feeds are self-describing: each text value is its own path (e.g.
 * {@code <title>rss_2.0.channel.item[0].title</title>}). For every value a file contains, the field we map it to must
 * hold exactly that path, which checks our field mapping per format. Also parses every XML file in the ROME corpus.
 */
class RomeSamplesTest {
    private static final String CORE = "rome/rome/src/test/resources/";
    private final FeedParser parser = new FeedParser();

    @ParameterizedTest(name = "{0} maps like ROME says ({1})")
    @CsvSource({
        "rss_0.9,   rss0.90, rss_0.9.channel,   rss_0.9.item",
        "rss_0.91N, rss0.91, rss_0.91N.channel, rss_0.91N.channel.item",
        "rss_0.91U, rss0.91, rss_0.91U.channel, rss_0.91U.channel.item",
        "rss_0.92,  rss0.92, rss_0.92.channel,  rss_0.92.channel.item",
        "rss_0.93,  rss0.93, rss_0.93.channel,  rss_0.93.channel.item",
        "rss_0.94,  rss0.94, rss_0.94.channel,  rss_0.94.channel.item",
        "rss_1.0,   rss1.0,  rss_1.0.channel,   rss_1.0.item",
        "rss_2.0,   rss2.0,  rss_2.0.channel,   rss_2.0.channel.item",
        "atom_0.3,  atom0.3, atom_0.3.feed,     atom_0.3.feed.entry",
        "atom_1.0,  atom1.0, atom_1.0.feed,     atom_1.0.feed.entry",
    })
    void coreSampleFieldsMapToTheirPaths(String file, String format, String channel, String item) throws Exception {
        byte[] bytes = Corpora.bytes(CORE + file + ".xml");
        String text = new String(bytes, StandardCharsets.UTF_8);
        ParsedFeed feed = parser.parse(bytes, null, null);
        assertThat(feed.format()).isEqualTo(format);
        assertThat(feed.illFormed()).as("problems: %s", feed.problems()).isFalse();
        List<String> checked = new ArrayList<>();
        check(text, checked, channel + ".title", feed.title());
        check(text, checked, channel + ".link", feed.link());
        check(text, checked, channel + ".description", feed.description());
        check(text, checked, channel + ".tagline", feed.description());
        check(text, checked, channel + ".language", feed.language());
        check(text, checked, channel + ".copyright", feed.copyright());
        // our generator string is "name [vVERSION] [URI]" (as gofeed's), so only its start is the name
        String generator = feed.generator() == null ? null : feed.generator().split(" ")[0];
        check(text, checked, channel + ".generator", generator);
        check(text, checked, channel + ".image.url", feed.imageUrl());
        check(text, checked, channel + ".managingEditor", name(feed.authors()));
        check(text, checked, channel + ".author.name", name(feed.authors()));
        check(text, checked, channel + ".category[0]", first(feed.categories(), Function.identity()));
        int expectedItems = 0;
        while (text.contains(item + "[" + expectedItems + "].title")) {
            expectedItems++;
        }
        assertThat(feed.entries()).hasSize(expectedItems);
        for (int i = 0; i < expectedItems; i++) {
            ParsedEntry e = feed.entries().get(i);
            String p = item + "[" + i + "].";
            check(text, checked, p + "title", e.title());
            check(text, checked, p + "link", e.link());
            check(text, checked, p + "description", e.summary());
            check(text, checked, p + "summary", e.summary());
            check(text, checked, p + "content", e.content());
            check(text, checked, p + "content[0]", e.content());
            check(text, checked, p + "author", name(e.authors()));
            check(text, checked, p + "author.name", name(e.authors()));
            check(text, checked, p + "comments", e.commentsUrl());
            check(text, checked, p + "guid", e.id());
            check(text, checked, p + "category[0]", first(e.categories(), Function.identity()));
            check(text, checked, p + "enclousure[0]^url", first(e.enclosures(), Enclosure::url));
        }
        System.out.println("ROME " + file + ": " + checked.size() + " self-describing values mapped correctly");
        assertThat(checked).as("values checked in " + file).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void atomSampleDatesAndLinks() throws Exception {
        ParsedFeed feed = parser.parse(Corpora.bytes(CORE + "atom_1.0.xml"), null, null);
        assertThat(feed.link()).isEqualTo("http://example.com/blog");
        assertThat(feed.feedUrl()).isEqualTo("http://example.com/blog/atom_1.0.xml");
        assertThat(feed.imageUrl()).isEqualTo("http://example.com/logo");
        assertThat(feed.language()).isEqualTo("en-us");
        ParsedEntry e = feed.entries().get(0);
        assertThat(e.link()).isEqualTo("http://example.com/blog/entry1");
        assertThat(e.enclosures()).extracting(Enclosure::url).containsExactly("http://example.com/blog/enclosure1.gif");
        assertThat(e.published()).hasToString("2000-01-01T01:00:00Z");
        assertThat(e.updated()).hasToString("2000-01-01T00:00:00Z");
        assertThat(e.categories()).containsExactly("test.category.label");
    }

    @Test
    void everyRomeXmlFileParsesOrIsRejectedCleanly() throws Exception {
        List<Path> files = Corpora.files("rome", ".xml");
        int parsed = 0;
        List<String> rejected = new ArrayList<>();
        for (Path f : files) {
            try {
                parser.parse(Files.readAllBytes(f), null, null);
                parsed++;
            } catch (FeedParseException e) {
                rejected.add(Corpora.root().relativize(f) + ": " + e.getMessage());
            }
        }
        System.out.println("ROME corpus: " + parsed + "/" + files.size() + " XML files parse as feeds; rejected:");
        rejected.forEach(r -> System.out.println("  " + r));
        assertThat(files).hasSizeGreaterThan(100);
        // what is rejected must be a non-feed (OPML and other XML), never a feed we failed to read
        assertThat(rejected).allMatch(r -> r.contains("not an RSS, RDF or Atom feed"), "only non-feeds rejected");
    }

    private static void check(String text, List<String> checked, String path, String actual) {
        if (text.contains(">" + path + "<") || text.contains("\"" + path + "\"")) {
            assertThat(actual).as(path).isEqualTo(path);
            checked.add(path);
        }
    }

    private static String name(List<Person> people) {
        return people.isEmpty() ? null : people.get(0).name();
    }

    private static <T> String first(List<T> list, Function<T, String> f) {
        return list.isEmpty() ? null : f.apply(list.get(0));
    }
}
