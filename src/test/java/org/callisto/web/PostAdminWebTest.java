package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callisto.account.Role;
import org.callisto.planet.EntryDetails;
import org.callisto.planet.EntryIdentity;
import org.callisto.planet.EntryRow;
import org.callisto.planet.Feed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One entry for one post through real HTTP: a cross-post shown once on the river with "also posted by", split and
 * merged again by an administrator with the form token, refused without it; from the posts page's buttons and merge
 * form too, under the strict content security policy.
 */
class PostAdminWebTest {
    private static EntryRow row(String key, String link, Instant t) {
        String html = "<p>Copied post about the new ports framework.</p>";
        return new EntryRow(
                key,
                key,
                link,
                "Cross-posted ports news",
                "Carol",
                html,
                null,
                List.of(),
                null,
                null,
                -1,
                null,
                t,
                null,
                EntryIdentity.sha256(html),
                EntryDetails.NONE,
                null);
    }

    /** Posts to {@code action} with the token of the forms of {@code page} (one token serves all its forms). */
    private static HttpResponse<String> withToken(WebClient c, String page, String action, String... fields) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(mainOf(c.get(page).body()));
        assertThat(m.find()).as("a form on " + page).isTrue();
        String[] all = new String[fields.length + 2];
        all[0] = "csrf";
        all[1] = m.group(1);
        System.arraycopy(fields, 0, all, 2, fields.length);
        return c.post(action, all);
    }

    /** The page from its main element: the layout's own forms (logging out) carry another token. */
    private static String mainOf(String html) {
        return html.substring(Math.max(0, html.indexOf("<main")));
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aCrossPostIsShownOnceAndAnAdministratorSplitsAndMergesIt(String kind) throws Exception {
        try (AdminTestSite t = new AdminTestSite(kind)) {
            PlanetSite site = t.site;
            Feed carol = site.subscriptions.addFeed("https://carol.example/feed", "Carol", List.of());
            Feed planet = site.subscriptions.addFeed("https://planet.example/feed", "Planet Example", List.of());
            Instant at = Instant.now().minusSeconds(3600);
            site.entries.storeEntries(carol.id(), List.of(row("c1", "https://carol.example/ports/", at)), at);
            site.entries.storeEntries(
                    planet.id(),
                    List.of(row("p1", "http://CAROL.example/ports?utm_source=planet", at.plusSeconds(60))),
                    at.plusSeconds(60));
            long original =
                    site.entries.feedEntries(carol.id(), 0, 1).getFirst().id();
            long copy = site.entries.feedEntries(planet.id(), 0, 1).getFirst().id();
            Thread.sleep(120);
            String river = site.get("/").body();
            assertThat(river.split("Cross-posted ports news", -1)).hasSize(2);
            assertThat(river).contains("also posted by").contains("/feeds/" + planet.id());

            WebClient root = t.loggedIn("root");
            String subs = "/admin/posts";
            assertThat(root.post("/admin/entries/" + copy + "/split").statusCode())
                    .isNotEqualTo(303);
            HttpResponse<String> split = withToken(root, subs, "/admin/entries/" + copy + "/split");
            assertThat(split.statusCode()).as(split.body()).isEqualTo(303);
            Thread.sleep(120);
            assertThat(site.get("/").body().split("Cross-posted ports news", -1))
                    .hasSize(3);

            HttpResponse<String> merged =
                    withToken(root, subs, "/admin/entries/" + copy + "/merge", "other", String.valueOf(original));
            assertThat(merged.statusCode()).as(merged.body()).isEqualTo(303);
            assertThat(merged.headers().firstValue("Location")).hasValue("/entries/" + original);
            Thread.sleep(120);
            assertThat(site.get("/").body().split("Cross-posted ports news", -1))
                    .hasSize(2);
            HttpResponse<String> bad = withToken(root, subs, "/admin/entries/" + copy + "/merge", "other", "x<1>");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("is not an entry id").doesNotContain("x<1>");
            assertThat(site.entries.posts().log(5))
                    .hasSize(2)
                    .first()
                    .asString()
                    .contains("root merge");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void thePostsPageListsACrossPostWithASplitButtonPerCopyAndAMergeForm(String kind) throws Exception {
        try (AdminTestSite t = new AdminTestSite(kind)) {
            PlanetSite site = t.site;
            Feed carol = site.subscriptions.addFeed("https://carol.example/feed", "Carol", List.of());
            Feed planet = site.subscriptions.addFeed("https://planet.example/feed", "Planet Example", List.of());
            Instant at = Instant.now().minusSeconds(3600);
            site.entries.storeEntries(carol.id(), List.of(row("c1", "https://carol.example/ports/", at)), at);
            site.entries.storeEntries(
                    planet.id(), List.of(row("p1", "https://carol.example/ports/", at.plusSeconds(60))), at);
            long original =
                    site.entries.feedEntries(carol.id(), 0, 1).getFirst().id();
            long copy = site.entries.feedEntries(planet.id(), 0, 1).getFirst().id();

            WebClient root = t.loggedIn("root");
            assertThat(root.get("/admin").body()).contains("href=\"/admin/posts\"");
            HttpResponse<String> page = root.get("/admin/posts");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(v -> assertThat(v).contains("script-src 'none'"));
            String main = mainOf(page.body());
            assertThat(main)
                    .contains("action=\"/admin/entries/" + original + "/split\"")
                    .contains("action=\"/admin/entries/" + copy + "/split\"")
                    .contains("action=\"/admin/posts/merge\"")
                    .doesNotContain("<script")
                    .doesNotContain(" style=")
                    .doesNotContain(" onclick");

            HttpResponse<String> split =
                    root.submit("/admin/posts", "/admin/entries/" + copy + "/split", "back", "posts");
            assertThat(split.statusCode()).as(split.body()).isEqualTo(303);
            assertThat(split.headers().firstValue("Location")).hasValue("/admin/posts?split=" + copy);
            assertThat(site.entries.posts().postOf(copy)).isEqualTo(copy);
            assertThat(mainOf(root.get("/admin/posts?split=" + copy).body()))
                    .contains("Entry " + copy + " is shown on its own again")
                    .contains("No post has reached the planet through more than one feed");

            HttpResponse<String> merged = root.submit(
                    "/admin/posts",
                    "/admin/posts/merge",
                    "entry",
                    "http://planet.test/entries/" + copy,
                    "other",
                    " " + original + " ");
            assertThat(merged.statusCode()).as(merged.body()).isEqualTo(303);
            assertThat(merged.headers().firstValue("Location")).hasValue("/admin/posts?merged=" + original);
            assertThat(site.entries.posts().postOf(copy)).isEqualTo(original);
            assertThat(site.entries.posts().log(5)).first().asString().contains("root merge " + copy + " " + original);

            HttpResponse<String> again = root.submit(
                    "/admin/posts", "/admin/posts/merge", "entry", "/entries/" + copy, "other", "" + original);
            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(again.body()).contains("one post already");
            assertThat(root.post("/admin/posts/merge", "entry", "" + copy, "other", "" + original)
                            .statusCode())
                    .as("without the form token")
                    .isNotEqualTo(303);
            t.account("mallory", Role.MEMBER);
            WebClient member = t.loggedIn("mallory");
            assertThat(member.get("/admin/posts").statusCode()).isEqualTo(403);
        }
    }
}
