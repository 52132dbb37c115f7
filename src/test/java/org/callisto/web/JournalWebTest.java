package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callisto.account.Accounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The journal through real HTTP with cookies: register, log in, submit, fix, an editor decides, readers see the
 * story; CSRF refusals, login rate limits and hostile text in every field. Each test runs on SQLite and on
 * PostgreSQL.
 */
class JournalWebTest {
    static final String PASSWORD = "correct horse battery";
    private static final Pattern STORY = Pattern.compile("^/stories/([0-9]+)$");

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES =
            new java.util.concurrent.atomic.AtomicInteger();

    /** One site per kind of database, made when a test first asks for it. */
    private static final Map<String, PlanetSite> SITES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The site on a database of {@code kind}, with open registration and an administrator {@code editor1}. */
    static PlanetSite site(String kind) {
        return SITES.computeIfAbsent(kind, k -> {
            PlanetSite site = new PlanetSite(k, Map.of("journal.registration", "open"));
            Accounts.of(site.db, site.config, Clock.systemUTC()).createAdmin("editor1", PASSWORD);
            return site;
        });
    }

    @AfterAll
    static void stop() {
        SITES.values().forEach(PlanetSite::close);
        SITES.clear();
    }

    static WebClient client(PlanetSite site) {
        return new WebClient(site.uri("/"));
    }

    /**
     * A logged-in member; the account is made directly (registration through the form is tested once, and allows
     * only five accounts an hour from one address).
     */
    static WebClient member(PlanetSite site, String name) {
        Accounts.of(site.db, site.config, Clock.systemUTC())
                .register(name, PASSWORD, null, "10.1.0." + ADDRESSES.incrementAndGet());
        WebClient c = client(site);
        login(c, name);
        return c;
    }

    static void login(WebClient c, String name) {
        HttpResponse<String> r = c.submit("/login", "/login", "username", name, "password", PASSWORD);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    }

    /** Submits a story and returns its number. */
    static long submit(WebClient c, String title, String format, String intro, String body, String... more) {
        String[] fields = {
            "action", "submit", "title", title, "dept", "testing", "format", format, "intro", intro, "body", body,
            "topic", "FreeBSD"
        };
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(fields), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        HttpResponse<String> r = c.submit("/submit", "/submit", all);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        Matcher m = STORY.matcher(r.headers().firstValue("Location").orElseThrow());
        assertThat(m.matches()).isTrue();
        return Long.parseLong(m.group(1));
    }

    static void decide(WebClient editor, long story, String decision, String reason) {
        HttpResponse<String> r = editor.submit(
                "/editor/queue",
                "/editor/queue",
                "story",
                Long.toString(story),
                "decision",
                decision,
                "reason",
                reason);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void registerLoginSubmitFixAcceptAndRead(String kind) {
        PlanetSite site = site(kind);
        WebClient alice = client(site);
        assertThat(alice.submit(
                                "/register",
                                "/register",
                                "username",
                                "alice",
                                "password",
                                PASSWORD,
                                "password2",
                                PASSWORD)
                        .headers()
                        .firstValue("Location"))
                .as("registration ends logged in")
                .contains("/account?welcome=1");
        assertThat(alice.get("/account").statusCode()).isEqualTo(200);
        login(alice, "alice");
        String first = alice.cookie("callisto_session");
        assertThat(first).isNotNull();
        login(alice, "alice");
        String second = alice.cookie("callisto_session");
        assertThat(second).isNotNull().isNotEqualTo(first);
        assertThat(site.get("/account", "Cookie", "callisto_session=" + first).statusCode())
                .as("the session before the second login has ended")
                .isEqualTo(303);

        HttpResponse<String> invalid = alice.submit(
                "/submit",
                "/submit",
                "action",
                "submit",
                "title",
                "Ports",
                "format",
                "html",
                "intro",
                "<p>intro-marker</p>",
                "body",
                "<p>fine</p>\n<p>broken <b>body-marker</p>",
                "topic",
                "FreeBSD");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body())
                .contains("Problems to fix")
                .contains("<ol class=\"problems\"><li>2:")
                .contains("<mark")
                .contains("&lt;b&gt;body-marker")
                .doesNotContain("<b>body-marker")
                .doesNotContain("<p>intro-marker</p>")
                .doesNotContain("<p>fine</p>");

        HttpResponse<String> preview = alice.submit(
                "/submit",
                "/submit",
                "action",
                "preview",
                "title",
                "Ports",
                "format",
                "html",
                "intro",
                "<p>intro-marker</p>",
                "body",
                "<p>body <b>marker</b></p>");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body())
                .contains("<h2 id=\"preview-heading\">Preview</h2>")
                .contains("<b>marker</b>");

