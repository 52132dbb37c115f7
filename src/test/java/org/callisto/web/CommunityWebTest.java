package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
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

    /** Every form id the site's POST handlers check, so an attacker's own token for each can be tried. */
    private static final List<String> FORM_IDS = List.of(
            "account",
            "admin-accounts",
            "admin-subscriptions",
            "comment",
            "moderate",
            "vote",
            "notifications",
            "hidden-tags",
            "member-note",
            "submit",
            "editor-queue",
            "editor-edit",
            "retag",
            "password",
            "feedback",
            "editor-feedback",
            "editor-episodes",
            "logout",
            "login",
            "register",
            "reset",
            "reset-password");
    /** The one POST route without a CSRF token, by design (RFC 8058: its signed path is the authority). */
    private static final String UNSUBSCRIBE = "/unsubscribe/{token}";
    /** What a refused POST may not change. */
    private static final List<String> TABLES = List.of(
            "users",
            "invitations",
            "mail_tokens",
            "votes",
            "flags",
            "notifications",
            "hidden_tags",
            "member_notes",
            "stories",
            "story_tags",
            "comments",
            "comment_locks",
            "moderation_log",
            "feeds",
            "feed_categories",
            "categories",
            "feedback",
            "episodes");

    /**
     * CSRF over the whole routing table: every POST route that {@code web/Routes} registers (read from its source,
     * so a new route is swept without being listed here) is posted by a logged-in administrator's browser, whose
     * role passes every check, with no token, with a made-up one, and with each token another member's own session
     * holds for every form of the site. Each answer is 403 saying nothing was done, and no row of the journal's,
     * the accounts' or the planet's tables changes. The only POST without a token, one-click unsubscribing, is
     * named, and a forged link of it changes nothing.
     */
    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void everyPostRouteRefusesAMissingMadeUpOrAnotherMembersTokenAndChangesNothing(String kind) throws Exception {
        PlanetSite site = site(kind);
        WebClient owner = member(site, "csrf-owner-" + kind);
        WebClient other = member(site, "csrf-other-" + kind);
        member(site, "csrf-attacker-" + kind);
        long story = publish(site, owner, "Swept by CSRF " + kind, "tags", "sweep");
        long pending = JournalWebTest.submit(owner, "Pending under CSRF " + kind, "text", "intro", "");
        long comment = CommentsWebTest.commentOn(other, story, 0, "markdown", "a comment to aim at");
        WebClient victim = editor(site);
        assertThat(victim.submit("/account", "/account/invitations", "email", "")
                        .statusCode())
                .isEqualTo(200);
        long userId = site.callisto
                .accounts()
                .store()
                .userByName("csrf-other-" + kind)
                .orElseThrow()
                .id();
        long victimId = site.callisto
                .accounts()
                .store()
                .userByName("editor1")
                .orElseThrow()
                .id();
        long invitation = site.callisto
                .accounts()
                .store()
                .invitationsBy(victimId)
                .getFirst()
                .id();
        org.callisto.account.Session attacker = site.callisto
                .accounts()
                .login("csrf-attacker-" + kind, JournalWebTest.PASSWORD, "10.77.0.1", null, null);
        List<String> tokens = new java.util.ArrayList<>();
        tokens.add("A".repeat(43));
        for (String form : FORM_IDS) {
            tokens.add(org.callisto.account.CsrfTokens.tokenFor(attacker, form));
        }

        List<String> routes = postRoutes();
        assertThat(routes).contains("/stories/{id}/vote", "/account/tags", "/notifications", "/account/invitations");
        String before = snapshot(site);
        List<String> accepted = new java.util.ArrayList<>();
        for (String route : routes) {
            if (route.startsWith("/websub/")) {
                continue; // machine endpoints without cookies or forms: hubs prove intent, pushes are signed
            }
            if (route.equals(UNSUBSCRIBE)) {
                continue;
            }
            String path = route.replace("{name}", "csrf-other-" + kind)
                    .replace("{token}", "not-a-token")
                    .replace("{number}", "1");
            if (path.startsWith("/account/invitations/")) {
                path = path.replace("{id}", Long.toString(invitation));
            } else if (path.startsWith("/admin/subscriptions/")) {
                path = path.replace("{id}", Long.toString(site.alice.id()));
            } else if (path.startsWith("/admin/accounts/")) {
                path = path.replace("{id}", Long.toString(userId));
            } else if (path.startsWith("/comments/")) {
                path = path.replace("{id}", Long.toString(comment));
            } else if (path.equals("/stories/{id}/edit")) {
                path = path.replace("{id}", Long.toString(pending));
            } else {
                path = path.replace("{id}", Long.toString(story));
            }
            String[] fields = {
                "reason",
                "spam",
                "tags",
                "gone",
                "note",
                "a planted note",
                "id",
                "1",
                "mark",
                "all",
                "email",
                "planted@example.org",
                "notify",
                "on",
                "back",
                "/journal",
                "story",
                Long.toString(pending),
                "decision",
                "accept",
                "role",
                "member",
                "title",
                "Planted",
                "intro",
                "x",
                "format",
                "text",
                "text",
                "planted",
                "url",
                "https://planted.example/feed.xml",
                "username",
                "planted",
                "password",
                JournalWebTest.PASSWORD,
                "password2",
                JournalWebTest.PASSWORD,
                "subject",
                "x",
                "message",
                "x"
            };
            HttpResponse<String> none = victim.post(path, fields);
            if (none.statusCode() != 403 || !none.body().contains("nothing was done")) {
                accepted.add(path + " without a token: " + none.statusCode());
            }
            for (String token : tokens) {
                String[] withToken = new String[fields.length + 2];
                withToken[0] = "csrf";
                withToken[1] = token;
                System.arraycopy(fields, 0, withToken, 2, fields.length);
                HttpResponse<String> r = victim.post(path, withToken);
                if (r.statusCode() != 403 || !r.body().contains("nothing was done")) {
                    accepted.add(path + " with token " + token + ": " + r.statusCode());
                }
            }
        }
        assertThat(accepted).as("POSTs not refused for their token").isEmpty();
        assertThat(snapshot(site)).as("nothing changed").isEqualTo(before);
        assertThat(victim.get("/account").statusCode()).as("still logged in").isEqualTo(200);

        assertThat(routes).contains(UNSUBSCRIBE);
        HttpResponse<String> forged = new WebClient(site.uri("/"))
                .post("/unsubscribe/" + victimId + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "x", "y");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(snapshot(site)).isEqualTo(before);
    }

    /**
     * No member reads or changes another's invitations, votes or notifications (IDOR): ids in paths, fields and
     * query strings name nothing but the session's own, and a refusal reads the same whether the thing exists.
     */
    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void oneMemberNeitherReadsNorChangesAnothersInvitationsVotesOrNotifications(String kind) {
        PlanetSite site = site(kind);
        WebClient pia = member(site, "pia-" + kind);
        WebClient quin = member(site, "quin-" + kind);
        WebClient rex = member(site, "rex-" + kind);
        publish(site, pia, "Pia's own " + kind); // so that pia has a notification, its form and its token
        long story = publish(site, rex, "IDOR target " + kind);
        String page = "/stories/" + story;

        // votes: each member's own; posting the form toggles only the poster's vote
        assertThat(pia.submit(page, page + "/vote", "back", page).statusCode()).isEqualTo(303);
        assertThat(quin.get(page).body())
                .as("quin does not see pia's vote as theirs")
                .contains(">Upvote<")
                .contains("1 point");
        assertThat(quin.submit(page, page + "/vote", "back", page).statusCode()).isEqualTo(303);
        assertThat(site.fresh(page).body())
                .as("quin added a vote, not took pia's")
                .contains("2 points");
        assertThat(quin.submit(page, page + "/vote", "back", page).statusCode()).isEqualTo(303);
        assertThat(site.fresh(page).body()).contains("1 point");
        assertThat(pia.get(page).body()).contains(">Unvote<");

        // notifications: rex has some; pia's page, with any query, lists only pia's
        CommentsWebTest.commentOn(quin, story, 0, "markdown", "hello rex");
        String rexList = rex.get("/notifications").body();
        Matcher m = NOTIFICATION.matcher(rexList);
        assertThat(m.find()).isTrue();
        String rexs = m.group(1);
        for (String q : new String[] {"", "?user=rex-" + kind, "?id=" + rexs, "?user_id=1"}) {
            assertThat(pia.get("/notifications" + q).body())
                    .as("/notifications" + q)
                    .doesNotContain("IDOR target")
                    .doesNotContain("name=\"id\" value=\"" + rexs + "\"");
        }
        HttpResponse<String> theirs = pia.submit("/notifications", "/notifications", "id", rexs);
        HttpResponse<String> nobodys = pia.submit("/notifications", "/notifications", "id", "987654321");
        assertThat(theirs.statusCode()).isEqualTo(400);
        assertThat(nobodys.statusCode()).isEqualTo(400);
        assertThat(withoutTokens(theirs.body()).replaceAll("\\b" + rexs + "\\b", "N"))
                .as("another's and a missing notification read alike")
                .isEqualTo(
                        withoutTokens(nobodys.body()).replace("987654321", "N").replaceAll("\\b" + rexs + "\\b", "N"));
        assertThat(pia.submit("/notifications", "/notifications", "mark", "all").statusCode())
                .isEqualTo(303);
        assertThat(rex.get("/journal").body())
                .as("pia's mark-all left rex's unread")
                .contains("(2 unread)");

        // invitations: an open invitation is listed, and revoked, by its issuer only
        HttpResponse<String> issued = rex.submit("/account", "/account/invitations", "email", "");
        assertThat(issued.statusCode()).isEqualTo(200);
        long rexId = site.callisto
                .accounts()
                .store()
                .userByName("rex-" + kind)
                .orElseThrow()
                .id();
        org.callisto.account.Invitation invitation =
                site.callisto.accounts().store().invitationsBy(rexId).getFirst();
        String link = issued.body().replaceFirst("(?s).*(register\\?invitation=[A-Za-z0-9_-]+).*", "$1");
        assertThat(link).startsWith("register?invitation=");
        String piaAccount = pia.get("/account").body();
        assertThat(piaAccount).doesNotContain("invitation-" + invitation.id()).doesNotContain(link);
        String token = WebClient.csrf(piaAccount, "/account/email");
        HttpResponse<String> revokeTheirs =
                pia.post("/account/invitations/" + invitation.id() + "/revoke", "csrf", token);
        HttpResponse<String> revokeNone = pia.post("/account/invitations/987654321/revoke", "csrf", token);
        assertThat(revokeTheirs.statusCode()).isEqualTo(400);
        assertThat(withoutTokens(revokeTheirs.body()).replaceAll("\\b" + invitation.id() + "\\b", "N"))
                .isEqualTo(withoutTokens(revokeNone.body())
                        .replace("987654321", "N")
                        .replaceAll("\\b" + invitation.id() + "\\b", "N"));
        assertThat(site.callisto
                        .accounts()
                        .store()
                        .invitationsBy(rexId)
                        .getFirst()
                        .revokedAt())
                .isEmpty();
        assertThat(pia.get("/admin/invitations").statusCode()).isEqualTo(403);
    }

    /** The POST routes of {@code web/Routes}, read from its source. */
    private static List<String> postRoutes() throws java.io.IOException {
        String source =
                java.nio.file.Files.readString(java.nio.file.Path.of("src/main/java/org/callisto/web/Routes.java"));
        Matcher m = Pattern.compile("r\\.post\\(\"([^\"]+)\"").matcher(source);
        List<String> routes = new java.util.ArrayList<>();
        while (m.find()) {
            routes.add(m.group(1));
        }
        return routes;
    }

    /** Every row of {@link #TABLES}, in a stable order, as text. */
    private static String snapshot(PlanetSite site) throws java.sql.SQLException {
        StringBuilder all = new StringBuilder();
        try (java.sql.Connection c = site.db.connection()) {
            for (String table : TABLES) {
                try (java.sql.Statement st = c.createStatement();
                        java.sql.ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    List<String> rows = new java.util.ArrayList<>();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                    java.util.Collections.sort(rows);
                    all.append(table).append(": ").append(rows).append('\n');
                }
            }
        }
        return all.toString();
    }

    /** A page without the per-browser tokens in it. */
    private static String withoutTokens(String html) {
        return html.replaceAll("name=\"csrf\" value=\"[^\"]+\"", "");
    }
}
