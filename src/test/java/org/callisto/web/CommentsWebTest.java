package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.callisto.account.Accounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * Comments through real HTTP with cookies: post, reply, edit, delete, hide, lock and ban through the forms with
 * their CSRF tokens; refusals without them; the public moderation log and a story's comment feed. Each test runs
 * on SQLite and on PostgreSQL.
 */
class CommentsWebTest {
    private static final Pattern COMMENT = Pattern.compile("^/stories/([0-9]+)#comment-([0-9]+)$");
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    /** One site per kind of database, made when a test first asks for it. */
    private static final Map<String, PlanetSite> SITES = new java.util.concurrent.ConcurrentHashMap<>();

    static PlanetSite site(String kind) {
        return SITES.computeIfAbsent(kind, k -> {
            PlanetSite site = new PlanetSite(k, Map.of("journal.registration", "open"));
            Accounts.of(site.db, site.config, Clock.systemUTC()).createAdmin("editor1", JournalWebTest.PASSWORD);
            return site;
        });
    }

    @AfterAll
    static void stop() {
        SITES.values().forEach(PlanetSite::close);
        SITES.clear();
    }

    static WebClient member(PlanetSite site, String name) {
        Accounts.of(site.db, site.config, Clock.systemUTC())
                .register(name, JournalWebTest.PASSWORD, null, "10.3.0." + ADDRESSES.incrementAndGet());
        WebClient c = new WebClient(site.uri("/"));
        JournalWebTest.login(c, name);
        return c;
    }

    static WebClient editor(PlanetSite site) {
        WebClient c = new WebClient(site.uri("/"));
        JournalWebTest.login(c, "editor1");
        return c;
    }

    /** A published story's number. */
    static long story(PlanetSite site, WebClient author, String title) {
        long id = JournalWebTest.submit(author, title, "text", "An intro", "");
        JournalWebTest.decide(editor(site), id, "accept", "");
        return id;
    }

