package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callisto.account.AccountRefusal;
import org.callisto.account.Accounts;
import org.callisto.app.demo.DemoJournal;
import org.callisto.journal.Story;
import org.callisto.planet.parse.Enclosure;
import org.callisto.planet.parse.FeedParser;
import org.callisto.planet.parse.ParsedEntry;
import org.callisto.planet.parse.ParsedFeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @Test
    void demoFetchesItsSampleBlogsThroughThePipelineAndServesAPopulatedPlanet(@TempDir Path data) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String firstPassword;
        try (DemoCommand.Demo demo = DemoCommand.Demo.start(data, Map.of("server.port", "0"))) {
            assertThat(demo.firstRound().failed()).isZero();
            assertThat(demo.firstRound().ok()).isEqualTo(5);
            assertThat(demo.firstRound().added()).isGreaterThanOrEqualTo(10);
            String river = get(http, demo, "/");
            assertThat(river)
                    .contains("Upgrading Graphite after the layout change")
                    .contains("<pre>");
            assertThat(get(http, demo, "/category/freebsd")).contains("Category Archives: FreeBSD");
            assertThat(get(http, demo, "/subscriptions"))
                    .contains("Dana Whitfield")
                    .contains("Ines Carvalho");
            checkShow(http, demo);
            checkJournal(http, demo);
            firstPassword = demo.journal().password();
        }
        // A second demo on the same data directory (and another port) replaces the old demo subscriptions, keeps
        // the journal as it was and gives the demo editor a new password.
        String secondPassword;
        DemoCommand.Demo again = DemoCommand.Demo.start(data, Map.of("server.port", "0"));
        try (again) {
            assertThat(again.callisto().subscriptions().feeds()).hasSize(5);
            assertThat(again.firstRound().failed()).isZero();
            assertThat(again.journal().published()).isEmpty();
            secondPassword = again.journal().password();
            assertThat(secondPassword).isNotEqualTo(firstPassword);
            assertThat(get(http, again, "/journal")).contains("A tidy pf.conf for a home router");
            assertThat(editorQueue(again, secondPassword)).contains("Call for talks");
        }
        // The same data served by callisto serve: the demo accounts cannot log in.
        try (Callisto served = Callisto.open(again.config())) {
            ServeCommand.disableDemoAccounts(served);
            Accounts accounts = served.accounts();
            assertThatThrownBy(() -> accounts.login(DemoJournal.EDITOR, secondPassword, "127.0.0.1", null, null))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessageContaining("banned");
            assertThat(accounts.store()
                            .userByName(DemoJournal.EDITOR)
                            .orElseThrow()
                            .banned())
                    .isTrue();
            for (String member : DemoJournal.MEMBERS) {
                assertThat(accounts.store().userByName(member).orElseThrow().banned())
                        .as(member)
                        .isTrue();
            }
            assertThat(ServeCommand.disableDemoAccounts(served))
                    .as("banned again")
                    .isZero();
        }
    }

    /** The demo journal: stories on /journal, a comment thread, the printed editor login and the queue. */
    private static void checkJournal(HttpClient http, DemoCommand.Demo demo) throws Exception {
        DemoJournal.Result journal = demo.journal();
        assertThat(journal.published()).hasSize(3);
        assertThat(journal.published())
                .extracting(s -> s.format().key())
                .containsExactlyInAnyOrder("html", "markdown", "text");
        String page = get(http, demo, "/journal");
        for (Story s : journal.published()) {
            assertThat(page).contains(s.title().replace("'", "&#39;"));
        }
        assertThat(page).doesNotContain("Call for talks");

        Story pf = journal.published().stream()
                .filter(s -> s.title().contains("pf.conf"))
                .findFirst()
                .orElseThrow();
        String story = get(http, demo, "/stories/" + pf.id());
        int comment = story.indexOf("Do you keep a table of blocked addresses");
        int reply = story.indexOf("Overkill for me");
        int other = story.indexOf("pf.conf(5) has a good example");
        assertThat(comment).isPositive();
        assertThat(reply).isGreaterThan(comment);
        assertThat(other).isGreaterThan(reply);
        assertThat(story).contains("<code>block return</code>");

        String line = demo.editorLine();
        Matcher m = Pattern.compile("demo editor: (\\S+) / (\\S+) \\(log in at http://localhost:(\\d+)/login\\)")
                .matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        assertThat(m.group(1)).isEqualTo("editor");
        assertThat(m.group(2)).hasSizeGreaterThanOrEqualTo(16).isEqualTo(journal.password());
        assertThat(Integer.parseInt(m.group(3))).isEqualTo(demo.web().port());
        String queue = editorQueue(demo, m.group(2));
        assertThat(queue).contains("Call for talks: a BSD day at the hackerspace");
        for (Story s : journal.published()) {
            assertThat(queue).doesNotContain(s.title());
        }
    }

    /** Logs in as the demo editor through the login form (with its CSRF token) and returns the editor queue. */
    private static String editorQueue(DemoCommand.Demo demo, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String form = client.send(request(demo, "/login").build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(form.substring(form.indexOf("action=\"/login\"")));
        assertThat(csrf.find()).as("csrf field of the login form").isTrue();
        String body = "csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&username=editor&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> login = client.send(
                request(demo, "/login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("login: " + login.body()).isEqualTo(303);
        HttpResponse<String> queue =
                client.send(request(demo, "/editor/queue").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(queue.statusCode()).isEqualTo(200);
        return queue.body();
    }

    /** The demo show: archive, an episode page, its MP3 feed parsed back, and a range of its media file. */
    private static void checkShow(HttpClient http, DemoCommand.Demo demo) throws Exception {
        String archive = get(http, demo, "/episodes");
        assertThat(archive)
                .contains("Callisto Demo Weekly")
                .contains("bhyve meets libvirt")
                .contains("Ports, packages and poudriere");
        assertThat(archive.indexOf("bhyve meets libvirt")).isLessThan(archive.indexOf("Ports, packages"));
        String page = get(http, demo, "/episodes/2");
        assertThat(page)
                .contains("<audio controls")
                .contains("<video controls")
                .contains("<source src=\"/media/demo/episode-2.mp3\" type=\"audio/mpeg\">")
                .contains("/media/demo/episode-2-hd.mp4")
                .contains("Direct Download")
                .contains("/show/feeds/mp3.xml")
                .contains("/show/feeds/hd-torrent.xml")
                .contains("/entries/")
                .contains("/journal\">The community journal</a>")
                .contains("Roman Novak")
                .contains("Support the show")
                .contains("How many snapshots are too many?")
                .contains("<p class=\"item-source\">listener feedback</p>")
                .doesNotContain("priya@listener.example");
        Path mp3 = demo.config().show().mediaDir().resolve("demo/episode-2.mp3");
        long length = Files.size(mp3);

        HttpResponse<byte[]> feed =
                http.send(request(demo, "/show/feeds/mp3.xml").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).contains("application/rss+xml; charset=utf-8");
        ParsedFeed parsed = new FeedParser().parse(feed.body(), "application/rss+xml", "http://127.0.0.1/");
        assertThat(parsed.entries()).hasSize(2);
        ParsedEntry second = parsed.entries().stream()
                .filter(e -> e.title().contains("bhyve"))
                .findFirst()
                .orElseThrow();
        Enclosure enclosure = second.enclosures().getFirst();
        assertThat(enclosure.length()).isEqualTo(length);
        assertThat(enclosure.type()).isEqualTo("audio/mpeg");
        assertThat(enclosure.url()).endsWith("/media/demo/episode-2.mp3");

        HttpResponse<byte[]> range = http.send(
                request(demo, "/media/demo/episode-2.mp3")
                        .header("Range", "bytes=100-199")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("Content-Range")).contains("bytes 100-199/" + length);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(Files.readAllBytes(mp3), 100, 200));
    }

    private static HttpRequest.Builder request(DemoCommand.Demo demo, String path) {
        return HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + demo.web().port() + path));
    }

    private static String get(HttpClient http, DemoCommand.Demo demo, String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + demo.web().port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }
}
