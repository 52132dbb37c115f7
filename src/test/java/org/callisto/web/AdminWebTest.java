package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.callisto.account.Accounts;
import org.callisto.account.Role;
import org.callisto.account.User;
import org.callisto.planet.SubscriptionUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The admin pages through real HTTP with cookies, on SQLite and PostgreSQL: who may see them, subscriptions added,
 * filed under other categories, disabled and enabled (and the planet's pages following), roles changed, the last
 * administrator kept, bans and lifted bans in the public moderation log, and hostile input refused or stored as
 * typed.
 */
class AdminWebTest {
    private static final String SUBS = "/admin/subscriptions";
    private static final String ACCOUNTS = "/admin/accounts";

    /**
     * Posts to {@code action} with the token of the page's forms (one token serves every form of an admin page),
     * for forms the page does not show, such as disabling a disabled feed.
     */
    private static HttpResponse<String> anyForm(WebClient c, String page, String action, String... fields) {
        String html = c.get(page).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(html.substring(html.indexOf("<main")));
        assertThat(m.find()).as("a form on " + page).isTrue();
        String[] all = new String[fields.length + 2];
        all[0] = "csrf";
        all[1] = m.group(1);
        System.arraycopy(fields, 0, all, 2, fields.length);
        return c.post(action, all);
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void onlyAdministratorsSeeTheAdminPages(String kind) {
        try (AdminTestSite t = new AdminTestSite(kind)) {
            t.account("mem1", Role.MEMBER);
            t.account("eddie", Role.EDITOR);
            WebClient anonymous = t.client();
            for (String page : new String[] {"/admin", SUBS, ACCOUNTS}) {
                HttpResponse<String> r = anonymous.get(page);
                assertThat(r.statusCode()).as(page).isEqualTo(303);
                assertThat(r.headers().firstValue("Location")).hasValue("/login?next=" + page);
            }
            HttpResponse<String> anonymousPost = anonymous.post(ACCOUNTS + "/1/ban", "reason", "x");
            assertThat(anonymousPost.statusCode()).isEqualTo(303);
            assertThat(anonymousPost.headers().firstValue("Location").orElseThrow())
                    .startsWith("/login?next=");

            for (String name : new String[] {"mem1", "eddie"}) {
                WebClient c = t.loggedIn(name);
                for (String page : new String[] {"/admin", SUBS, ACCOUNTS}) {
                    HttpResponse<String> r = c.get(page);
                    assertThat(r.statusCode()).as(name + " " + page).isEqualTo(403);
                    assertThat(r.body())
                            .contains("Only administrators can use the admin pages")
                            .contains("You are logged in as " + name);
                }
                assertThat(c.post(SUBS, "url", "https://x.example/feed").statusCode())
                        .isEqualTo(403);
                assertThat(c.post(ACCOUNTS + "/1/role", "role", "member", "reason", "coup")
                                .statusCode())
                        .isEqualTo(403);
                assertThat(c.get("/journal").body()).doesNotContain("href=\"/admin\"");
            }
            assertThat(t.accounts.store().userByName("root").orElseThrow().role())
                    .isEqualTo(Role.ADMIN);

            WebClient root = t.loggedIn("root");
            HttpResponse<String> index = root.get("/admin");
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body())
                    .contains("href=\"/admin/subscriptions\"")
                    .contains("href=\"/admin/accounts\"")
                    .contains("<li><a href=\"/admin\">Admin</a></li>");
            assertThat(index.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void subscriptionsAreAddedRefiledDisabledAndEnabled(String kind) throws Exception {
        try (AdminTestSite t = new AdminTestSite(kind)) {
            PlanetSite site = t.site;
            WebClient root = t.loggedIn("root");
            HttpResponse<String> list = root.get(SUBS);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body())
                    .contains("Alice Liddell")
                    .contains("Bob &lt;Builder&gt;")
                    .contains("Disabled: switched off by an editor: the blog moved")
                    .contains("no address found for carol.invalid");

            HttpResponse<String> added = root.submit(
                    SUBS,
                    SUBS,
                    "url",
                    " HTTPS://Erin.Example/feed.xml ",
                    "name",
                    "Erin'); DROP TABLE feeds; --",
                    "categories",
                    "BSD Events, FreeBSD");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
            long erin = site.subscriptions
                    .feedByUrl("https://erin.example/feed.xml")
                    .orElseThrow()
                    .id();
            assertThat(added.headers().firstValue("Location")).hasValue(SUBS + "?added=" + erin + "#feed-" + erin);
            assertThat(root.get(SUBS + "?added=" + erin).body())
                    .contains("Subscribed to Erin'); DROP TABLE" + " feeds; -- (feed " + erin + ")");
            assertThat(site.subscriptions.feed(erin).orElseThrow().name()).isEqualTo("Erin'); DROP TABLE feeds; --");
            Thread.sleep(120); // the page cache notices planet changes within 50 ms here
            assertThat(site.get("/subscriptions").body())
                    .contains("Erin'); DROP TABLE feeds; --")
                    .contains("href=\"/category/bsd-events\"");

            for (String[] bad : new String[][] {
                {"ftp://files.example/feed", "is not an http(s) URL"},
                {"javascript:alert(1)", "is not an http(s) URL"},
                {"", "the feed URL is empty"},
                {"https://user:secret@x.example/feed", "carries a user name or password"},
                {"https://erin.example/feed.xml", "is subscribed already, as feed " + erin},
                {"https://x.example/" + "a".repeat(100_000), "is too long: 100,018 characters"}
            }) {
                HttpResponse<String> r = root.submit(SUBS, SUBS, "url", bad[0], "name", "Bad", "categories", "");
                assertThat(r.statusCode()).as(bad[0]).isEqualTo(400);
                assertThat(r.body())
                        .as(bad[0])
                        .contains("The feed was not added: ")
                        .contains(bad[1])
                        .contains("value=\"Bad\"")
                        .doesNotContain("a".repeat(SubscriptionUrl.MAX_LENGTH));
            }
            HttpResponse<String> badCategory =
                    root.submit(SUBS, SUBS, "url", "https://f.example/feed", "categories", "ok, ---");
            assertThat(badCategory.statusCode()).isEqualTo(400);
            assertThat(badCategory.body()).contains("the category '---' has no letter or digit");

            // Alice's entries leave FreeBSD for Linux, and come back
            long alice = site.alice.id();
            String freebsd = "/category/freebsd";
            assertThat(site.get(freebsd).body()).contains("Upgrading Graphite");
            HttpResponse<String> refiled = root.submit(SUBS, SUBS + "/" + alice + "/categories", "categories", "Linux");
            assertThat(refiled.statusCode()).as(refiled.body()).isEqualTo(303);
            assertThat(root.get(SUBS + "?changed=" + alice).body()).contains("in Linux.");
            Thread.sleep(120);
            assertThat(site.get(freebsd).body()).doesNotContain("Upgrading Graphite");
            assertThat(site.get("/category/linux").body()).contains("Upgrading Graphite");
            assertThat(root.submit(SUBS, SUBS + "/" + alice + "/categories", "categories", "FreeBSD, Linux")
                            .statusCode())
                    .isEqualTo(303);
            Thread.sleep(120);
            assertThat(site.get(freebsd).body()).contains("Upgrading Graphite");
            assertThat(site.subscriptions.feed(alice).orElseThrow().categories())
                    .extracting(c -> c.name())
                    .containsExactly("FreeBSD", "Linux");

            // Bob is switched off and on again; Dave, disabled, is enabled
            long bob = site.bob.id();
            HttpResponse<String> off = root.submit(SUBS, SUBS + "/" + bob + "/disable", "reason", "moving <house>");
            assertThat(off.statusCode()).as(off.body()).isEqualTo(303);
            Thread.sleep(120);
            assertThat(site.get("/subscriptions").body())
                    .contains("Disabled: switched off by root: moving &lt;house&gt;");
            assertThat(anyForm(root, SUBS, SUBS + "/" + bob + "/disable").statusCode())
                    .isEqualTo(400);
            assertThat(root.submit(SUBS, SUBS + "/" + bob + "/enable").statusCode())
                    .isEqualTo(303);
            assertThat(site.subscriptions.feed(bob).orElseThrow().disabled()).isFalse();
            assertThat(root.submit(SUBS, SUBS + "/" + site.dave.id() + "/enable")
                            .statusCode())
                    .isEqualTo(303);
            assertThat(site.subscriptions.feed(site.dave.id()).orElseThrow().disabled())
                    .isFalse();
            Thread.sleep(120);
            assertThat(site.get("/subscriptions").body()).doesNotContain("Disabled:");

            assertThat(root.post(SUBS + "/" + bob + "/disable", "reason", "no token")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(root.post(SUBS, "url", "https://g.example/feed").statusCode())
                    .isEqualTo(403);
            assertThat(site.subscriptions.feed(bob).orElseThrow().disabled()).isFalse();
            HttpResponse<String> unknown = anyForm(root, SUBS, SUBS + "/99999/disable");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("There is no feed 99999");
            assertThat(anyForm(root, SUBS, SUBS + "/1%27%20OR%201=1/enable").statusCode())
                    .isEqualTo(404);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void rolesChangeInThePublicLogAndTheLastAdministratorKeepsTheRole(String kind) {
        try (AdminTestSite t = new AdminTestSite(kind)) {
            User dana = t.account("dana", Role.MEMBER);
            User root = t.accounts.store().userByName("root").orElseThrow();
            WebClient admin = t.loggedIn("root");
            HttpResponse<String> list = admin.get(ACCOUNTS);
            assertThat(list.body())
                    .contains("id=\"user-" + dana.id() + "\"")
                    .contains("dana")
                    .contains("root (you)");

            String role = ACCOUNTS + "/" + dana.id() + "/role";
            HttpResponse<String> noReason = admin.submit(ACCOUNTS, role, "role", "editor", "reason", " ");
            assertThat(noReason.statusCode()).isEqualTo(400);
            assertThat(noReason.body())
                    .contains("The role of dana was not changed: give a reason for a change of" + " role");
            HttpResponse<String> badRole = admin.submit(ACCOUNTS, role, "role", "god'; --", "reason", "x");
            assertThat(badRole.statusCode()).isEqualTo(400);
            assertThat(badRole.body()).contains("'god'; --' is not a role; use member, editor or admin");
            HttpResponse<String> promoted = admin.submit(
                    ACCOUNTS, role, "role", "editor", "reason", "runs the queue'); DELETE FROM moderation_log; --");
            assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(303);
            assertThat(t.accounts.store().user(dana.id()).orElseThrow().role()).isEqualTo(Role.EDITOR);
            assertThat(admin.get(ACCOUNTS + "?changed=" + dana.id()).body()).contains("Saved account dana: editor.");

            HttpResponse<String> last = admin.submit(
                    ACCOUNTS, ACCOUNTS + "/" + root.id() + "/role", "role", "member", "reason", "stepping down");
            assertThat(last.statusCode()).isEqualTo(400);
            assertThat(last.body()).contains("The role of root was not changed: " + Accounts.LAST_ADMIN);
            assertThat(t.accounts.store().countWithRole(Role.ADMIN)).isEqualTo(1);

            HttpResponse<String> log = t.site.fresh("/moderation");
            assertThat(log.body())
                    .contains("gave the editor role to")
                    .contains("account dana")
                    .contains("runs the queue'); DELETE FROM moderation_log; --")
                    .contains(">root<")
                    .doesNotContain("stepping down");

            // with a second administrator, root may step down, and is sent to its own page
            assertThat(admin.submit(ACCOUNTS, role, "role", "admin", "reason", "a second admin")
                            .statusCode())
                    .isEqualTo(303);
            HttpResponse<String> down = admin.submit(
                    ACCOUNTS, ACCOUNTS + "/" + root.id() + "/role", "role", "editor", "reason", "stepping down");
            assertThat(down.statusCode()).isEqualTo(303);
            assertThat(down.headers().firstValue("Location")).hasValue("/account");
            assertThat(admin.get(ACCOUNTS).statusCode()).isEqualTo(403);
            assertThat(t.site.fresh("/moderation").body())
                    .contains("gave the admin role to")
                    .contains("stepping down");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void bansAndLiftedBansAreLoggedAndABannedAccountCannotLogIn(String kind) {
        try (AdminTestSite t = new AdminTestSite(kind)) {
            User erin = t.account("erin", Role.MEMBER);
            User ed = t.account("eddie", Role.EDITOR);
            WebClient erinBrowser = t.loggedIn("erin");
            WebClient admin = t.loggedIn("root");
            String ban = ACCOUNTS + "/" + erin.id() + "/ban";

            HttpResponse<String> noReason = admin.submit(ACCOUNTS, ban, "reason", "");
            assertThat(noReason.statusCode()).isEqualTo(400);
            assertThat(noReason.body()).contains("erin was not banned: give a reason for ban");
            assertThat(admin.post(ban, "reason", "no token").statusCode()).isEqualTo(403);
            assertThat(erinBrowser.get("/account").statusCode()).isEqualTo(200);

            HttpResponse<String> banned = admin.submit(ACCOUNTS, ban, "reason", "spam <links>");
            assertThat(banned.statusCode()).as(banned.body()).isEqualTo(303);
            assertThat(erinBrowser.get("/account").statusCode())
                    .as("her session ended")
                    .isEqualTo(303);
            HttpResponse<String> login =
                    t.client().submit("/login", "/login", "username", "erin", "password", AdminTestSite.PASSWORD);
            assertThat(login.statusCode()).isEqualTo(400);
            assertThat(login.body()).contains("this account is banned");
            assertThat(admin.get(ACCOUNTS).body())
                    .contains("action=\"" + ACCOUNTS + "/" + erin.id() + "/unban\"")
                    .doesNotContain("action=\"" + ban + "\"");
            assertThat(anyForm(admin, ACCOUNTS, ban, "reason", "again").statusCode())
                    .isEqualTo(400);
            HttpResponse<String> self = anyForm(
                    admin,
                    ACCOUNTS,
                    ACCOUNTS + "/"
                            + t.accounts
                                    .store()
                                    .userByName("root")
                                    .orElseThrow()
                                    .id() + "/ban",
                    "reason",
                    "oops");
            assertThat(self.statusCode()).isEqualTo(400);
            assertThat(self.body()).contains("you cannot ban your own account");

            String unban = ACCOUNTS + "/" + erin.id() + "/unban";
            assertThat(admin.submit(ACCOUNTS, unban, "reason", "").statusCode()).isEqualTo(400);
            HttpResponse<String> lifted = admin.submit(ACCOUNTS, unban, "reason", "appeal accepted");
            assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(303);
            assertThat(t.client()
                            .submit("/login", "/login", "username", "erin", "password", AdminTestSite.PASSWORD)
                            .statusCode())
                    .isEqualTo(303);
            assertThat(anyForm(admin, ACCOUNTS, unban, "reason", "twice").statusCode())
                    .isEqualTo(400);
            assertThat(admin.submit(ACCOUNTS, ACCOUNTS + "/" + ed.id() + "/ban", "reason", "abuse")
                            .statusCode())
                    .isEqualTo(303);

            HttpResponse<String> log = t.site.fresh("/moderation");
            String body = log.body();
            assertThat(body)
                    .contains("banned")
                    .contains("lifted the ban on")
                    .contains("account erin")
                    .contains("spam &lt;links&gt;")
                    .contains("appeal accepted")
                    .contains("account eddie")
                    .doesNotContain("twice")
                    .doesNotContain("no token");
            assertThat(body.indexOf("appeal accepted")).as("newest first").isLessThan(body.indexOf("spam &lt;"));
            assertThat(admin.get(ACCOUNTS + "/99999/ban").statusCode()).isEqualTo(405); // POST-only
            assertThat(anyForm(admin, ACCOUNTS, ACCOUNTS + "/99999/ban", "reason", "x")
                            .statusCode())
                    .isEqualTo(404);
        }
    }
}