        long id = submit(
                alice,
                "Ports tree news",
                "html",
                "<p>intro-marker</p>",
                "<p>body <b>marker</b></p>",
                "source",
                "https://example.org/ports");
        HttpResponse<String> pending = alice.get("/stories/" + id);
        assertThat(pending.body()).contains("waiting for an editor");
        assertThat(site.get("/stories/" + id).statusCode())
                .as("pending stories are hidden")
                .isEqualTo(404);
        assertThat(alice.get("/editor/queue").statusCode())
                .as("members have no queue")
                .isEqualTo(403);

        WebClient editor = client(site);
        login(editor, "editor1");
        assertThat(editor.get("/editor/queue").body())
                .contains("Ports tree news")
                .contains("intro-marker");
        decide(editor, id, "accept", "");

        HttpResponse<String> journal = site.fresh("/journal");
        assertThat(journal.body())
                .contains("Ports tree news")
                .contains("<p>intro-marker</p>")
                .contains("href=\"/stories/" + id + "\"")
                .contains("Read more")
                .contains("from the testing dept.")
                .doesNotContain("<b>marker</b>");
        HttpResponse<String> story = site.fresh("/stories/" + id);
        assertThat(story.statusCode()).isEqualTo(200);
        assertThat(story.body())
                .contains("<h2 class=\"story-title\">Ports tree news</h2>")
                .contains("<b>marker</b>")
                .contains("https://example.org/ports");
        assertThat(site.fresh("/journal/atom.xml").body())
                .contains("<title>Ports tree news</title>")
                .contains("http://planet.test/stories/" + id);

