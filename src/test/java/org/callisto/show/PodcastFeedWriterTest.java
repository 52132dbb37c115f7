package org.callisto.show;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.callisto.planet.parse.Enclosure;
import org.callisto.planet.parse.FeedParser;
import org.callisto.planet.parse.ParsedFeed;
import org.callisto.show.media.TestMedia;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class PodcastFeedWriterTest {
    private static final URI SITE = URI.create("https://bsdweekly.example/");

    /**
     * Apple's required and recommended channel tags, from "A Podcaster's Guide to RSS" as archived in
     * ../shared/corpora/podcast-namespace/itunes_reference.md (required: title, description, itunes:image, language,
     * itunes:category, itunes:explicit; recommended: itunes:author, link), plus itunes:owner, which Podcasts Connect
     * uses to verify the owner.
     */
    static final List<String> APPLE_CHANNEL_TAGS = List.of(
            "title",
            "description",
            "itunes:image",
            "language",
            "itunes:category",
            "itunes:explicit",
            "itunes:author",
            "itunes:owner",
            "link");

    /**
     * Apple's episode tags from the same source: required title and enclosure; recommended guid, pubDate,
     * description, itunes:duration, link, itunes:explicit; situational itunes:episode, itunes:season and
     * itunes:episodeType (every fixture episode has a number and a season).
     */
    static final List<String> APPLE_ITEM_TAGS = List.of(
            "title",
            "enclosure",
            "guid",
            "pubDate",
            "description",
            "itunes:duration",
            "link",
            "itunes:explicit",
            "itunes:episode",
            "itunes:season",
            "itunes:episodeType");

    /** How many fixture episodes each feed holds: MP3 for 41 to 43, HD for 42 and 43, SD for 43 only. */
    static final Map<PodcastFeed, Integer> ITEMS = Map.of(
            PodcastFeed.MP3,
            3,
            PodcastFeed.ITUNES,
            3,
            PodcastFeed.MP3_TORRENT,
            3,
            PodcastFeed.HD,
            2,
            PodcastFeed.HD_TORRENT,
            2,
            PodcastFeed.SD,
            1,
            PodcastFeed.SD_TORRENT,
            1);

    @TempDir
    Path media;

    /** The fixture episodes with media, transcripts, chapters and guests, and the feeds made from the store. */
    record Fixture(ShowSettings settings, List<EpisodeNotes> episodes, Map<PodcastFeed, byte[]> feeds) {}

    Fixture fixture(String kind) throws Exception {
        return fixture(kind, media, new PodcastFeedWriter(SITE), store -> {});
    }

    /** What a test adds to the fixture's store before the feeds are written (tags, for instance). */
    interface Extra {
        void add(ShowStores store) throws Exception;
    }

    /** The fixture with media in {@code media}, {@code extra} added, and its feeds written by {@code writer}. */
    static Fixture fixture(String kind, Path media, PodcastFeedWriter writer, Extra extra) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            ShowStores store = ShowStores.of(db, Clock.systemUTC());
            store.settings().saveSettings(ShowSettingsStoreTest.settings());
            new MarkdownImport(store.imports()).importAll(MarkdownImportTest.fixture());
            Renditions renditions =
                    new Renditions(store.episodes(), store.renditions(), media, SITE, Clock.systemUTC());
            for (int n = 41; n <= 43; n++) {
                Path dir = Files.createDirectories(media.resolve(Integer.toString(n)));
                TestMedia.write(dir, "bsdweekly-" + n + ".mp3", TestMedia.cbrMp3(128, 44100, 300 + n, 0, false));
                renditions.add(n, RenditionKind.MP3, Path.of(n + "/bsdweekly-" + n + ".mp3"));
                if (n >= 42) {
                    TestMedia.write(
                            dir,
                            "bsdweekly-" + n + "-hd.mp4",
                            TestMedia.mp4(0, 1000, 3_600_000L + n, 4000, true, "soun", "vide"));
                    renditions.add(n, RenditionKind.HD, Path.of(n + "/bsdweekly-" + n + "-hd.mp4"));
                }
                if (n == 43) {
                    TestMedia.write(dir, "bsdweekly-43-sd.mp4", TestMedia.mp4(1, 600, 2_160_000, 2000, false, "vide"));
                    renditions.add(n, RenditionKind.SD, Path.of("43/bsdweekly-43-sd.mp4"));
                }
            }
            Episode e42 = store.episodes().episode(42).orElseThrow();
            TranscriptStore transcripts = store.transcripts();
            transcripts.saveTranscript(e42.id(), new Transcript("42/bsdweekly-42.vtt", "text/vtt", "en"));
            transcripts.saveTranscript(
                    e42.id(), new Transcript("https://subs.example/42.srt", "application/x-subrip", null));
            store.episodes()
                    .setChapters(
                            e42.id(), "{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"Intro\"}]}");
            extra.add(store);
            List<EpisodeNotes> episodes = store.episodeNotes().released(Instant.parse("2030-01-01T00:00:00Z"));
            Map<PodcastFeed, byte[]> feeds = new EnumMap<>(PodcastFeed.class);
            for (PodcastFeed f : PodcastFeed.values()) {
                feeds.put(f, writer.write(f, store.settings().settings().orElseThrow(), episodes));
            }
            return new Fixture(store.settings().settings().orElseThrow(), episodes, feeds);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void everyFeedHasApplesRequiredTags(String kind) throws Exception {
        assertApplesTags(fixture(kind));
    }

    /** Apple's required and recommended tags, present and in Apple's formats, in every feed of the fixture. */
    static void assertApplesTags(Fixture fx) throws Exception {
        for (PodcastFeed feed : PodcastFeed.values()) {
            Document doc = PodcastSchema.parse(fx.feeds().get(feed));
            Element rss = doc.getDocumentElement();
            assertThat(rss.getAttribute("version")).isEqualTo("2.0");
            Element channel = child(rss, "channel");
            for (String tag : APPLE_CHANNEL_TAGS) {
                assertThat(children(channel, tag)).as(feed + " channel " + tag).isNotEmpty();
                assertThat(children(channel, tag).getFirst().getTextContent().strip()
                                + children(channel, tag).getFirst().getAttribute("href")
                                + children(channel, tag).getFirst().getAttribute("text"))
                        .as(feed + " " + tag)
                        .isNotBlank();
            }
            assertThat(child(channel, "itunes:explicit").getTextContent()).isIn("true", "false");
            assertThat(child(channel, "language").getTextContent()).matches("[a-z]{2}(-[a-z]{2})?");
            Element owner = child(channel, "itunes:owner");
            assertThat(child(owner, "itunes:email").getTextContent()).isEqualTo("host@bsdweekly.example");
            assertThat(child(channel, "itunes:category").getAttribute("text")).isEqualTo("Technology");
            Element news = children(channel, "itunes:category").get(1);
            assertThat(news.getAttribute("text")).isEqualTo("News");
            assertThat(child(news, "itunes:category").getAttribute("text")).isEqualTo("Tech News");
            List<Element> items = children(channel, "item");
            assertThat(items).as(feed + " items").hasSize(ITEMS.get(feed));
            for (Element item : items) {
                for (String tag : APPLE_ITEM_TAGS) {
                    assertThat(children(item, tag)).as(feed + " item " + tag).hasSize(1);
                }
                Element enclosure = child(item, "enclosure");
                assertThat(enclosure.getAttribute("url")).startsWith("https://bsdweekly.example/media/");
                assertThat(Long.parseLong(enclosure.getAttribute("length"))).isPositive();
                assertThat(enclosure.getAttribute("type"))
                        .isEqualTo(
                                feed.torrent()
                                        ? "application/x-bittorrent"
                                        : feed.kind().mimeType());
                assertThat(child(item, "guid").getAttribute("isPermaLink")).isEqualTo("false");
                assertThat(child(item, "pubDate").getTextContent())
                        .matches(
                                "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
                assertThat(child(item, "itunes:duration").getTextContent()).matches("[1-9]\\d*");
                assertThat(child(item, "itunes:episodeType").getTextContent()).isEqualTo("full");
            }
            assertThat(children(channel, "itunes:type"))
                    .as(feed + " itunes:type")
                    .hasSize(feed.fullItunes() ? 1 : 0);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void lengthsDurationsAndGuidsComeFromTheStoreAndAreTheSameInEveryFeed(String kind) throws Exception {
        Fixture fx = fixture(kind);
        EpisodeNotes e43 = fx.episodes().getFirst();
        Rendition sd = e43.rendition(RenditionKind.SD).orElseThrow();
        assertThat(sd.durationMs()).isEqualTo(3_600_000);
        Element sdItem = children(
                        child(
                                PodcastSchema.parse(fx.feeds().get(PodcastFeed.SD))
                                        .getDocumentElement(),
                                "channel"),
                        "item")
                .getFirst();
        assertThat(child(sdItem, "itunes:duration").getTextContent()).isEqualTo("3600");
        assertThat(child(sdItem, "enclosure").getAttribute("length"))
                .isEqualTo(Long.toString(Files.size(media.resolve("43/bsdweekly-43-sd.mp4"))));
        assertThat(child(sdItem, "enclosure").getAttribute("url"))
                .isEqualTo("https://bsdweekly.example/media/43/bsdweekly-43-sd.mp4");
        assertThat(child(sdItem, "pubDate").getTextContent()).isEqualTo("Thu, 12 Mar 2026 00:00:00 GMT");

        for (PodcastFeed feed : PodcastFeed.values()) {
            Element channel = child(PodcastSchema.parse(fx.feeds().get(feed)).getDocumentElement(), "channel");
            for (Element item : children(channel, "item")) {
                int number = Integer.parseInt(child(item, "itunes:episode").getTextContent());
                EpisodeNotes notes = fx.episodes().stream()
                        .filter(n -> n.episode().number() == number)
                        .findFirst()
                        .orElseThrow();
                assertThat(child(item, "guid").getTextContent())
                        .as("guid of " + number + " in " + feed)
                        .isEqualTo(notes.episode().guid());
                List<Element> alternates = children(item, "podcast:alternateEnclosure");
                assertThat(alternates).hasSize(notes.renditions().size());
                for (Element alternate : alternates) {
                    List<Element> sources = children(alternate, "podcast:source");
                    assertThat(sources)
                            .extracting(s -> s.getAttribute("uri"))
                            .anyMatch(u -> u.endsWith(".torrent"))
                            .anyMatch(u -> u.startsWith("magnet:?xt=urn:btih:"));
                    assertThat(sources.get(1).getAttribute("contentType")).isEqualTo("application/x-bittorrent");
                }
                assertThat(alternates.stream()
                                .filter(a -> a.getAttribute("default").equals("true"))
                                .count())
                        .isEqualTo(feed.torrent() ? 0 : 1);
            }
        }
        Element mp3Channel =
                child(PodcastSchema.parse(fx.feeds().get(PodcastFeed.MP3)).getDocumentElement(), "channel");
        Element itunesChannel =
                child(PodcastSchema.parse(fx.feeds().get(PodcastFeed.ITUNES)).getDocumentElement(), "channel");
        assertThat(child(itunesChannel, "podcast:guid").getTextContent())
                .isEqualTo(fx.settings().podcastGuid());
        assertThat(child(mp3Channel, "podcast:guid").getTextContent())
                .isEqualTo(PodcastGuid.of("https://bsdweekly.example/show/feeds/mp3.xml"));
        Element item42 = children(mp3Channel, "item").get(1);
        assertThat(children(item42, "podcast:transcript"))
                .extracting(t -> t.getAttribute("url"))
                .containsExactly("https://bsdweekly.example/media/42/bsdweekly-42.vtt", "https://subs.example/42.srt");
        assertThat(child(item42, "podcast:chapters").getAttribute("url"))
                .isEqualTo("https://bsdweekly.example/show/42/chapters.json");
        assertThat(children(item42, "podcast:person"))
                .extracting(Node::getTextContent)
                .containsExactly("Tomás Ferreira", "Hye-jin Park");
        String notes = child(item42, "content:encoded").getTextContent();
        assertThat(notes)
                .contains("<h3>Headlines</h3><ul><li><a href=\"https://be-undo.example/upgrades\">"
                        + "Boot environments as an undo button for upgrades</a>")
                .contains("<h3>Feedback/Questions</h3>")
                .contains("<a href=\"mailto:feedback@bsdweekly.example\">feedback@bsdweekly.example</a>");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void callistosOwnFeedParserReadsEveryFeedBack(String kind) throws Exception {
        Fixture fx = fixture(kind);
        for (PodcastFeed feed : PodcastFeed.values()) {
            ParsedFeed parsed = new FeedParser()
                    .parse(
                            fx.feeds().get(feed),
                            "application/rss+xml",
                            "https://bsdweekly.example/show/feeds/" + feed.slug() + ".xml");
            assertThat(parsed.illFormed()).as(feed + " " + parsed.problems()).isFalse();
            assertThat(parsed.title()).startsWith("BSD Weekly");
            assertThat(parsed.entries()).as(feed.toString()).hasSize(ITEMS.get(feed));
            for (var entry : parsed.entries()) {
                Enclosure enclosure = entry.enclosures().getFirst();
                Rendition r = rendition(fx, entry.title(), feed.kind());
                assertThat(enclosure.url())
                        .isEqualTo("https://bsdweekly.example/media/"
                                + (feed.torrent() ? r.torrentPath() : r.mediaPath()));
                assertThat(enclosure.length()).isEqualTo(feed.torrent() ? r.torrentLength() : r.length());
                assertThat(enclosure.type()).isEqualTo(feed.torrent() ? "application/x-bittorrent" : r.mimeType());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void pythonFeedparserReadsEveryFeedWithoutComplaint(String kind) throws Exception {
        assertFeedparserReads(fixture(kind));
    }

    /** Python's feedparser reads every feed of the fixture without complaint: titles, enclosures, durations. */
    static void assertFeedparserReads(Fixture fx) throws Exception {
        for (PodcastFeed feed : PodcastFeed.values()) {
            JsonNode d = PythonFeedparser.parse(fx.feeds().get(feed));
            assertThat(d.get("bozo").asInt())
                    .as(feed + ": " + d.get("bozo_exception").asText())
                    .isZero();
            assertThat(d.get("title").asText()).startsWith("BSD Weekly");
            assertThat(d.get("image").asText()).isEqualTo("https://bsdweekly.example/art.png");
            JsonNode entries = d.get("entries");
            assertThat(entries.size()).as(feed.toString()).isEqualTo(ITEMS.get(feed));
            for (JsonNode entry : entries) {
                Rendition r = rendition(fx, entry.get("title").asText(), feed.kind());
                assertThat(entry.get("itunes_duration").asText()).isEqualTo(Long.toString(r.durationSeconds()));
                List<String> hrefs = new ArrayList<>();
                for (JsonNode enclosure : entry.get("enclosures")) {
                    hrefs.add(enclosure.get("href").asText());
                }
                JsonNode enclosure = entry.get("enclosures").get(0);
                assertThat(hrefs).as(feed + " " + entry.get("title")).hasSize(1);
                assertThat(enclosure.get("href").asText())
                        .isEqualTo("https://bsdweekly.example/media/"
                                + (feed.torrent() ? r.torrentPath() : r.mediaPath()));
                assertThat(enclosure.get("length").asText())
                        .isEqualTo(Long.toString(feed.torrent() ? r.torrentLength() : r.length()));
                assertThat(enclosure.get("type").asText())
                        .isEqualTo(feed.torrent() ? "application/x-bittorrent" : r.mimeType());
                assertThat(entry.get("id").asText()).matches("[0-9a-f-]{36}");
                assertThat(entry.get("published").asText()).endsWith("GMT");
            }
        }
    }

    @Test
    void podcastElementsAreValidAgainstTheNamespaceSchema() throws Exception {
        Assumptions.assumeTrue(
                Files.isDirectory(PodcastSchema.folder()),
                "the podcast-namespace corpus is not at " + PodcastSchema.folder()
                        + "; set -Dcallisto.corpora to the shared corpora folder");
        PodcastSchema schema = PodcastSchema.load();
        assertThat(schema.declared())
                .contains("transcript", "locked", "funding", "chapters", "person", "season", "episode");
        Fixture fx = fixture("sqlite");
        for (PodcastFeed feed : PodcastFeed.values()) {
            Document doc = PodcastSchema.parse(fx.feeds().get(feed));
            assertThat(schema.validate(doc)).as(feed.toString()).isEmpty();
            // The schema has no declarations for these; check them against docs/tags/guid.md and
            // alternate-enclosure.md and source.md instead.
            NodeList all = doc.getElementsByTagNameNS(PodcastFeedWriter.PODCAST_NS, "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                switch (e.getLocalName()) {
                    case "guid" ->
                        assertThat(e.getTextContent())
                                .matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
                    case "alternateEnclosure" -> {
                        assertThat(e.getAttribute("type")).isNotEmpty();
                        assertThat(e.getAttribute("length")).matches("\\d+");
                        assertThat(e.getAttribute("title").length()).isLessThanOrEqualTo(32);
                        assertThat(children(e, "podcast:source")).isNotEmpty();
                    }
                    case "source" -> {
                        assertThat(e.getParentNode().getLocalName()).isEqualTo("alternateEnclosure");
                        assertThat(URI.create(e.getAttribute("uri")).isAbsolute())
                                .isTrue();
                    }
                    default ->
                        assertThat(schema.declared())
                                .as("podcast:" + e.getLocalName())
                                .contains(e.getLocalName());
                }
            }
        }
    }

    @Test
    void showNotesHtmlEscapesTitlesAndLinksAndSanitizesSummaries() {
        Episode e = new Episode(
                1,
                7,
                null,
                "Rock & <Roll>",
                "rock",
                Instant.parse("2026-01-01T00:00:00Z"),
                "A *short* one.",
                EpisodeType.BONUS,
                false,
                "g",
                null);
        EpisodeNotes notes = new EpisodeNotes(
                e,
                List.of(new Section(
                        "News & <Views>",
                        List.of(
                                NoteItem.of(
                                        "<script>alert(1)</script>",
                                        "https://x.example/?a=1&b=\"2\"",
                                        "<b>raw</b> [l](javascript:x)"),
                                NoteItem.of("No link", "javascript:alert(1)", "")))),
                List.of(),
                List.of(),
                List.of());
        String html = ShowNotesHtml.render(notes, "https://bsdweekly.example/", "feedback@bsdweekly.example");
        assertThat(html)
                .contains("<h3>News &amp; &lt;Views&gt;</h3>")
                .contains(
                        "<a href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\">&lt;script&gt;alert(1)&lt;/script&gt;</a>")
                .contains("&lt;b&gt;raw&lt;/b&gt;")
                .contains("<li>No link</li>")
                .doesNotContain("<script", "javascript:", "<b>");
    }

    private static Rendition rendition(Fixture fx, String title, RenditionKind kind) {
        return fx.episodes().stream()
                .filter(n -> n.episode().title().equals(title))
                .findFirst()
                .orElseThrow()
                .rendition(kind)
                .orElseThrow();
    }

    static Element child(Element parent, String name) {
        List<Element> list = children(parent, name);
        assertThat(list).as("<" + name + "> in <" + parent.getTagName() + ">").isNotEmpty();
        return list.getFirst();
    }

    /** The child elements named {@code name} ({@code prefix:local} for the feed's own prefixes). */
    static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                list.add(e);
            }
        }
        return list;
    }
}
