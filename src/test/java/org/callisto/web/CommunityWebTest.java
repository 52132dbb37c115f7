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
 * The journal's social side through real HTTP with cookies, on SQLite and PostgreSQL: votes and flags through their
 * forms and back, the hot order, notifications with the header's count, profiles with moderators' notes, tags with
 * their page and feed, hidden tags, members editing their pending stories, unhiding; CSRF refusals, no acting as
 * another member (IDOR), and stored markup in tags, flag reasons and notes shown as text.
 */
class CommunityWebTest {
    private static final Map<String, PlanetSite> SITES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Pattern NOTIFICATION = Pattern.compile("name=\"id\" value=\"([0-9]+)\"");

    static PlanetSite site(String kind) {
        return SITES.computeIfAbsent(kind, k -> {
            PlanetSite site = new PlanetSite(k, Map.of("journal.registration", "open", "journal.flag_threshold", "2"));
            Accounts.of(site.db, site.config, Clock.systemUTC()).createAdmin("editor1", JournalWebTest.PASSWORD);
            return site;
        });
    }

    @AfterAll
    static void stop() {
        SITES.values().forEach(PlanetSite::close);
        SITES.clear();
    }

    private static WebClient member(PlanetSite site, String name) {
        return CommentsWebTest.member(site, name);
    }

    private static WebClient editor(PlanetSite site) {
        WebClient c = new WebClient(site.uri("/"));
        JournalWebTest.login(c, "editor1");
        return c;
    }