        long again =
                submit(member(site, "bob.b"), "Same link", "text", "again", "", "source", "https://example.org/ports");
        assertThat(editor.get("/editor/queue").body())
                .contains("href=\"/stories/" + id + "\"")
                .contains("Same link as");
        decide(editor, again, "reject", "Already covered");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void anEditorRevisesAPendingStoryBeforeAcceptingIt(String kind) {
        PlanetSite site = site(kind);
        WebClient writer = member(site, "reviseme");
        long id = submit(writer, "Tpyo in title", "html", "<p>An intro</p>", "");
        String edit = "/editor/queue/" + id + "/edit";
        assertThat(writer.get(edit).statusCode()).as("members may not").isEqualTo(403);
        WebClient editor = client(site);
        login(editor, "editor1");
        assertThat(editor.get("/editor/queue").body()).contains("href=\"" + edit + "\">Edit before deciding</a>");
        String form = editor.get(edit).body();
        assertThat(form).contains("value=\"Tpyo in title\"").contains("&lt;p&gt;An intro&lt;/p&gt;");
        assertThat(editor.post(edit, "action", "submit", "title", "No token").statusCode())
                .isEqualTo(403);

        HttpResponse<String> broken = editor.submit(
                edit,
                edit,
                "action",
                "submit",
                "title",
                "Typo fixed",
                "dept",
                "editing",
                "format",
                "html",
                "intro",
                "<p>An <b>intro</p>",
                "body",
                "",
                "topic",
                "FreeBSD");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("<ol class=\"problems\">");
        assertThat(new org.callisto.journal.JournalStore(site.db, Clock.systemUTC())
                        .story(id)
                        .orElseThrow()
                        .title())
                .isEqualTo("Tpyo in title");

        HttpResponse<String> saved = editor.submit(
                edit,
                edit,
                "action",
                "submit",
                "title",
                "Typo fixed",
                "dept",
                "editing",
                "format",
                "markdown",
                "intro",
                "An *intro*",
                "body",
                "",
                "topic",
                "FreeBSD");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        org.callisto.journal.Story revised = new org.callisto.journal.JournalStore(site.db, Clock.systemUTC())
                .story(id)
                .orElseThrow();
        assertThat(revised.title()).isEqualTo("Typo fixed");
        assertThat(revised.introHtml()).contains("<em>intro</em>");
        assertThat(revised.status()).hasToString("PENDING");
        assertThat(writer.get("/stories/" + id).body()).contains("Typo fixed");
        decide(editor, id, "accept", "");
        assertThat(editor.get(edit).statusCode())
                .as("decided stories are no longer editable here")
                .isEqualTo(404);
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aStoryAcceptedForALaterTimeStaysHiddenUntilThen(String kind) {
        PlanetSite site = site(kind);
        WebClient dave = member(site, "schedwriter");
        long id = submit(dave, "Scheduled news", "text", "Out later", "");
        WebClient editor = client(site);
        login(editor, "editor1");
        for (String[] bad :
                new String[][] {{"tomorrow", "is not a date and time"}, {"2001-01-01T10:00", "is in the past"}}) {
            HttpResponse<String> r = editor.submit(
                    "/editor/queue",
                    "/editor/queue",
                    "story",
                    Long.toString(id),
                    "decision",
                    "accept",
                    "publish_at",
                    bad[0]);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains(bad[1]);
        }
        java.time.Instant later = java.time.Instant.now()
                .plus(java.time.Duration.ofDays(3))
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        String typed = later.toString().substring(0, 16);
        HttpResponse<String> accepted = editor.submit(
                "/editor/queue",
                "/editor/queue",
                "story",
                Long.toString(id),
                "decision",
                "accept",
                "publish_at",
                typed);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(303);

        assertThat(site.fresh("/stories/" + id).statusCode())
                .as("hidden from readers")
                .isEqualTo(404);
        assertThat(site.get("/journal").body()).doesNotContain("Scheduled news");
        assertThat(site.get("/journal/atom.xml").body()).doesNotContain("Scheduled news");
        assertThat(dave.get("/stories/" + id).body()).contains("This story is scheduled for");
        assertThat(editor.get("/editor/queue").body())
                .contains("<h2>Scheduled</h2>")
                .contains("href=\"/stories/" + id + "\">Scheduled news</a>, to be published");
        assertThat(new org.callisto.journal.JournalStore(site.db, Clock.systemUTC())
                        .story(id)
                        .orElseThrow()
                        .publishedAt())
                .isEqualTo(later);
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aRejectionShowsItsReasonOnTheAccountPage(String kind) {
        PlanetSite site = site(kind);
        WebClient carol = member(site, "carol");
        long id = submit(carol, "Off topic", "markdown", "Some *text*", "");
        WebClient editor = client(site);
        login(editor, "editor1");
        decide(editor, id, "reject", "Not about <em>our</em> topics");
        HttpResponse<String> account = carol.get("/account");
        assertThat(account.body())
                .contains("Off topic")
                .contains("rejected")
                .contains("Not about &lt;em&gt;our&lt;/em&gt; topics");
        submit(carol, "Still waiting", "text", "so the queue has a form", "");
        HttpResponse<String> empty =
                editor.submit("/editor/queue", "/editor/queue", "story", "999999", "decision", "accept");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("no story number 999999");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void formsWithoutAValidTokenAreRefusedWith403(String kind) {
        PlanetSite site = site(kind);
        WebClient dave = member(site, "dave");
        HttpResponse<String> none =
                dave.post("/submit", "action", "submit", "title", "x", "format", "text", "intro", "x");
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("without its security token").contains("nothing was done");
        HttpResponse<String> wrong = dave.post(
                "/submit", "csrf", "A".repeat(43), "action", "submit", "title", "x", "format", "text", "intro", "x");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("not valid");
        assertThat(client(site)
                        .post("/login", "username", "dave", "password", PASSWORD)
                        .statusCode())
                .isEqualTo(403);
        assertThat(dave.post("/logout").statusCode()).isEqualTo(403);
        assertThat(dave.get("/account").statusCode()).as("still logged in").isEqualTo(200);
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void missingFieldsAreRefusedOnTheForm(String kind) {
        PlanetSite site = site(kind);
        WebClient c = client(site);
        HttpResponse<String> r = c.submit("/register", "/register", "username", "", "password", "");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("class=\"refusal\"");
        HttpResponse<String> l = c.submit("/login", "/login", "username", "", "password", "");
        assertThat(l.statusCode()).isEqualTo(400);
        assertThat(l.body()).contains("enter your username");
        WebClient erin = member(site, "erin");
        HttpResponse<String> s = erin.submit("/submit", "/submit", "action", "submit");
        assertThat(s.statusCode()).isEqualTo(400);
        assertThat(s.body()).contains("enter a title");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void anOversizedStoryIsRefusedInWords(String kind) {
        PlanetSite site = site(kind);
        WebClient ivy = member(site, "ivy");
        HttpResponse<String> r = ivy.submit(
                "/submit",
                "/submit",
                "action",
                "submit",
                "title",
                "Long",
                "format",
                "text",
                "intro",
                "word ".repeat(50_000));
        HttpResponse<String> huge = ivy.submit(
                "/submit",
                "/submit",
                "action",
                "submit",
                "title",
                "Long",
                "format",
                "html",
                "intro",
                "<p>" + "&lt;&gt;".repeat(300_000));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("larger than this site accepts");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("at most 200000 characters");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void repeatedFailedLoginsAreRateLimitedWith429(String kind) {
        PlanetSite site = site(kind);
        member(site, "frank");
        WebClient mallory = client(site);
        HttpResponse<String> r = null;
        for (int i = 0; i < 6; i++) {
            r = mallory.submit("/login", "/login", "username", "frank", "password", "wrong password " + i);
        }
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(r.body()).contains("too many login attempts for this account; try again in");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void hostileTextIsStoredAndShownLiterally(String kind) {
        PlanetSite site = site(kind);
        WebClient gina = member(site, "gina");
        String title = "Robert'); DROP TABLE stories;-- <script>alert(1)</script>";
        long id = submit(
                gina,
                title,
                "text",
                "<script>alert('intro')</script> & \"quotes\"",
                "x' OR '1'='1 <img src=x onerror=alert(2)>");
        WebClient editor = client(site);
        login(editor, "editor1");
        decide(editor, id, "accept", "");
        for (String page : new String[] {"/journal", "/stories/" + id}) {
            String body = site.fresh(page).body();
            assertThat(body)
                    .as(page)
                    .doesNotContain("<script")
                    .doesNotContain("<img src=x")
                    .contains("Robert'); DROP TABLE stories;-- &lt;script&gt;alert(1)&lt;/script&gt;")
                    .contains("&lt;script&gt;alert('intro')&lt;/script&gt; &amp; \"quotes\"");
        }
        assertThat(site.fresh("/stories/" + id).body()).contains("x' OR '1'='1 &lt;img src=x onerror=alert(2)&gt;");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void pagesForLoggedInMembersAreNeverCached(String kind) {
        PlanetSite site = site(kind);
        WebClient hank = member(site, "hank");
        for (String page : new String[] {
            "/",
            "/journal",
            "/account",
            "/entries/" + site.entries.river(0, 1).getFirst().id()
        }) {
            HttpResponse<String> r = hank.get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control")).as(page).contains("private, no-store");
            assertThat(r.headers().firstValue("ETag")).as(page).isEmpty();
            assertThat(r.body()).as(page).contains("href=\"/account\">hank</a>");
        }
        assertThat(site.get("/").body()).doesNotContain("hank").contains("href=\"/login\"");
        HttpResponse<String> out = hank.submit("/account", "/logout");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(v -> assertThat(v).contains("Max-Age=0"));
        assertThat(hank.get("/account").statusCode()).isEqualTo(303);
    }
}
