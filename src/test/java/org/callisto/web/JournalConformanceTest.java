package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.callisto.account.Accounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every page of the journal and its account forms, anonymous and logged in, with refusals and problem reports,
 * passes the Nu Html Checker with no error (as {@link PagesConformanceTest} does for the planet).
 */
class JournalConformanceTest {
    private static PlanetSite site;
    private static NuChecker checker;

    @BeforeAll
    static void start() {
        site = new PlanetSite("sqlite", Map.of("journal.registration", "open"));
        Accounts accounts = Accounts.of(site.db, site.config, Clock.systemUTC());
        accounts.createAdmin("editor1", JournalWebTest.PASSWORD);
        accounts.register("member1", JournalWebTest.PASSWORD, null, "10.2.0.1");
        accounts.register("guessed1", JournalWebTest.PASSWORD, null, "10.2.0.2");
        checker = new NuChecker();
    }

    @AfterAll
    static void stop() throws Exception {
        if (checker != null) {
            checker.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void everyJournalPageHasNoConformanceError() {
        Map<String, HttpResponse<String>> pages = new LinkedHashMap<>();
        WebClient anonymous = new WebClient(site.uri("/"));
        pages.put("login", anonymous.get("/login"));
        pages.put("login refused", anonymous.submit("/login", "/login", "username", "member1", "password", "no"));
        pages.put("register", anonymous.get("/register"));
        pages.put("register refused", anonymous.submit("/register", "/register", "username", "x", "password", ""));
        pages.put("logout, anonymous", anonymous.get("/logout"));
        pages.put("journal, empty", anonymous.get("/journal"));
        pages.put("403", anonymous.post("/login", "username", "x"));

        WebClient member = new WebClient(site.uri("/"));
        JournalWebTest.login(member, "member1");
        pages.put("submit", member.get("/submit"));
        pages.put(
                "submit with problems",
                member.submit(
                        "/submit",
                        "/submit",
                        "action",
                        "submit",
                        "title",
                        "T",
                        "format",
                        "html",
                        "intro",
                        "<p>a <b>b</p>",
                        "body",
                        "<p>x</p>\n<p>y < z &bogus; <i>q",
                        "topic",
                        "FreeBSD"));
        pages.put("submit refused", member.submit("/submit", "/submit", "action", "submit"));
        pages.put(
                "preview",
                member.submit(
                        "/submit",
                        "/submit",
                        "action",
                        "preview",
                        "title",
                        "T",
                        "format",
                        "markdown",
                        "intro",
                        "# Heading\n\nSome *text* and [a link](https://example.org/).",
                        "body",
                        "More."));
        long published = JournalWebTest.submit(
                member,
                "Published <story>",
                "html",
                "<p>Intro with <a href=\"https://example.org/\">a link</a>.</p>",
                "<h3>More</h3><p>Body.</p>",
                "source",
                "https://example.org/story");
        long rejected = JournalWebTest.submit(member, "Rejected story", "text", "plain\n\ntext", "");
        long pending = JournalWebTest.submit(
                member, "Pending story", "text", "waiting", "more", "source", "https://example.org/story");
        pages.put("story, pending", member.get("/stories/" + pending));

        WebClient editor = new WebClient(site.uri("/"));
        JournalWebTest.login(editor, "editor1");
        pages.put("editor queue", editor.get("/editor/queue"));
        JournalWebTest.decide(editor, published, "accept", "");
        JournalWebTest.decide(editor, rejected, "reject", "Not news <really>");
        pages.put(
                "editor queue refused",
                editor.submit(
                        "/editor/queue",
                        "/editor/queue",
                        "story",
                        Long.toString(pending),
                        "decision",
                        "reject",
                        "reason",
                        ""));
        pages.put("account", member.get("/account"));
        pages.put("story, rejected", member.get("/stories/" + rejected));
        pages.put("journal", anonymous.get("/journal"));
        pages.put("journal, logged in", member.get("/journal"));
        pages.put("story", anonymous.get("/stories/" + published));
        pages.put("river, logged in", editor.get("/"));
        pages.put("logout, logged in", member.get("/logout"));
        pages.put("story 404", anonymous.get("/stories/99999"));
        WebClient guesser = new WebClient(site.uri("/"));
        HttpResponse<String> limited = null;
        for (int i = 0; i < 6; i++) {
            // a name of its own: the lockout it causes must not lock out editor1, whom other tests log in as
            limited = guesser.submit("/login", "/login", "username", "guessed1", "password", "guess " + i);
        }
        assertThat(limited.statusCode()).isEqualTo(429);
        pages.put("login, rate limited", limited);

        pages.forEach((name, r) -> {
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            NuChecker.Report report = checker.checkHtml(body, site.uri("/").toString());
            report.warnings().forEach(w -> System.out.println("nu checker warning, " + name + ":" + w));
            assertThat(report.errors())
                    .as("Nu Html Checker errors in %s (status %d)\n%s", name, r.statusCode(), numbered(r.body()))
                    .isEmpty();
        });
    }

    @Test
    void commentPagesHaveNoConformanceError() {
        Accounts accounts = Accounts.of(site.db, site.config, Clock.systemUTC());
        accounts.register("member2", JournalWebTest.PASSWORD, null, "10.2.0.2");
        accounts.createAdmin("editor2", JournalWebTest.PASSWORD);
        Map<String, HttpResponse<String>> pages = new LinkedHashMap<>();
        WebClient anonymous = new WebClient(site.uri("/"));
        pages.put("moderation log, empty", anonymous.get("/moderation"));
        WebClient member = new WebClient(site.uri("/"));
        JournalWebTest.login(member, "member2");
        WebClient editor = new WebClient(site.uri("/"));
        JournalWebTest.login(editor, "editor2");
        long story = JournalWebTest.submit(member, "Discussed <story>", "text", "Intro", "");
        JournalWebTest.decide(editor, story, "accept", "");
        String page = "/stories/" + story;
        pages.put("story, no comments", member.get(page));
        long top = CommentsWebTest.commentOn(member, story, 0, "markdown", "# Heading\n\nA *comment* <b>x</b>");
        long reply = CommentsWebTest.commentOn(
                member, story, top, "html", "<p>A <a href=\"https://example.org/\">" + "reply</a></p>");
        CommentsWebTest.commentOn(member, story, reply, "text", "deeper\n\nstill");
        pages.put(
                "story with problems in a comment",
                member.submit(
                        page, page + "/comments", "format", "html", "text", "<p>a <b>b</p>\n<p>y < z &bogus; <i>q"));
        pages.put(
                "story, edit with problems",
                member.submit(page, "/comments/" + reply + "/edit", "format", "html", "text", "<p>a <b>b</p>"));
        pages.put("story, comment refused", member.submit(page, page + "/comments", "format", "text", "text", ""));
        pages.put("story with comments, author", member.get(page));
        pages.put("story with comments, anonymous", anonymous.get(page));
        editor.submit(page, "/comments/" + reply + "/hide", "reason", "Off <topic>");
        member.submit(page, "/comments/" + top + "/delete");
        pages.put("story with comments, editor", editor.get(page));
        editor.submit(page, page + "/lock", "reason", "Enough");
        pages.put("story, locked", member.get(page));
        pages.put("story, locked, editor", editor.get(page));
        pages.put("moderation log", anonymous.get("/moderation"));
        pages.put("journal with comment counts", anonymous.get("/journal"));
        check(pages);
        assertThat(site.get(page + "/comments.atom").body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"");
    }

    @Test
    void adminAndPasswordPagesHaveNoConformanceError() {
        Accounts accounts = Accounts.of(site.db, site.config, Clock.systemUTC());
        accounts.createAdmin("admin3", JournalWebTest.PASSWORD);
        accounts.register("member3", JournalWebTest.PASSWORD, null, "10.2.0.3");
        accounts.register("member4", JournalWebTest.PASSWORD, null, "10.2.0.4");
        Map<String, HttpResponse<String>> pages = new LinkedHashMap<>();
        WebClient member = new WebClient(site.uri("/"));
        JournalWebTest.login(member, "member3");
        pages.put("password", member.get("/account/password"));
        pages.put(
                "password refused",
                member.submit(
                        "/account/password",
                        "/account/password",
                        "current",
                        "x",
                        "password",
                        "one new password",
                        "password2",
                        "another one"));
        pages.put("admin, member refused", member.get("/admin"));
        WebClient admin = new WebClient(site.uri("/"));
        JournalWebTest.login(admin, "admin3");
        pages.put("admin", admin.get("/admin"));
        pages.put("admin subscriptions", admin.get("/admin/subscriptions"));
        pages.put(
                "admin subscriptions refused",
                admin.submit(
                        "/admin/subscriptions",
                        "/admin/subscriptions",
                        "url",
                        "ftp://x.example/<feed>",
                        "name",
                        "N",
                        "categories",
                        "a, b"));
        admin.submit(
                "/admin/subscriptions",
                "/admin/subscriptions",
                "url",
                "https://new.example/feed",
                "name",
                "New <feed>",
                "categories",
                "Fresh");
        long added = site.subscriptions
                .feedByUrl("https://new.example/feed")
                .orElseThrow()
                .id();
        pages.put("admin subscriptions, added", admin.get("/admin/subscriptions?added=" + added));
        pages.put("admin accounts", admin.get("/admin/accounts"));
        long member4 = accounts.store().userByName("member4").orElseThrow().id();
        admin.submit("/admin/accounts", "/admin/accounts/" + member4 + "/ban", "reason", "Testing <bans>");
        pages.put("admin accounts, banned", admin.get("/admin/accounts?changed=" + member4));
        pages.put(
                "admin accounts refused",
                admin.submit("/admin/accounts", "/admin/accounts/" + member4 + "/unban", "reason", ""));
        pages.put("moderation log with bans", admin.get("/moderation"));
        check(pages);
    }

    @Test
    void socialPagesPassTheNuChecker() {
        Accounts.of(site.db, site.config, Clock.systemUTC())
                .register("social1", JournalWebTest.PASSWORD, null, "10.2.0.77");
        WebClient member = new WebClient(site.uri("/"));
        JournalWebTest.login(member, "social1");
        WebClient editor = new WebClient(site.uri("/"));
        JournalWebTest.login(editor, "editor1");
        long story = JournalWebTest.submit(editor, "Social <story>", "text", "intro", "", "tags", "social-pages");
        JournalWebTest.decide(editor, story, "accept", "");
        long pending = JournalWebTest.submit(member, "Pending", "text", "intro", "");
        long comment = CommentsWebTest.commentOn(
                member, story, 0, "markdown", "| a | b |\n|---|---|\n| ~~x~~ | https://example.org |\n\n@editor1");
        member.submit("/stories/" + story, "/stories/" + story + "/vote", "back", "/stories/" + story);
        member.submit("/stories/" + story, "/stories/" + story + "/flag", "reason", "spam", "back", "/journal");
        editor.submit("/users/social1", "/users/social1/notes", "note", "a <note>");
        Map<String, HttpResponse<String>> pages = new java.util.LinkedHashMap<>();
        pages.put("story with votes, member", member.get("/stories/" + story));
        pages.put("story with votes, editor", editor.get("/stories/" + story + "?reply=" + comment));
        pages.put("journal hot, member", member.get("/journal?order=hot"));
        pages.put("notifications", editor.get("/notifications"));
        pages.put("hidden tags", member.get("/account/tags"));
        pages.put("hidden tags refused", member.submit("/account/tags", "/account/tags", "tags", "<bad>"));
        pages.put("profile, editor", editor.get("/users/social1"));
        pages.put("profile, anonymous", site.get("/users/editor1"));
        pages.put("tag", site.get("/tags/social-pages"));
        pages.put("flags", editor.get("/editor/flags"));
        pages.put("own edit form", member.get("/stories/" + pending + "/edit"));
        check(pages);
    }

    private static void check(Map<String, HttpResponse<String>> pages) {
        pages.forEach((name, r) -> {
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            NuChecker.Report report = checker.checkHtml(body, site.uri("/").toString());
            report.warnings().forEach(w -> System.out.println("nu checker warning, " + name + ":" + w));
            assertThat(report.errors())
                    .as("Nu Html Checker errors in %s (status %d)\n%s", name, r.statusCode(), numbered(r.body()))
                    .isEmpty();
        });
    }

    @Test
    void theJournalFeedIsAtom() {
        HttpResponse<String> r = site.get("/journal/atom.xml");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/atom+xml"));
        assertThat(r.body())
                .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"")
                .contains("http://planet.test/journal/atom.xml");
        assertThat(site.get("/journal/rss.xml").body()).contains("<rss");
    }

    private static String numbered(String source) {
        StringBuilder out = new StringBuilder();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.append(String.format("%4d  %s%n", i + 1, lines[i]));
        }
        return out.toString();
    }
}