    /** Posts a comment (a reply when parent is not 0) through the story page's form; returns its number. */
    static long commentOn(WebClient c, long story, long parent, String format, String text) {
        String page = "/stories/" + story;
        HttpResponse<String> r = parent == 0
                ? c.submit(page, page + "/comments", "format", format, "text", text)
                : c.submit(page, page + "/comments", "parent", Long.toString(parent), "format", format, "text", text);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        Matcher m = COMMENT.matcher(r.headers().firstValue("Location").orElseThrow());
        assertThat(m.matches()).isTrue();
        return Long.parseLong(m.group(2));
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void commentReplyHideAndTheLog(String kind) throws Exception {
        PlanetSite site = site(kind);
        WebClient alice = member(site, "alice");
        WebClient bob = member(site, "bob");
        long story = story(site, alice, "Comments here");
        long top = commentOn(alice, story, 0, "markdown", "First *comment* <script>alert(1)</script>");
        long reply = commentOn(bob, story, top, "text", "A reply from bob; DROP TABLE comments; --");

        HttpResponse<String> page = site.fresh("/stories/" + story);
        assertThat(page.body())
                .contains("id=\"comment-" + top + "\"")
                .contains("<em>comment</em>")
                .contains("A reply from bob; DROP TABLE comments; --")
                .doesNotContain("<script>alert")
                .contains("Comments (2)")
                .contains("Log in</a> to comment");
        int topAt = page.body().indexOf("id=\"comment-" + top + "\"");
        int replyAt = page.body().indexOf("id=\"comment-" + reply + "\"");
        assertThat(replyAt).isGreaterThan(topAt);
        assertThat(page.body().substring(topAt, replyAt)).contains("<ol class=\"comment-list\">");
        assertThat(site.fresh("/journal").body()).contains("2 comments");

        String asMember = alice.get("/stories/" + story).body();
        assertThat(asMember)
                .as("replies open on request, one form per page")
                .doesNotContain("name=\"parent\"")
                .contains("href=\"/stories/" + story + "?reply=" + top + "#reply-" + top + "\">Reply</a>")
                .contains("href=\"/stories/" + story + "?reply=" + reply + "#reply-" + reply + "\">Reply</a>");
        String replying = alice.get("/stories/" + story + "?reply=" + top).body();
        assertThat(replying.split("name=\"parent\"", -1)).hasSize(2);
        assertThat(replying)
                .contains("<input type=\"hidden\" name=\"parent\" value=\"" + top + "\">")
                .contains("id=\"reply-" + top + "\"");
        assertThat(alice.get("/stories/" + story + "?reply=x1").body()).doesNotContain("name=\"parent\"");

        HttpResponse<String> invalid = alice.submit(
                "/stories/" + story,
                "/stories/" + story + "/comments",
                "format",
                "html",
                "text",
                "<p>fine</p>\n<p>broken <b>bold</p>");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body())
                .contains("HTML has problems")
                .contains("<ol class=\"problems\"><li>2:")
                .doesNotContain("<b>bold");

        HttpResponse<String> noToken = bob.post("/stories/" + story + "/comments", "format", "text", "text", "x");
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(bob.post("/comments/" + top + "/hide", "reason", "x").statusCode())
                .isEqualTo(403);
        WebClient editor = editor(site);
        assertThat(editor.post("/comments/" + top + "/hide", "csrf", "A".repeat(43), "reason", "x")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> memberHides =
                bob.submit("/stories/" + story, "/stories/" + story + "/comments", "text", "warm-up");
        assertThat(memberHides.statusCode()).isEqualTo(303);
        assertThat(bob.get("/stories/" + story).body()).doesNotContain("/comments/" + top + "/hide");

        HttpResponse<String> hidden =
                editor.submit("/stories/" + story, "/comments/" + top + "/hide", "reason", "Spam <b>link</b>");
        assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(303);
        HttpResponse<String> after = site.fresh("/stories/" + story);
        assertThat(after.body())
                .contains(org.callisto.journal.Comment.HIDDEN.replace("[", "["))
                .doesNotContain("<em>comment</em>")
                .contains("id=\"comment-" + reply + "\"");
        assertThat(editor.get("/stories/" + story).body())
                .contains("<em>comment</em>")
                .contains("comment-hidden");
        long own = commentOn(editor, story, 0, "text", "an editor's own comment");
        assertThat(editor.get("/stories/" + story).body())
                .contains("/comments/" + top + "/ban")
                .doesNotContain("/comments/" + own + "/ban")
                .contains("/comments/" + own + "/hide");

        HttpResponse<String> log = site.fresh("/moderation");
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body())
                .contains("editor1")
                .contains("hid")
                .contains("href=\"/stories/" + story + "#comment-" + top + "\"")
                .contains("Spam &lt;b&gt;link&lt;/b&gt;");

        HttpResponse<String> feed = site.fresh("/stories/" + story + "/comments.atom");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry")
                        .getLength())
                .isEqualTo(4);
        assertThat(feed.body()).doesNotContain("<em>comment</em>").contains("hidden by a moderator");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void tooManyCommentsAreRefusedWith429(String kind) {
        PlanetSite site = site(kind);
        WebClient erin = member(site, "erin");
        long story = story(site, erin, "Chatty");
        for (int i = 0; i < 10; i++) {
            commentOn(erin, story, 0, "text", "comment " + i);
        }
        HttpResponse<String> r = erin.submit(
                "/stories/" + story, "/stories/" + story + "/comments", "format", "text", "text", "one too many");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(r.body()).contains("one too many");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void editDeleteLockAndBan(String kind) {
        PlanetSite site = site(kind);
        WebClient carol = member(site, "carol");
        WebClient dan = member(site, "dan");
        long story = story(site, carol, "Lock me");
        long first = commentOn(carol, story, 0, "text", "typo hree");
        long answer = commentOn(dan, story, first, "text", "an answer");
        HttpResponse<String> edited = carol.submit(
                "/stories/" + story, "/comments/" + first + "/edit", "format", "text", "text", "typo here");
        assertThat(edited.statusCode()).isEqualTo(303);
        assertThat(site.fresh("/stories/" + story).body()).contains("typo here").contains("edited");
        HttpResponse<String> badEdit = carol.submit(
                "/stories/" + story,
                "/comments/" + first + "/edit",
                "format",
                "html",
                "text",
                "<p>one</p>\n<p>two <i>edit-marker</p>");
        assertThat(badEdit.statusCode()).isEqualTo(400);
        assertThat(badEdit.body())
                .contains("was not changed")
                .contains("<ol class=\"problems\"><li>2:")
                .contains("&lt;i&gt;edit-marker")
                .doesNotContain("<i>edit-marker");
        assertThat(site.fresh("/stories/" + story).body()).contains("typo here");
        assertThat(dan.get("/stories/" + story).body()).doesNotContain("/comments/" + first + "/edit");

        HttpResponse<String> deleted = carol.submit("/stories/" + story, "/comments/" + first + "/delete");
        assertThat(deleted.statusCode()).isEqualTo(303);
        String body = site.fresh("/stories/" + story).body();
        assertThat(body)
                .contains("[deleted]")
                .doesNotContain("typo here")
                .contains("an answer")
                .contains("id=\"comment-" + answer + "\"");

        WebClient editor = editor(site);
        HttpResponse<String> noReason = editor.submit("/stories/" + story, "/stories/" + story + "/lock", "reason", "");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).containsIgnoringCase("give a reason");
        assertThat(editor.submit("/stories/" + story, "/stories/" + story + "/lock", "reason", "Heated")
                        .statusCode())
                .isEqualTo(303);
        assertThat(dan.get("/stories/" + story).body())
                .contains("locked by a moderator")
                .doesNotContain("Post comment");
        String token = WebClient.csrf(dan.get("/stories/" + story).body(), "/comments/" + answer + "/delete");
        HttpResponse<String> late =
                dan.post("/stories/" + story + "/comments", "csrf", token, "format", "text", "text", "after the lock");
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("locked");

        assertThat(editor.submit("/stories/" + story, "/comments/" + answer + "/ban", "reason", "Trolling")
                        .statusCode())
                .isEqualTo(303);
        assertThat(dan.get("/account").statusCode())
                .as("the banned account's session ended")
                .isEqualTo(303);
        assertThat(site.fresh("/moderation").body())
                .contains("banned")
                .contains("account dan")
                .contains("Trolling")
                .contains("locked the discussion of")
                .contains("Heated");
    }
}
