package org.callisto.show;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callisto.show.PodcastFeedWriterTest.child;
import static org.callisto.show.PodcastFeedWriterTest.children;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.callisto.planet.parse.FeedDates;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Feeds with every Podcasting 2.0 tag Callisto writes configured at once (medium, license, location, podroll with
 * remote items, value with recipients, updateFrequency, trailer, txt, soundbite, and the episode's own artwork;
 * besides the fixture's chapters, transcripts, persons, seasons and alternate enclosures, a new feed URL and a
 * discussion link): valid against the namespace's XML Schema where it declares the tag, against the tag's page in
 * the namespace's documentation where it does not, still carrying Apple's tags, and read back by Python's
 * feedparser and podcastparser. A second set of tags holds values as feeds in the wild have them (too long, not a
 * date, not a number, not on the namespace's lists): those are mended or left out, never written wrong.
 */
class PodcastTagsInFeedsTest {
    private static final URI SITE = URI.create("https://bsdweekly.example/");
    private static final URI MOVED = URI.create("https://new-host.example/bsdweekly/feed.xml");
    /** docs/tags/medium.md: the mediums, each also as a list ("L"), and the list medium "mixed". */
    private static final Set<String> MEDIUMS = new HashSet<>();

    static {
        for (String m : List.of(
                "podcast", "music", "video", "film", "audiobook", "newsletter", "blog", "publisher", "course")) {
            MEDIUMS.add(m);
            MEDIUMS.add(m + "L");
        }
        MEDIUMS.add("mixed");
    }

    @TempDir
    Path media;

    private PodcastSchema schema;

    @BeforeEach
    void schema() throws Exception {
        Assumptions.assumeTrue(
                Files.isDirectory(PodcastSchema.folder()),
                "the podcast-namespace corpus is not at " + PodcastSchema.folder()
                        + "; set -Dcallisto.corpora to the shared corpora folder");
        schema = PodcastSchema.load();
    }

    /** Every tag, with the values of the examples on the namespace's tag pages. */
    static void everyTag(ShowStores store) {
        PodcastTags.Value value = new PodcastTags.Value(
                "lightning",
                "keysend",
                "0.00000005000",
                List.of(
                        new PodcastTags.ValueRecipient(
                                "Jo Host",
                                "node",
                                "02d5c1bf8b940dc9cadca86d1b0a3c37fbe39cee4c7e839e33bef9174531d27f52",
                                "90",
                                null,
                                "696969",
                                "eChoVKtO1KujpAA5HCoB"),
                        new PodcastTags.ValueRecipient(
                                "Hosting Provider",
                                "node",
                                "03ae9f91a0cb8ff43840e3c322c4c61f019d8c1c3cea15a25cfc425ac605e61a4a",
                                "10",
                                "true",
                                null,
                                null)));
        store.settings()
                .saveTags(new PodcastTags.Channel(
                        "serial",
                        "podcast",
                        new PodcastTags.License("cc-by-4.0", "https://creativecommons.org/licenses/by/4.0/"),
                        new PodcastTags.Location("Austin", "geo:30.2711286,-97.7436995", "R113314"),
                        List.of(
                                new PodcastTags.RemoteItem(
                                        "29cdca4a-32d8-56ba-b48b-09a011c5daa9",
                                        "https://rss.buzzsprout.com/231452.rss",
                                        null,
                                        null),
                                new PodcastTags.RemoteItem(
                                        "917393e3-1b1e-5cef-ace4-edaa54e1f810",
                                        "https://feeds.podcastindex.org/pc20.xml",
                                        "asdf089j0-ep240-20230510",
                                        "music")),
                        List.of(value),
                        new PodcastTags.UpdateFrequency(
                                "Every Thursday", "FREQ=WEEKLY;BYDAY=TH", "2026-01-01T00:00:00.000Z", "false"),
                        List.of(new PodcastTags.Trailer(
                                "Season 4: Jails all the way down",
                                "https://bsdweekly.example/media/trailer-4.mp3",
                                "Thu, 01 Jan 2026 08:00:00 GMT",
                                "12345678",
                                "audio/mpeg",
                                "4")),
                        List.of(
                                new PodcastTags.Txt("verify", "S6lpp-7ZCn8-dZfGc-OoyaG"),
                                new PodcastTags.Txt(null, "naj3eEZaWVVY9a38uhX8FekACyhtqP4JN"))));
        for (int n : List.of(42, 43)) {
            Episode e = store.episodes().episode(n).orElseThrow();
            store.episodes()
                    .setTags(
                            e.id(),
                            new PodcastTags.Item(
                                    List.of(
                                            new PodcastTags.Soundbite("73.0", "60.0", "Why boot environments matter"),
                                            new PodcastTags.Soundbite("1234.5", "42.25", null)),
                                    new PodcastTags.License("cc-by-sa-4.0", null),
                                    new PodcastTags.Location("Ottawa", "geo:45.4208777,-75.6901106", "R4136816"),
                                    List.of(value),
                                    List.of(new PodcastTags.Txt("ai-content", "false")),
                                    "https://bsdweekly.example/media/" + n + "/art.png"));
        }
    }

    /** Every tag again, with values as feeds in the wild have them; none of them may be written as they are. */
    static void wildTags(ShowStores store) {
        String long200 = "x".repeat(200);
        PodcastTags.Value value = new PodcastTags.Value(
                "lightning",
                "keysend",
                "lots",
                List.of(
                        new PodcastTags.ValueRecipient("Half", "node", "02d5c1bf", "50%", "yes", null, null),
                        new PodcastTags.ValueRecipient("Rest", "node", "03ae9f91", " 50 ", "TRUE", null, null)));
        store.settings()
                .saveTags(new PodcastTags.Channel(
                        "serial",
                        "Podcast",
                        new PodcastTags.License(long200, "javascript:alert(1)"),
                        new PodcastTags.Location(long200, "30.27,-97.74", "relation 113314"),
                        List.of(
                                new PodcastTags.RemoteItem("  ", "https://no-guid.example/feed.xml", null, null),
                                new PodcastTags.RemoteItem(
                                        "917393e3-1b1e-5cef-ace4-edaa54e1f810", "not a url", null, "radio")),
                        List.of(value),
                        new PodcastTags.UpdateFrequency(long200, "weekly", "next week", "yes"),
                        List.of(
                                new PodcastTags.Trailer(
                                        long200,
                                        "https://bsdweekly.example/media/trailer.mp3",
                                        "2026-01-01",
                                        "12 MB",
                                        "audio/mpeg",
                                        "four"),
                                new PodcastTags.Trailer(
                                        "Undated", "https://bsdweekly.example/media/t.mp3", "soon", null, null, null),
                                new PodcastTags.Trailer(
                                        "Nowhere", "ftp:/nowhere", "Thu, 01 Jan 2026 08:00:00 GMT", null, null, null)),
                        List.of(new PodcastTags.Txt(long200, "x".repeat(5000)))));
        Episode e = store.episodes().episode(42).orElseThrow();
        store.episodes()
                .setTags(
                        e.id(),
                        new PodcastTags.Item(
                                List.of(
                                        new PodcastTags.Soundbite("1:13", "60", "A time, not seconds"),
                                        new PodcastTags.Soundbite("73", "60", long200)),
                                new PodcastTags.License("my-license", "not a url"),
                                new PodcastTags.Location("Ottawa", "geo:45.42,-75.69", "R4136816"),
                                List.of(value),
                                List.of(new PodcastTags.Txt(null, "  ")),
                                "javascript:alert(1)"));
    }

    private PodcastFeedWriterTest.Fixture fixture(PodcastFeedWriterTest.Extra extra) throws Exception {
        PodcastFeedWriter writer =
                new PodcastFeedWriter(SITE, MOVED).withComments(e -> SITE + "stories/" + (100 + e.number()));
        return PodcastFeedWriterTest.fixture("sqlite", media, writer, extra);
    }

    @Test
    void everyTagConfiguredValidatesAgainstTheSchemaAndTheTagPages() throws Exception {
        PodcastFeedWriterTest.Fixture fx = fixture(PodcastTagsInFeedsTest::everyTag);
        for (PodcastFeed feed : PodcastFeed.values()) {
            Document doc = PodcastSchema.parse(fx.feeds().get(feed));
            assertThat(schema.validate(doc)).as(feed.toString()).isEmpty();
            assertThat(tagPageProblems(doc)).as(feed.toString()).isEmpty();
            Element channel = child(doc.getDocumentElement(), "channel");
            for (String tag : List.of(
                    "podcast:medium",
                    "podcast:license",
                    "podcast:location",
                    "podcast:podroll",
                    "podcast:value",
                    "podcast:updateFrequency",
                    "podcast:trailer",
                    "podcast:txt",
                    "podcast:guid",
                    "podcast:locked",
                    "podcast:funding",
                    "itunes:new-feed-url")) {
                assertThat(children(channel, tag)).as(feed + " channel " + tag).isNotEmpty();
            }
            assertThat(children(child(channel, "podcast:podroll"), "podcast:remoteItem"))
                    .hasSize(2);
            assertThat(children(child(channel, "podcast:value"), "podcast:valueRecipient"))
                    .hasSize(2);
            assertThat(children(channel, "podcast:txt")).hasSize(2);
            assertThat(child(channel, "itunes:new-feed-url").getTextContent()).isEqualTo(MOVED.toString());
            for (Element item : children(channel, "item")) {
                int number = Integer.parseInt(child(item, "podcast:episode").getTextContent());
                assertThat(child(item, "comments").getTextContent()).isEqualTo(SITE + "stories/" + (100 + number));
                if (number == 41) {
                    continue;
                }
                for (String tag : List.of(
                        "podcast:soundbite",
                        "podcast:license",
                        "podcast:location",
                        "podcast:value",
                        "podcast:txt",
                        "podcast:season",
                        "podcast:alternateEnclosure")) {
                    assertThat(children(item, tag))
                            .as(feed + " item " + number + " " + tag)
                            .isNotEmpty();
                }
                assertThat(children(item, "podcast:soundbite")).hasSize(2);
                if (feed.fullItunes()) {
                    assertThat(child(item, "itunes:image").getAttribute("href"))
                            .isEqualTo("https://bsdweekly.example/media/" + number + "/art.png");
                }
            }
            Element item42 = children(channel, "item").stream()
                    .filter(i -> child(i, "podcast:episode").getTextContent().equals("42"))
                    .findFirst()
                    .orElse(null);
            if (item42 != null) {
                assertThat(children(item42, "podcast:person")).hasSize(2);
                assertThat(children(item42, "podcast:transcript")).hasSize(2);
                assertThat(children(item42, "podcast:chapters")).hasSize(1);
            }
        }
    }

    @Test
    void everyTagConfiguredKeepsApplesTagsAndReadsInFeedparserAndPodcastparser() throws Exception {
        PodcastFeedWriterTest.Fixture fx = fixture(PodcastTagsInFeedsTest::everyTag);
        PodcastFeedWriterTest.assertApplesTags(fx);
        PodcastFeedWriterTest.assertFeedparserReads(fx);
        assertPodcastparserReads(fx);
    }

    @Test
    void tagsAsFeedsInTheWildHaveThemAreMendedOrLeftOutAndTheFeedsStayValid() throws Exception {
        PodcastFeedWriterTest.Fixture fx = fixture(PodcastTagsInFeedsTest::wildTags);
        for (PodcastFeed feed : PodcastFeed.values()) {
            Document doc = PodcastSchema.parse(fx.feeds().get(feed));
            assertThat(schema.validate(doc)).as(feed.toString()).isEmpty();
            assertThat(tagPageProblems(doc)).as(feed.toString()).isEmpty();
            Element channel = child(doc.getDocumentElement(), "channel");
            // "Podcast" is the medium podcast written with a capital; the others are mended or left out
            assertThat(child(channel, "podcast:medium").getTextContent()).isEqualTo("podcast");
            assertThat(child(channel, "podcast:license").getTextContent()).hasSize(128);
            assertThat(child(channel, "podcast:license").hasAttribute("url")).isFalse();
            Element location = child(channel, "podcast:location");
            assertThat(location.hasAttribute("geo")).isFalse();
            assertThat(location.hasAttribute("osm")).isFalse();
            List<Element> remote = children(child(channel, "podcast:podroll"), "podcast:remoteItem");
            assertThat(remote).hasSize(1);
            assertThat(remote.getFirst().hasAttribute("feedUrl")).isFalse();
            assertThat(remote.getFirst().hasAttribute("medium")).isFalse();
            Element value = child(channel, "podcast:value");
            assertThat(value.hasAttribute("suggested")).isFalse();
            assertThat(children(value, "podcast:valueRecipient"))
                    .extracting(r -> r.getAttribute("split"))
                    .containsExactly("50");
            Element frequency = child(channel, "podcast:updateFrequency");
            assertThat(frequency.getTextContent()).hasSize(128);
            assertThat(frequency.getAttributes().getLength()).isZero();
            List<Element> trailers = children(channel, "podcast:trailer");
            assertThat(trailers).hasSize(1);
            assertThat(trailers.getFirst().getAttribute("pubdate")).isEqualTo("Thu, 1 Jan 2026 00:00:00 GMT");
            assertThat(trailers.getFirst().hasAttribute("length")).isFalse();
            assertThat(trailers.getFirst().hasAttribute("season")).isFalse();
            Element txt = child(channel, "podcast:txt");
            assertThat(txt.getTextContent()).hasSize(4000);
            assertThat(txt.getAttribute("purpose")).hasSize(128);
            for (Element item : children(channel, "item")) {
                assertThat(children(item, "podcast:txt")).isEmpty();
                if (feed.fullItunes()) {
                    assertThat(child(item, "itunes:image").getAttribute("href"))
                            .isEqualTo("https://bsdweekly.example/art.png");
                }
                if (!child(item, "podcast:episode").getTextContent().equals("42")) {
                    continue;
                }
                assertThat(children(item, "podcast:soundbite"))
                        .extracting(s -> s.getAttribute("startTime") + " "
                                + s.getTextContent().length())
                        .containsExactly("73 128");
                assertThat(child(item, "podcast:license").hasAttribute("url")).isFalse();
                assertThat(child(item, "podcast:location").getAttribute("geo")).isEqualTo("geo:45.42,-75.69");
            }
        }
        PodcastFeedWriterTest.assertApplesTags(fx);
        PodcastFeedWriterTest.assertFeedparserReads(fx);
        assertPodcastparserReads(fx);
    }

    /** podcastparser reads every feed: its title, the new feed URL, and each episode by guid with its enclosure. */
    private static void assertPodcastparserReads(PodcastFeedWriterTest.Fixture fx) {
        for (PodcastFeed feed : PodcastFeed.values()) {
            JsonNode d = PythonPodcastparser.parse(fx.feeds().get(feed));
            assertThat(d.path("title").asText()).as(feed.toString()).startsWith("BSD Weekly");
            assertThat(d.path("new_url").asText()).as(feed + " new_url").isEqualTo(MOVED.toString());
            JsonNode episodes = d.path("episodes");
            assertThat(episodes.size()).as(feed.toString()).isEqualTo(PodcastFeedWriterTest.ITEMS.get(feed));
            for (JsonNode e : episodes) {
                EpisodeNotes notes = fx.episodes().stream()
                        .filter(n -> n.episode().guid().equals(e.path("guid").asText()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(feed + ": podcastparser's guid " + e.path("guid")
                                + " is none of the fixture's episodes"));
                Rendition r = notes.rendition(feed.kind()).orElseThrow();
                assertThat(e.path("title").asText()).isEqualTo(notes.episode().title());
                assertThat(e.path("number").asInt()).isEqualTo(notes.episode().number());
                assertThat(e.path("enclosures").get(0).path("url").asText())
                        .isEqualTo("https://bsdweekly.example/media/"
                                + (feed.torrent() ? r.torrentPath() : r.mediaPath()));
                assertThat(e.path("enclosures").get(0).path("file_size").asLong())
                        .isEqualTo(feed.torrent() ? r.torrentLength() : r.length());
                assertThat(e.path("published").asLong())
                        .isEqualTo(notes.episode().publishedAt().getEpochSecond());
            }
        }
    }

    /**
     * What the tag pages of the namespace's documentation ({@code docs/tags/*.md}) require of the tags its XML
     * Schema does not declare ({@code podcast.xsd} has transcript, locked, funding, chapters, soundbite, person,
     * location, season, episode, value and images only), and of what the schema leaves as free strings: each
     * problem names the element.
     */
    private List<String> tagPageProblems(Document doc) {
        List<String> problems = new ArrayList<>();
        NodeList all = doc.getElementsByTagNameNS(PodcastFeedWriter.PODCAST_NS, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String text = e.getTextContent().strip();
            String parent = e.getParentNode().getLocalName();
            String where = "podcast:" + e.getLocalName() + " in " + parent + " ('" + shorten(text) + "')";
            switch (e.getLocalName()) {
                case "medium" -> {
                    check(problems, where, "channel".equals(parent), "not in channel");
                    check(problems, where, MEDIUMS.contains(text), "not a medium of medium.md");
                }
                case "license" -> {
                    check(problems, where, !text.isEmpty() && text.length() <= 128, "empty or over 128 characters");
                    check(problems, where, url(e.getAttribute("url"), true), "url is not an absolute http(s) URL");
                }
                case "podroll" -> {
                    check(problems, where, "channel".equals(parent), "not in channel");
                    check(problems, where, !children(e, "podcast:remoteItem").isEmpty(), "no remoteItem");
                    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                        check(
                                problems,
                                where,
                                !(n instanceof Element c) || c.getLocalName().equals("remoteItem"),
                                "holds something else than remoteItem");
                    }
                }
                case "remoteItem" -> {
                    check(problems, where, !e.getAttribute("feedGuid").isBlank(), "no feedGuid");
                    check(problems, where, url(e.getAttribute("feedUrl"), true), "feedUrl is not a URL");
                    check(
                            problems,
                            where,
                            !e.hasAttribute("medium") || MEDIUMS.contains(e.getAttribute("medium")),
                            "medium is not a medium of medium.md");
                }
                case "updateFrequency" -> {
                    check(problems, where, "channel".equals(parent), "not in channel");
                    check(problems, where, !text.isEmpty() && text.length() <= 128, "empty or over 128 characters");
                    check(
                            problems,
                            where,
                            !e.hasAttribute("complete")
                                    || e.getAttribute("complete").matches("true|false"),
                            "complete is not a boolean");
                    check(
                            problems,
                            where,
                            !e.hasAttribute("dtstart")
                                    || e.getAttribute("dtstart")
                                            .matches("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?"
                                                    + "(Z|[+-]\\d{2}:?\\d{2})?)?"),
                            "dtstart is not an ISO 8601 date or time");
                    check(
                            problems,
                            where,
                            !e.hasAttribute("rrule") || e.getAttribute("rrule").matches("(?i)(.*;)?FREQ=[A-Z]+(;.*)?"),
                            "rrule has no FREQ (RFC 5545 3.3.10)");
                }
                case "trailer" -> {
                    check(problems, where, "channel".equals(parent), "not in channel");
                    check(problems, where, !text.isEmpty() && text.length() <= 128, "empty or over 128 characters");
                    check(problems, where, url(e.getAttribute("url"), false), "url is not an absolute http(s) URL");
                    check(
                            problems,
                            where,
                            e.getAttribute("pubdate")
                                            .matches(
                                                    "[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT")
                                    && FeedDates.parse(e.getAttribute("pubdate")) != null,
                            "pubdate is not an RFC 2822 date");
                    check(
                            problems,
                            where,
                            !e.hasAttribute("length")
                                    || e.getAttribute("length").matches("\\d+"),
                            "length is not a number");
                    check(
                            problems,
                            where,
                            !e.hasAttribute("season")
                                    || e.getAttribute("season").matches("\\d+"),
                            "season is not a number");
                }
                case "txt" -> {
                    check(problems, where, !text.isEmpty() && text.length() <= 4000, "empty or over 4000 characters");
                    check(problems, where, e.getAttribute("purpose").length() <= 128, "purpose over 128 characters");
                }
                case "location" -> {
                    check(problems, where, !text.isEmpty(), "empty");
                    check(
                            problems,
                            where,
                            !e.hasAttribute("geo")
                                    || e.getAttribute("geo")
                                            .matches("geo:-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?"
                                                    + "(,-?\\d+(\\.\\d+)?)?(;.*)?"),
                            "geo is not an RFC 5870 geo URI");
                    check(
                            problems,
                            where,
                            !e.hasAttribute("osm") || e.getAttribute("osm").matches("[NWR]\\d+(#\\d+)?"),
                            "osm is not an OpenStreetMap id (N, W or R and digits)");
                }
                case "guid" ->
                    check(
                            problems,
                            where,
                            text.matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
                            "not a UUIDv5");
                case "alternateEnclosure" -> {
                    check(problems, where, !e.getAttribute("type").isEmpty(), "no type");
                    check(problems, where, e.getAttribute("length").matches("\\d+"), "length is not a number");
                    check(problems, where, e.getAttribute("title").length() <= 32, "title over 32 characters");
                    check(problems, where, !children(e, "podcast:source").isEmpty(), "no source");
                }
                case "source" -> {
                    check(problems, where, "alternateEnclosure".equals(parent), "not in an alternateEnclosure");
                    check(problems, where, URI.create(e.getAttribute("uri")).isAbsolute(), "uri is not absolute");
                }
                default ->
                    check(
                            problems,
                            where,
                            schema.declared().contains(e.getLocalName()) || "valueRecipient".equals(e.getLocalName()),
                            "neither in the schema nor checked here");
            }
        }
        return problems;
    }

    private static void check(List<String> problems, String where, boolean ok, String problem) {
        if (!ok) {
            problems.add(where + ": " + problem);
        }
    }

    /** An absolute http(s) URL; an absent attribute (empty) passes when {@code optional}. */
    private static boolean url(String s, boolean optional) {
        if (s.isEmpty()) {
            return optional;
        }
        try {
            URI u = new URI(s);
            return u.isAbsolute() && u.getScheme().matches("https?") && u.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