    private static long publish(PlanetSite site, WebClient author, String title, String... more) {
        long id = JournalWebTest.submit(author, title, "text", "An intro", "", more);
        JournalWebTest.decide(editor(site), id, "accept", "");
        return id;
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void votesAndFlagsWorkWithoutScriptAndOnlyAsOneself(String kind) {
        PlanetSite site = site(kind);
        WebClient amy = member(site, "amy-" + kind);
        WebClient bo = member(site, "bo-" + kind);
        WebClient cy = member(site, "cy-" + kind);
        long story = publish(site, amy, "Vote on me " + kind);
        String page = "/stories/" + story;

        assertThat(amy.get(page).body()).as("no vote form on one's own story").doesNotContain(page + "/vote");
        HttpResponse<String> voted = bo.submit(page, page + "/vote", "back", page);
        assertThat(voted.statusCode()).isEqualTo(303);
        assertThat(voted.headers().firstValue("Location")).hasValue(page);
        assertThat(site.fresh(page).body()).contains("1 point");
        assertThat(bo.get(page).body()).contains("aria-pressed=\"true\"").contains(">Unvote<");
        assertThat(bo.submit(page, page + "/vote", "back", "https://evil.example/")
                        .headers()
                        .firstValue("Location"))
                .as("back goes only to this site's pages")
                .hasValue("/journal");
        assertThat(site.fresh(page).body()).contains("0 points");

        assertThat(cy.post(page + "/vote", "back", page).statusCode())
                .as("no token")
                .isEqualTo(403);
        String bosToken = WebClient.csrf(bo.get(page).body(), page + "/vote");
        assertThat(cy.post(page + "/vote", "csrf", bosToken, "back", page).statusCode())
                .as("another member's token does not vote as them")
                .isEqualTo(403);
        assertThat(new WebClient(site.uri("/")).post(page + "/vote").statusCode())
                .isEqualTo(403);
        assertThat(site.fresh(page).body()).contains("0 points");
        long bosStory = publish(site, bo, "Bo's story " + kind);
        String amysToken = WebClient.csrf(amy.get("/stories/" + bosStory).body(), "/stories/" + bosStory + "/vote");
        HttpResponse<String> own = amy.post(page + "/vote", "csrf", amysToken, "back", page);
        assertThat(own.statusCode()).isEqualTo(400);
        assertThat(own.body()).contains("You cannot vote for your own story.");

        HttpResponse<String> badReason =
                bo.submit(page, page + "/flag", "reason", "<img src=x onerror=alert(1)>", "back", page);
        assertThat(badReason.statusCode()).isEqualTo(400);
        assertThat(badReason.body())
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img src=x");
        assertThat(bo.submit(page, page + "/flag", "reason", "spam", "back", page)
                        .statusCode())
                .isEqualTo(303);
        assertThat(bo.get(page).body()).contains("You flagged this.");
        assertThat(editor(site).get("/editor/flags").body()).doesNotContain("story " + story + "<");
        assertThat(cy.submit(page, page + "/flag", "reason", "off-topic", "back", page)
                        .statusCode())
                .isEqualTo(303);
        String flags = editor(site).get("/editor/flags").body();
        assertThat(flags)
                .contains("href=\"/stories/" + story + "\">story " + story + "</a>")
                .contains("Spam");
        assertThat(bo.get("/editor/flags").statusCode()).isEqualTo(403);
        assertThat(new WebClient(site.uri("/")).get("/editor/flags").statusCode())
                .isEqualTo(303);
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void commentsAreOrderedByWilsonScoreAndHotOrderFollowsVotes(String kind) {
        PlanetSite site = site(kind);
        WebClient dee = member(site, "dee-" + kind);
        WebClient eli = member(site, "eli-" + kind);
        WebClient fay = member(site, "fay-" + kind);
        long older = publish(site, dee, "Older but voted " + kind);
        long newer = publish(site, dee, "Newer " + kind);
        String page = "/stories/" + older;
        long first = CommentsWebTest.commentOn(eli, older, 0, "markdown", "first comment");
        long second = CommentsWebTest.commentOn(fay, older, 0, "markdown", "second comment");
        String body = site.fresh(page).body();
        assertThat(body.indexOf("id=\"comment-" + first + "\"")).isLessThan(body.indexOf("id=\"comment-" + second));
        assertThat(dee.submit(page, "/comments/" + second + "/vote", "back", page + "#comment-" + second)
                        .headers()
                        .firstValue("Location"))
                .hasValue(page + "#comment-" + second);
        body = site.fresh(page).body();
        assertThat(body.indexOf("id=\"comment-" + second + "\""))
                .as("the voted comment first")
                .isLessThan(body.indexOf("id=\"comment-" + first + "\""));

        for (WebClient v : new WebClient[] {eli, fay}) {
            assertThat(v.submit(page, page + "/vote", "back", "/journal?order=hot")
                            .headers()
                            .firstValue("Location"))
                    .hasValue("/journal?order=hot");
        }
        String hot = site.fresh("/journal?order=hot").body();
        assertThat(hot.indexOf("Older but voted " + kind)).isLessThan(hot.indexOf("Newer " + kind));
        assertThat(hot).contains("<strong>Hot</strong>");
        String newest = site.fresh("/journal").body();
        assertThat(newest.indexOf("Newer " + kind)).isLessThan(newest.indexOf("Older but voted " + kind));
        assertThat(newer).isPositive();
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void notificationsShowTheirCountAndOnlyTheirOwnerMarksThem(String kind) {
        PlanetSite site = site(kind);
        WebClient gus = member(site, "gus-" + kind);
        WebClient hal = member(site, "hal-" + kind);
        publish(site, hal, "Hal's own " + kind); // so that hal has a notification form and its token
        long story = publish(site, gus, "Notify me " + kind);
        assertThat(gus.get("/journal").body()).contains("(1 unread)");
        CommentsWebTest.commentOn(hal, story, 0, "markdown", "Hello @gus-" + kind);
        assertThat(gus.get("/journal").body()).contains("(2 unread)");
        String list = gus.get("/notifications").body();
        assertThat(list).contains("hal-" + kind + " replied on").contains("was accepted");
        Matcher m = NOTIFICATION.matcher(list);
        assertThat(m.find()).isTrue();
        String id = m.group(1);

        assertThat(hal.get("/notifications").body()).doesNotContain("Notify me");
        HttpResponse<String> other = hal.submit("/notifications", "/notifications", "id", id);
        assertThat(other.statusCode()).as("marking another's notification").isEqualTo(400);
        assertThat(other.body()).contains("no unread notification number " + id);
        assertThat(gus.get("/journal").body()).contains("(2 unread)");
        assertThat(gus.post("/notifications", "id", id).statusCode()).isEqualTo(403);

        assertThat(gus.submit("/notifications", "/notifications", "id", id).statusCode())
                .isEqualTo(303);
        assertThat(gus.get("/journal").body()).contains("(1 unread)");
        assertThat(gus.submit("/notifications", "/notifications", "mark", "all").statusCode())
                .isEqualTo(303);
        assertThat(gus.get("/journal").body()).doesNotContain("unread)");
        assertThat(new WebClient(site.uri("/")).get("/notifications").statusCode())
                .isEqualTo(303);
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void tagsHaveAPageAndAFeedMembersHideThemAndMarkupInThemIsRefused(String kind) {
        PlanetSite site = site(kind);
        WebClient ivy = member(site, "ivy-" + kind);
        long story = publish(site, ivy, "Tagged " + kind, "tags", "zig-" + kind + " compilers");
        HttpResponse<String> tagPage = site.fresh("/tags/zig-" + kind);
        assertThat(tagPage.statusCode()).isEqualTo(200);
        assertThat(tagPage.body()).contains("Tagged " + kind);
        HttpResponse<String> feed = site.fresh("/tags/zig-" + kind + "/atom.xml");
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        assertThat(feed.body()).contains("<title>Tagged " + kind + "</title>");
        assertThat(site.fresh("/tags/%3Cscript%3E").statusCode()).isEqualTo(404);
        assertThat(site.fresh("/tags/%3Cscript%3E").body()).doesNotContain("<script>");

        HttpResponse<String> xss = ivy.submit(
                "/submit",
                "/submit",
                "action",
                "submit",
                "title",
                "x",
                "format",
                "text",
                "intro",
                "x",
                "tags",
                "<script>alert(1)</script>");
        assertThat(xss.statusCode()).isEqualTo(400);
        assertThat(xss.body()).contains("the tag '&lt;script&gt;alert(1)&lt;/script&gt;' is not allowed");
        assertThat(xss.body()).doesNotContain("<script>alert(1)");

        WebClient jo = member(site, "jo-" + kind);
        assertThat(jo.get("/journal").body()).contains("Tagged " + kind);
        assertThat(jo.submit("/account/tags", "/account/tags", "tags", "zig-" + kind)
                        .statusCode())
                .isEqualTo(303);
        assertThat(jo.get("/journal").body()).doesNotContain("Tagged " + kind).contains("are hidden for you");
        HttpResponse<String> badHide = jo.submit("/account/tags", "/account/tags", "tags", "\"><b>x");
        assertThat(badHide.statusCode()).isEqualTo(400);
        assertThat(badHide.body()).doesNotContain("\"><b>x").contains("the tag '\"&gt;&lt;b&gt;x' is not allowed");

        WebClient editor = editor(site);
        assertThat(editor.submit("/stories/" + story, "/stories/" + story + "/tags", "tags", "compilers")
                        .statusCode())
                .isEqualTo(303);
        assertThat(site.fresh("/tags/zig-" + kind).body()).doesNotContain("Tagged " + kind);
        assertThat(site.fresh("/moderation").body())
                .contains("changed the tags of")
                .contains("tags: compilers");
        assertThat(ivy.post("/stories/" + story + "/tags", "csrf", "x", "tags", "a")
                        .statusCode())
                .isEqualTo(403);
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void profilesShowKarmaAndModeratorsNotesAsText(String kind) {
        PlanetSite site = site(kind);
        WebClient kim = member(site, "kim-" + kind);
        WebClient lee = member(site, "lee-" + kind);
        long story = publish(site, kim, "Kim's story " + kind);
        lee.submit("/stories/" + story, "/stories/" + story + "/vote", "back", "/stories/" + story);
        long comment = CommentsWebTest.commentOn(kim, story, 0, "markdown", "| a | b |\n|---|---|\n| ~~1~~ | 2 |");
        HttpResponse<String> profile = site.fresh("/users/kim-" + kind);
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.body())
                .contains("<dt>Karma</dt><dd>1</dd>")
                .contains("Kim's story " + kind)
                .contains("<table>")
                .contains("<del>1</del>")
                .contains("#comment-" + comment)
                .doesNotContain("Moderators' notes");
        assertThat(site.fresh("/users/nobody-" + kind).statusCode()).isEqualTo(404);

        WebClient editor = editor(site);
        String path = "/users/kim-" + kind;
        assertThat(editor.submit(path, path + "/notes", "note", "<script>alert('note')</script> watch")
                        .statusCode())
                .isEqualTo(303);
        String seen = editor.get(path).body();
        assertThat(seen)
                .contains("Moderators' notes")
                .contains("&lt;script&gt;alert('note')&lt;/script&gt; watch")
                .doesNotContain("<script>alert('note')");
        assertThat(lee.get(path).body()).doesNotContain("watch").doesNotContain(path + "/notes");
        assertThat(lee.post(path + "/notes", "csrf", "x", "note", "mine").statusCode())
                .isEqualTo(403);
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void membersEditTheirPendingStoryAndModeratorsUndoAHideInTheLog(String kind) {
        PlanetSite site = site(kind);
        WebClient max = member(site, "max-" + kind);
        WebClient ned = member(site, "ned-" + kind);
        long pending = JournalWebTest.submit(max, "Draft " + kind, "text", "intro", "");
        String edit = "/stories/" + pending + "/edit";
        assertThat(max.get("/stories/" + pending).body()).contains("href=\"" + edit + "\"");
        assertThat(ned.get(edit).statusCode()).isEqualTo(404);
        String nedToken = WebClient.csrf(ned.get("/submit").body(), "/submit");
        assertThat(ned.post(edit, "csrf", nedToken, "action", "submit", "title", "Taken over", "intro", "x")
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> saved = max.submit(
                edit, edit, "action", "submit", "title", "Better draft " + kind, "format", "text", "intro", "intro 2");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(max.get("/stories/" + pending).body()).contains("Better draft " + kind);

        long story = publish(site, max, "Hide and show " + kind);
        long comment = CommentsWebTest.commentOn(ned, story, 0, "markdown", "a comment to hide");
        WebClient editor = editor(site);
        String page = "/stories/" + story;
        assertThat(editor.submit(page, "/comments/" + comment + "/hide", "reason", "testing")
                        .statusCode())
                .isEqualTo(303);
        assertThat(site.fresh(page).body()).doesNotContain("a comment to hide");
        assertThat(ned.post("/comments/" + comment + "/unhide", "reason", "x").statusCode())
                .isEqualTo(403);
        assertThat(editor.submit(page, "/comments/" + comment + "/unhide", "reason", "fine after all")
                        .statusCode())
                .isEqualTo(303);
        assertThat(site.fresh(page).body()).contains("a comment to hide");
        assertThat(site.fresh("/moderation").body()).contains("showed again").contains("fine after all");
    }
}
