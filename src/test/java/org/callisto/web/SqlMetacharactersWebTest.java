package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.callisto.account.Accounts;
import org.callisto.journal.Comment;
import org.callisto.journal.CommentStore;
import org.callisto.journal.JournalStore;
import org.callisto.journal.Story;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Quotes, comment markers, LIKE wildcards, backslashes and non-ASCII text sent through the journal's forms and
 * addresses, on SQLite and on PostgreSQL: every field keeps them exactly as typed and pages show them as text;
 * identifiers and page numbers that are not numbers get a 400 or 404 page in words, never a 500.
 */
class SqlMetacharactersWebTest {
    private static final String QUOTE = "' OR 1=1 --";
    private static final String DROP = "\"; DROP TABLE stories; --";
    private static final String LIKE = "100% _under_ back\\slash \\' \\\"";
    private static final String UNICODE = "Ünïcödé ✓ 日本語 😀 ‮rtl";
    private static final List<String> ALL = List.of(QUOTE, DROP, LIKE, UNICODE);
    private static final String EVERYTHING = String.join(" | ", ALL);

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void sqlSignsInEveryFieldAreStoredAndShownLiterally(String kind) {
        try (PlanetSite site = new PlanetSite(kind, Map.of("journal.registration", "open"))) {
            Accounts.of(site.db, site.config, Clock.systemUTC()).createAdmin("editor1", JournalWebTest.PASSWORD);
            WebClient member = JournalWebTest.member(site, "quoter");
            WebClient editor = JournalWebTest.client(site);
            JournalWebTest.login(editor, "editor1");

            long id = storyWith(member, EVERYTHING, QUOTE, EVERYTHING, EVERYTHING + "\n\n" + EVERYTHING);
            long other = storyWith(member, DROP, LIKE, UNICODE, "");
            long rejected = storyWith(member, "To reject " + LIKE, "", "intro", "");
            JournalWebTest.decide(editor, id, "accept", "");
            JournalWebTest.decide(editor, other, "accept", "");
            JournalWebTest.decide(editor, rejected, "reject", EVERYTHING);
            long comment = CommentsWebTest.commentOn(member, id, 0, "text", EVERYTHING);
            long markdown = CommentsWebTest.commentOn(member, id, comment, "markdown", QUOTE + " " + UNICODE);
            assertThat(editor.submit("/stories/" + other, "/stories/" + other + "/lock", "reason", EVERYTHING)
                            .statusCode())
                    .isEqualTo(303);

            JournalStore stories = new JournalStore(site.db, Clock.systemUTC());
            Story s = stories.story(id).orElseThrow();
            assertThat(s.title()).isEqualTo(EVERYTHING);
            assertThat(s.dept()).isEqualTo(QUOTE);
            assertThat(s.introSource()).isEqualTo(EVERYTHING);
            assertThat(s.bodySource()).isEqualTo(EVERYTHING + "\n\n" + EVERYTHING);
            Story o = stories.story(other).orElseThrow();
            assertThat(o.title()).isEqualTo(DROP);
            assertThat(o.dept()).isEqualTo(LIKE);
            assertThat(o.introSource()).isEqualTo(UNICODE);
            assertThat(stories.story(rejected).orElseThrow().rejectReason()).isEqualTo(EVERYTHING);
            CommentStore comments = new CommentStore(site.db, Clock.systemUTC());
            assertThat(comments.comment(comment).map(Comment::source)).contains(EVERYTHING);
            assertThat(comments.comment(markdown).map(Comment::source)).contains(QUOTE + " " + UNICODE);
            assertThat(stories.published(0, 10, java.time.Instant.now()))
                    .as("the stories table is still there, whole")
                    .hasSize(2);

            Document page = Jsoup.parse(site.fresh("/stories/" + id).body());
            assertThat(page.selectFirst("h2.story-title").text()).isEqualTo(EVERYTHING);
            assertThat(page.selectFirst(".dept").text()).isEqualTo("from the " + QUOTE + " dept.");
            assertThat(page.selectFirst(".story-intro").text()).isEqualTo(EVERYTHING);
            assertThat(page.selectFirst(".story-body").text()).isEqualTo(EVERYTHING + " " + EVERYTHING);
            assertThat(page.selectFirst("#comment-" + comment + " .comment-text")
                            .text())
                    .isEqualTo(EVERYTHING);
            assertThat(page.selectFirst("#comment-" + markdown + " .comment-text")
                            .text())
                    .isEqualTo(QUOTE + " " + UNICODE);
            assertThat(page.title()).startsWith(EVERYTHING);
            Document journal = Jsoup.parse(site.fresh("/journal").body());
            assertThat(journal.select("h2.story-title").eachText()).contains(EVERYTHING, DROP);
            assertThat(Jsoup.parse(member.get("/account").body())
                            .select(".reject-reason")
                            .text())
                    .isEqualTo(EVERYTHING);
            assertThat(Jsoup.parse(site.get("/moderation").body())
                            .select("table.moderation-log td")
                            .eachText())
                    .contains(EVERYTHING);
            String atom = site.get("/journal/atom.xml").body();
            assertThat(Jsoup.parse(atom, "", org.jsoup.parser.Parser.xmlParser())
                            .select("entry > title")
                            .eachText())
                    .contains(EVERYTHING, DROP);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void usernamesWithSqlSignsAreRefusedOrKeptLiterally(String kind) {
        try (PlanetSite site = new PlanetSite(kind, Map.of("journal.registration", "open"))) {
            for (String name : List.of(QUOTE, DROP, "a%b", "x\\y", "Ünïcödé")) {
                WebClient c = JournalWebTest.client(site);
                HttpResponse<String> r = c.submit(
                        "/register",
                        "/register",
                        "username",
                        name,
                        "password",
                        JournalWebTest.PASSWORD,
                        "password2",
                        JournalWebTest.PASSWORD);
                assertThat(r.statusCode()).as(name).isEqualTo(400);
                assertThat(r.body()).as(name).contains("which is not allowed");
                HttpResponse<String> login =
                        c.submit("/login", "/login", "username", name, "password", JournalWebTest.PASSWORD);
                assertThat(login.statusCode()).as(name).isEqualTo(400);
            }
            WebClient under = JournalWebTest.client(site);
            assertThat(under.submit(
                                    "/register",
                                    "/register",
                                    "username",
                                    "x_y",
                                    "password",
                                    JournalWebTest.PASSWORD,
                                    "password2",
                                    JournalWebTest.PASSWORD)
                            .statusCode())
                    .isEqualTo(303);
            HttpResponse<String> wildcard =
                    under.submit("/login", "/login", "username", "xay", "password", JournalWebTest.PASSWORD);
            assertThat(wildcard.statusCode()).as("_ is no wildcard").isEqualTo(400);
            assertThat(wildcard.body()).contains("the username or password is not right");
            JournalWebTest.login(under, "x_y");
            assertThat(under.get("/account").body()).contains("<strong>x_y</strong>");
            assertThat(Accounts.of(site.db, site.config, Clock.systemUTC())
                            .store()
                            .users())
                    .hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void identifiersThatAreNotNumbersGetA400Or404InWords(String kind) {
        try (PlanetSite site = new PlanetSite(kind, Map.of("journal.registration", "open"))) {
            Accounts.of(site.db, site.config, Clock.systemUTC()).createAdmin("editor1", JournalWebTest.PASSWORD);
            WebClient member = JournalWebTest.member(site, "prober");
            long story = JournalWebTest.submit(member, "A story", "text", "intro", "");
            WebClient editor = JournalWebTest.client(site);
            JournalWebTest.login(editor, "editor1");
            JournalWebTest.decide(editor, story, "accept", "");
            long comment = CommentsWebTest.commentOn(member, story, 0, "text", "a comment");

            List<String> paths = List.of(
                    "/stories/1'",
                    "/stories/1%27%20OR%201=1--",
                    "/stories/-1",
                    "/stories/99999999999999999999",
                    "/stories/1;DROP%20TABLE%20stories",
                    "/stories/%25",
                    "/stories/_",
                    "/stories/%5C",
                    "/stories/1'/comments.atom",
                    "/stories/" + story + "%27",
                    "/entries/1'",
                    "/entries/%25",
                    "/feeds/1'",
                    "/feeds/1'/atom.xml",
                    "/feeds/_/rss.xml",
                    "/category/x'%20OR%201=1--",
                    "/category/%25",
                    "/category/_",
                    "/category/%5C/rss.xml",
                    "/category/freebsd?page=1'%20OR%201=1",
                    "/?page=1'",
                    "/?page=%25",
                    "/?page=-1",
                    "/?page=99999999999999999999",
                    "/?page=_",
                    "/archive/2024'/01",
                    "/archive/2024/01/01'",
                    "/archive/%25/_",
                    "/episodes/1'",
                    "/show/1'/chapters.json",
                    "/journal?page=1'%20OR%201=1");
            for (String path : paths) {
                HttpResponse<String> r = site.get(path);
                assertThat(r.statusCode()).as(path).isIn(200, 400, 404);
                if (r.statusCode() != 200) {
                    assertThat(Jsoup.parse(r.body()).select("main").text())
                            .as(path)
                            .isNotBlank();
                }
            }
            assertThat(site.get("/stories/%00").statusCode())
                    .as("a NUL in the path, refused by Jetty itself")
                    .isEqualTo(400);
            String page = "/stories/" + story;
            String memberForm = WebClient.csrf(editor.get(page).body(), page + "/comments");
            String moderatorForm = WebClient.csrf(editor.get(page).body(), "/comments/" + comment + "/hide");
            for (String action : List.of(
                    "/comments/1'/delete",
                    "/comments/%25/edit",
                    "/stories/1'/comments",
                    "/comments/_/hide",
                    "/comments/1%27%20OR%201=1/ban",
                    "/stories/%25/lock")) {
                boolean moderation = action.endsWith("hide") || action.endsWith("ban") || action.endsWith("lock");
                HttpResponse<String> r = editor.post(
                        action,
                        "csrf",
                        moderation ? moderatorForm : memberForm,
                        "reason",
                        "x",
                        "text",
                        "x",
                        "format",
                        "text");
                assertThat(r.statusCode()).as(action).isEqualTo(404);
            }
            JournalWebTest.submit(member, "Waiting, so the queue has its form", "text", "intro", "");
            HttpResponse<String> queue =
                    editor.submit("/editor/queue", "/editor/queue", "story", "1' OR 1=1", "decision", "accept");
            assertThat(queue.statusCode()).isEqualTo(400);
            HttpResponse<String> reply = member.submit(
                    page,
                    page + "/comments",
                    "parent",
                    "1' OR 1=1 --",
                    "format",
                    "text",
                    "text",
                    "a reply to a made-up comment");
            assertThat(reply.statusCode())
                    .as("a parent that is not a number is refused")
                    .isEqualTo(400);
            assertThat(reply.body()).contains("which comment");
            assertThat(new CommentStore(site.db, Clock.systemUTC()).byStory(story))
                    .hasSize(1);
        }
    }

    private static long storyWith(WebClient c, String title, String dept, String intro, String body) {
        HttpResponse<String> r = c.submit(
                "/submit", "/submit", "action", "submit", "title", title, "dept", dept, "format", "text", "intro",
                intro, "body", body, "topic", "FreeBSD");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().replace("/stories/", ""));
    }
}
