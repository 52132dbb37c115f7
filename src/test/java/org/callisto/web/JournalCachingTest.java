package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callisto.account.Accounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The journal's page cache through real HTTP, on SQLite and PostgreSQL: anonymous readers get validators and 304s
 * and see a change once the change check has run; logged-in members always get the current page, never stored.
 */
class JournalCachingTest {
    private static final String PASSWORD = "correct horse battery";
    private static final Pattern LOCATION = Pattern.compile("^/stories/([0-9]+)(#comment-([0-9]+))?$");

    /** A planet site with a published story by alice, and alice, bob and an editor logged in. */
    private static final class Journal implements AutoCloseable {
        final PlanetSite site;
        final WebClient alice;
        final WebClient bob;
        final WebClient editor;
        final long story;

        Journal(String kind) {
            site = new PlanetSite(kind, Map.of("journal.registration", "open"));
            Accounts accounts = Accounts.of(site.db, site.config, Clock.systemUTC());
            accounts.createAdmin("editor1", PASSWORD);
            accounts.register("alice", PASSWORD, null, "10.4.0.1");
            accounts.register("bob", PASSWORD, null, "10.4.0.2");
            alice = login("alice");
            bob = login("bob");
            editor = login("editor1");
            HttpResponse<String> submitted = alice.submit(
                    "/submit",
                    "/submit",
                    "action",
                    "submit",
                    "title",
                    "Cached story",
                    "format",
                    "text",
                    "intro",
                    "An intro",
                    "topic",
                    "FreeBSD");
            story = number(submitted, 1);
            HttpResponse<String> accepted = editor.submit(
                    "/editor/queue", "/editor/queue", "story", Long.toString(story), "decision", "accept");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(303);
        }

        WebClient login(String name) {
            WebClient c = new WebClient(site.uri("/"));
            HttpResponse<String> r = c.submit("/login", "/login", "username", name, "password", PASSWORD);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
            return c;
        }

        long comment(WebClient c, String text) {
            String page = "/stories/" + story;
            return number(c.submit(page, page + "/comments", "format", "text", "text", text), 3);
        }

        @Override
        public void close() {
            site.close();
        }
    }

    private static long number(HttpResponse<String> r, int group) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        Matcher m = LOCATION.matcher(r.headers().firstValue("Location").orElseThrow());
        assertThat(m.matches()).isTrue();
        return Long.parseLong(m.group(group));
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void anonymousJournalPagesCarryValidatorsAndAnswer304(String kind) {
        try (Journal j = new Journal(kind)) {
            j.comment(j.bob, "a comment so the feed has an entry");
            for (String path : List.of(
                    "/stories/" + j.story,
                    "/journal",
                    "/journal/atom.xml",
                    "/journal/rss.xml",
                    "/stories/" + j.story + "/comments.atom",
                    "/moderation")) {
                HttpResponse<String> first = j.site.get(path);
                assertThat(first.statusCode()).as(path).isEqualTo(200);
                String etag = first.headers().firstValue("ETag").orElseThrow();
                assertThat(etag).as(path).startsWith("W/\"");
                assertThat(first.headers().firstValue("Last-Modified")).as(path).isPresent();
                assertThat(first.headers().firstValue("Cache-Control"))
                        .as(path)
                        .hasValue("public, max-age=0, must-revalidate");
                assertThat(first.headers().firstValue("Set-Cookie")).as(path).isEmpty();

                HttpResponse<String> again = j.site.get(path, "If-None-Match", etag);
                assertThat(again.statusCode()).as(path).isEqualTo(304);
                assertThat(again.body()).as(path).isEmpty();
                assertThat(j.site.get(path).body()).as(path + " from the cache").isEqualTo(first.body());
            }
            assertThat(j.site.get("/stories/" + j.story).body())
                    .contains("Cached story")
                    .contains("href=\"/login\"")
                    .doesNotContain("alice</a>")
                    .doesNotContain("name=\"csrf\"");
            HttpResponse<String> missing = j.site.get("/stories/999999");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("ETag")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aNewCommentReachesAnonymousReadersAfterTheChangeCheck(String kind) throws InterruptedException {
        try (Journal j = new Journal(kind)) {
            String path = "/stories/" + j.story;
            HttpResponse<String> before = j.site.get(path);
            String etag = before.headers().firstValue("ETag").orElseThrow();
            String front = j.site.get("/journal").headers().firstValue("ETag").orElseThrow();
            String feed = j.site.get(path + "/comments.atom")
                    .headers()
                    .firstValue("ETag")
                    .orElseThrow();

            long id = j.comment(j.bob, "fresh-comment-marker");
            HttpResponse<String> after = awaitNewEtag(j.site, path, etag);
            assertThat(after.body()).contains("fresh-comment-marker").contains("id=\"comment-" + id + "\"");
            assertThat(j.site.get(path, "If-None-Match", etag).statusCode()).isEqualTo(200);
            assertThat(j.site.get("/journal").headers().firstValue("ETag")).isNotEqualTo(Optional.of(front));
            assertThat(j.site.get("/journal").body()).contains("1 comment");
            assertThat(j.site.get(path + "/comments.atom").headers().firstValue("ETag"))
                    .isNotEqualTo(Optional.of(feed));

            String log = j.site.get("/moderation").headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> hidden =
                    j.editor.submit(path, "/comments/" + id + "/hide", "reason", "hidden-reason-marker");
            assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(303);
            assertThat(awaitNewEtag(j.site, "/moderation", log).body()).contains("hidden-reason-marker");
            assertThat(j.site.get(path).body())
                    .doesNotContain("fresh-comment-marker")
                    .contains("hidden by a moderator");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aLoggedInMemberAlwaysSeesTheCurrentPageNeverStored(String kind) {
        try (Journal j = new Journal(kind)) {
            String path = "/stories/" + j.story;
            j.site.get(path); // fills the anonymous cache
            for (int i = 0; i < 3; i++) {
                long id = j.comment(j.bob, "member-view-" + i);
                HttpResponse<String> seen = j.alice.get(path); // at once: no change check to wait for
                assertThat(seen.statusCode()).isEqualTo(200);
                assertThat(seen.body())
                        .contains("member-view-" + i)
                        .contains("id=\"comment-" + id + "\"")
                        .contains("href=\"/account\">alice</a>");
                assertThat(seen.headers().firstValue("Cache-Control")).hasValue("private, no-store");
                assertThat(seen.headers().firstValue("ETag")).isEmpty();
                assertThat(seen.headers().firstValue("Last-Modified")).isEmpty();
            }
            for (String other : List.of("/journal", "/journal/atom.xml", path + "/comments.atom", "/moderation")) {
                HttpResponse<String> r = j.alice.get(other);
                assertThat(r.statusCode()).as(other).isEqualTo(200);
                assertThat(r.headers().firstValue("Cache-Control")).as(other).hasValue("private, no-store");
                assertThat(r.headers().firstValue("ETag")).as(other).isEmpty();
            }
            assertThat(j.site.get("/journal").body()).doesNotContain("alice</a>");
        }
    }

    private static HttpResponse<String> awaitNewEtag(PlanetSite site, String path, String old)
            throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            HttpResponse<String> r = site.get(path);
            String etag = r.headers().firstValue("ETag").orElseThrow();
            if (!etag.equals(old) || System.nanoTime() > deadline) {
                assertThat(etag)
                        .as("the ETag of " + path + " within 5 s of the change")
                        .isNotEqualTo(old);
                return r;
            }
            Thread.sleep(20);
        }
    }
}
