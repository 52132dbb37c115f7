package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callisto.db.Database;
import org.callisto.show.Episode;
import org.callisto.show.EpisodeNotes;
import org.callisto.show.PodcastFeed;
import org.callisto.show.PodcastFeedWriter;
import org.callisto.show.Rendition;
import org.callisto.show.ShowStores;
import org.callisto.show.media.TestMedia;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code show import-feed} on real podcast feeds from the corpora (the Podcasting 2.0 namespace's example and
 * partytime's captured feeds), served over loopback with every http(s) address in them pointed at the fixture
 * server: chapters documents come from the namespace's examples, media files are generated MP3s.
 */
class ShowImportFeedCommandTest {
    private static final Path CORPORA = Path.of("../shared/corpora");
    private static final Pattern URL =
            Pattern.compile("(?<!xmlns(:[A-Za-z]{1,20})?=[\"'])https?://[A-Za-z0-9.-]+(:\\d+)?/");
    private static final Pattern GUID = Pattern.compile("<guid[^>]*>\\s*([^<]*?)\\s*</guid>");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> feeds = new LinkedHashMap<>();
    private final java.util.Set<String> chapters = new java.util.HashSet<>();
    private final byte[] mp3 = TestMedia.cbrMp3(128, 44100, 400, 0, false);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            if (feeds.containsKey(path)) {
                body = feeds.get(path);
                type = "application/rss+xml";
            } else if (chapters.contains(exchange.getRequestURI().getPath())) {
                body = Files.readAllBytes(CORPORA.resolve("podcast-namespace/docs/examples/chapters/example.json"));
                type = "application/json+chapters";
            } else if (path.endsWith(".mp3")) {
                body = mp3;
                type = "audio/mpeg";
            } else {
                body = "not here".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /**
     * A corpus feed with every http(s) host pointed at the fixture server (namespace names excepted), served at
     * {@code path}.
     */
    private String serve(String path, String corpusFile) throws IOException {
        String xml = Files.readString(CORPORA.resolve(corpusFile));
        return serveText(path, xml);
    }

    private String serveText(String path, String xml) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        String served = URL.matcher(xml).replaceAll(Matcher.quoteReplacement(base));
        Matcher m = Pattern.compile("<podcast:chapters url=\"([^\"]+)\"").matcher(served);
        while (m.find()) {
            // decoded, as the request's path is: feeds write spaces (pc20rss's "Copy - PC2052"), clients send %20
            chapters.add(java.net.URLDecoder.decode(m.group(1).substring(base.length() - 1), StandardCharsets.UTF_8));
        }
        feeds.put(path, served.getBytes(StandardCharsets.UTF_8));
        return base + path.substring(1);
    }

    private String config() throws IOException {
        Path file = dir.resolve("callisto.conf");
        Files.writeString(
                file,
                "fetch.allow_loopback = true\nshow.media_dir = " + dir.resolve("media") + "\n"
                        + "site.url = https://show.example/\n");
        Files.createDirectories(dir.resolve("media"));
        return file.toString();
    }

    private static List<String> guids(byte[] feed) {
        List<String> out = new ArrayList<>();
        String items =
                new String(feed, StandardCharsets.UTF_8).replaceAll("(?s)<podcast:liveItem.*?</podcast:liveItem>", "");
        Matcher m = GUID.matcher(items);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Database open(String url) {
        return Database.open(url, null, null);
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void namespaceExampleImportsWithGuidsChaptersTranscriptsAndTagsAndAgainChangesNothing(String kind)
            throws Exception {
        String url = serve("/feed.xml", "podcast-namespace/example.xml");
        String db = Cli.freshDatabase(kind);
        String conf = config();

        Cli.Run first = Cli.on(db, "show", "import-feed", url, "--config", conf);
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("Show settings: changed").contains("3 added, 0 updated, 0 unchanged");

        try (Database d = open(db)) {
            ShowStores stores = ShowStores.of(d, Clock.systemUTC());
            List<Episode> episodes = stores.episodes().episodes();
            assertThat(episodes)
                    .extracting(Episode::guid)
                    .containsExactlyInAnyOrderElementsOf(guids(feeds.get("/feed.xml")));
            for (Episode e : episodes) {
                assertThat(e.chaptersJson())
                        .as("chapters of " + e.title() + first.out())
                        .contains("\"startTime\"");
                List<Rendition> renditions = stores.renditions().renditions(e.id());
                assertThat(renditions).hasSize(1);
                assertThat(renditions.getFirst().remote()).isTrue();
                assertThat(renditions.getFirst().mediaPath()).startsWith("http://127.0.0.1:");
                assertThat(stores.transcripts().transcripts(e.id())).isNotEmpty();
            }
            var settings = stores.settings().settings().orElseThrow();
            assertThat(settings.title()).isEqualTo("Podcasting 2.0 Namespace Example");
            assertThat(settings.podcastGuid()).isEqualTo("y0ur-gu1d-g035-h3r3"); // kept exactly, even when no UUID
            assertThat(settings.tags().license()).isNotNull();
            assertThat(settings.tags().value()).isNotEmpty();
            assertThat(episodes.stream().anyMatch(e -> !e.tags().soundbites().isEmpty()))
                    .isTrue();
        }

        Cli.Run again = Cli.on(db, "show", "import-feed", url, "--config", conf);
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("Show settings: unchanged").contains("0 added, 0 updated, 3 unchanged");

        String newer = new String(feeds.get("/feed.xml"), StandardCharsets.UTF_8)
                .replaceFirst(
                        "<title>Episode 3 - The Future</title>", "<title>Episode 3 - The Future, remastered</title>");
        feeds.put("/feed.xml", newer.getBytes(StandardCharsets.UTF_8));
        Cli.Run third = Cli.on(db, "show", "import-feed", url, "--config", conf);
        assertThat(third.out()).contains("0 added, 1 updated, 2 unchanged");
    }

    @Test
    void aRealFeedRoundTripsThroughPodcastparserWithItsGuidsTitlesDatesAndEnclosures() throws Exception {
        String url = serve("/pc20.xml", "podcast-feeds-partytime/fixtures/pc20rss.xml");
        String db = Cli.freshDatabase("sqlite");
        Cli.Run r = Cli.on(db, "show", "import-feed", url, "--config", config());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();

        JsonNode source = podcastparser(feeds.get("/pc20.xml"));
        byte[] ours;
        try (Database d = open(db)) {
            ShowStores stores = ShowStores.of(d, Clock.systemUTC());
            List<EpisodeNotes> released = stores.episodeNotes().released(Instant.parse("2100-01-01T00:00:00Z"));
            ours = new PodcastFeedWriter(URI.create("https://show.example/"))
                    .write(PodcastFeed.MP3, stores.settings().settings().orElseThrow(), released);
        }
        JsonNode mine = podcastparser(ours);
        Map<String, JsonNode> byGuid = new LinkedHashMap<>();
        mine.path("episodes").forEach(e -> byGuid.put(e.path("guid").asText(), e));
        int withEnclosure = 0;
        for (JsonNode e : source.path("episodes")) {
            if (e.path("enclosures").isEmpty()) {
                continue;
            }
            withEnclosure++;
            JsonNode ourEpisode = byGuid.get(e.path("guid").asText());
            assertThat(ourEpisode).as("episode " + e.path("guid")).isNotNull();
            assertThat(ourEpisode.path("enclosures").get(0).path("url").asText())
                    .isEqualTo(e.path("enclosures").get(0).path("url").asText());
            assertThat(ourEpisode.path("title").asText())
                    .isEqualTo(e.path("title").asText());
            assertThat(ourEpisode.path("published").asLong())
                    .isEqualTo(e.path("published").asLong());
        }
        assertThat(withEnclosure).isGreaterThan(40);
        assertThat(byGuid).hasSize(withEnclosure);
    }

    /**
     * pc20rss.xml, the Podcast Index's own feed, declares the namespace by its first address (the GitHub page of
     * docs/1.0.md): its chapters documents are fetched over loopback and its SubRip transcripts kept, for every item,
     * and importing again changes nothing.
     */
    @Test
    void chaptersAndTranscriptsOfPc20rssImportFromTheNamespacesFirstAddress() throws Exception {
        String url = serve("/pc20.xml", "podcast-feeds-partytime/fixtures/pc20rss.xml");
        String xml = new String(feeds.get("/pc20.xml"), StandardCharsets.UTF_8);
        Map<String, String> chaptersByGuid = new LinkedHashMap<>();
        Map<String, List<String>> transcriptsByGuid = new LinkedHashMap<>();
        Matcher item = Pattern.compile("(?s)<item>(.*?)</item>").matcher(xml);
        while (item.find()) {
            Matcher guid = GUID.matcher(item.group(1));
            assertThat(guid.find()).isTrue();
            Matcher c = Pattern.compile("<podcast:chapters url=\"([^\"]+)\"").matcher(item.group(1));
            if (c.find()) {
                chaptersByGuid.put(guid.group(1), c.group(1));
            }
            List<String> transcripts = new ArrayList<>();
            Matcher t = Pattern.compile("<podcast:transcript url=\"([^\"]+)\"").matcher(item.group(1));
            while (t.find()) {
                transcripts.add(t.group(1));
            }
            transcriptsByGuid.put(guid.group(1), transcripts);
        }
        assertThat(chaptersByGuid).hasSizeGreaterThan(40);
        assertThat(transcriptsByGuid.values().stream().filter(l -> !l.isEmpty()).count())
                .isGreaterThan(40);

        String db = Cli.freshDatabase("sqlite");
        String conf = config();
        Cli.Run r = Cli.on(db, "show", "import-feed", url, "--config", conf);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).doesNotContain("chapters not fetched").doesNotContain("transcript ");
        try (Database d = open(db)) {
            ShowStores stores = ShowStores.of(d, Clock.systemUTC());
            assertThat(stores.settings().settings().orElseThrow().locked()).isTrue();
            int withChapters = 0;
            for (Episode e : stores.episodes().episodes()) {
                if (chaptersByGuid.containsKey(e.guid())) {
                    assertThat(e.chaptersJson())
                            .as("chapters of " + e.title() + " from " + chaptersByGuid.get(e.guid()))
                            .contains("\"startTime\"");
                    withChapters++;
                }
                assertThat(stores.transcripts().transcripts(e.id()))
                        .as("transcripts of " + e.title())
                        .extracting(org.callisto.show.Transcript::location)
                        .containsExactlyInAnyOrderElementsOf(transcriptsByGuid.get(e.guid()));
                stores.transcripts()
                        .transcripts(e.id())
                        .forEach(t -> assertThat(t.mimeType()).isEqualTo("application/x-subrip"));
            }
            assertThat(withChapters).isEqualTo(chaptersByGuid.size());
        }
        Cli.Run again = Cli.on(db, "show", "import-feed", url, "--config", conf);
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("0 added, 0 updated, " + transcriptsByGuid.size() + " unchanged");
    }

    /** Every imported episode of a real feed (HTML show notes of any length) gets one discussion, once. */
    @Test
    void everyImportedEpisodeOfARealFeedGetsOneDiscussion() throws Exception {
        String url = serve("/pc20.xml", "podcast-feeds-partytime/fixtures/pc20rss.xml");
        String db = Cli.freshDatabase("sqlite");
        try (Database d = open(db)) {
            org.callisto.account.Accounts.of(
                            d, org.callisto.config.ConfigLoader.of(Map.of("database.url", db)), Clock.systemUTC())
                    .createAdmin("chief", "a long admin password");
        }
        String conf = config();
        Cli.Run r = Cli.on(db, "show", "import-feed", url, "--config", conf);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        int items = guids(feeds.get("/pc20.xml")).size();
        assertThat(r.out()).contains("Discussions: " + items + " opened by chief, 0 open already");
        Cli.Run again = Cli.on(db, "show", "import-feed", url, "--config", conf);
        assertThat(again.out()).contains("Discussions: 0 opened by chief, " + items + " open already");
        Cli.Run dry = Cli.on(db, "show", "import-feed", url, "--config", conf, "--dry-run");
        assertThat(dry.out()).doesNotContain("Discussions:");
        try (Database d = open(db)) {
            long stories = d.withConnection(c -> org.callisto.db.Sql.first(
                            c, "SELECT COUNT(*) FROM stories WHERE status = 'published'", rs -> rs.getLong(1))
                    .orElseThrow());
            assertThat(stories).isEqualTo(items);
        }
    }

    @Test
    void downloadMediaFetchesEachFileIntoTheMediaDirectoryWithItsTorrent() throws Exception {
        String url = serve("/simple.xml", "podcast-feeds-partytime/fixtures/simple.xml");
        String db = Cli.freshDatabase("sqlite");
        String conf = config();
        Cli.Run r = Cli.on(db, "show", "import-feed", url, "--download-media", "--config", conf);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("3 added").contains("media downloaded to imported/");
        try (Database d = open(db)) {
            ShowStores stores = ShowStores.of(d, Clock.systemUTC());
            for (Episode e : stores.episodes().episodes()) {
                Rendition m = stores.renditions().renditions(e.id()).getFirst();
                assertThat(m.remote()).isFalse();
                assertThat(m.hasTorrent()).isTrue();
                assertThat(m.length()).isEqualTo(mp3.length);
                assertThat(m.durationMs()).isPositive();
                assertThat(dir.resolve("media").resolve(m.torrentPath())).isRegularFile();
            }
        }
        Cli.Run again = Cli.on(db, "show", "import-feed", url, "--download-media", "--config", conf);
        assertThat(again.out()).contains("0 added, 0 updated, 3 unchanged");
    }

    @Test
    void anItemWithoutMediaIsReportedAndTheOthersAreImported() throws Exception {
        String xml = Files.readString(CORPORA.resolve("podcast-feeds-partytime/fixtures/simple.xml"))
                .replaceFirst("<enclosure [^>]*/>", "");
        String url = serveText("/broken.xml", xml);
        Cli.Run r = Cli.on(Cli.freshDatabase("sqlite"), "show", "import-feed", url, "--config", config());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .contains("skipped: Episode 3 - The Future")
                .contains("no http(s) enclosure: skipped")
                .contains("2 added, 0 updated, 0 unchanged, 1 skipped, 0 failed");
    }

    @Test
    void dryRunWritesNothing() throws Exception {
        String url = serve("/feed.xml", "podcast-namespace/example.xml");
        String db = Cli.freshDatabase("sqlite");
        Cli.Run r = Cli.on(db, "show", "import-feed", url, "--dry-run", "--config", config());
        assertThat(r.out()).contains("3 added").contains("dry run: nothing written");
        try (Database d = open(db)) {
            assertThat(ShowStores.of(d, Clock.systemUTC()).episodes().episodes())
                    .isEmpty();
        }
    }

    /** What Python's podcastparser (Debian python3-podcastparser) reads from a feed, as JSON. */
    private static JsonNode podcastparser(byte[] feed) throws Exception {
        String script = "import podcastparser, json, sys, io\n"
                + "print(json.dumps(podcastparser.parse('http://x/', io.BytesIO(sys.stdin.buffer.read()))))\n";
        String python = System.getenv("CALLISTO_PYTHON") != null
                ? System.getenv("CALLISTO_PYTHON")
                : Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Process p = new ProcessBuilder(python, "-c", script).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (OutputStream in = p.getOutputStream()) {
            in.write(feed);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as("python3 with podcastparser (apt-get install -y python3-podcastparser): "
                        + new String(err.join(), StandardCharsets.UTF_8))
                .isZero();
        return JSON.readTree(out.join());
    }
}
