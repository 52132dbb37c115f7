package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callisto.account.Role;
import org.callisto.planet.Feed;
import org.callisto.planet.FilterRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /admin/filters} through real HTTP with cookies, on SQLite and PostgreSQL: only administrators, CSRF on
 * every form, a rule added and removed, a bad expression refused in words with the form kept, and hostile patterns
 * shown as text.
 */
class FilterPagesWebTest {
    private static final String PAGE = "/admin/filters";

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void administratorsAddAndRemoveRulesWithCsrfAndBadOnesAreRefusedInWords(String kind) {
        try (AdminTestSite t = new AdminTestSite(kind)) {
            t.account("mem1", Role.MEMBER);
            Feed feed =
                    t.site.callisto.subscriptions().addFeed("https://blog.example.org/feed.xml", "Alice", List.of());
            assertThat(t.client().get(PAGE).statusCode()).isEqualTo(303);
            assertThat(t.loggedIn("mem1").get(PAGE).statusCode()).isEqualTo(403);

            WebClient root = t.loggedIn("root");
            HttpResponse<String> page = root.get(PAGE);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("No rules: every entry is stored.").contains(">Alice</option>");
            assertThat(root.get("/admin").body()).contains("href=\"/admin/filters\"");

            HttpResponse<String> noToken = root.post(PAGE, "action", "drop", "field", "any", "pattern", "spam");
            assertThat(noToken.statusCode()).isEqualTo(403);
            assertThat(t.site.callisto.filterStore().rules()).isEmpty();

            HttpResponse<String> bad = root.post(
                    PAGE,
                    "csrf",
                    csrf(root),
                    "action",
                    "drop",
                    "field",
                    "title",
                    "pattern",
                    "free(bsd",
                    "kind",
                    "regex",
                    "feed",
                    Long.toString(feed.id()));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body())
                    .contains(
                            "The filter was not added: the regular expression 'free(bsd' is not valid: missing closing )")
                    .contains("value=\"free(bsd\"");
            assertThat(t.site.callisto.filterStore().rules()).isEmpty();

            String script = "<script>alert(1)</script>";
            HttpResponse<String> added = root.post(
                    PAGE,
                    "csrf",
                    csrf(root),
                    "action",
                    "drop",
                    "field",
                    "title",
                    "pattern",
                    script,
                    "feed",
                    Long.toString(feed.id()));
            assertThat(added.statusCode()).isEqualTo(303);
            FilterRule rule = t.site.callisto.filterStore().rules().getFirst();
            assertThat(rule.feedId()).isEqualTo(feed.id());
            assertThat(rule.kind()).isEqualTo(FilterRule.Kind.WORDS);
            assertThat(rule.origin()).isEqualTo("added by root");
            HttpResponse<String> shown =
                    root.get(added.headers().firstValue("Location").orElseThrow());
            assertThat(shown.body())
                    .contains("Added filter " + rule.id())
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain(script);

            HttpResponse<String> removed = root.post(PAGE + "/" + rule.id() + "/remove", "csrf", csrf(root));
            assertThat(removed.statusCode()).isEqualTo(303);
            assertThat(t.site.callisto.filterStore().rules()).isEmpty();
            assertThat(root.post(PAGE + "/999/remove", "csrf", csrf(root)).statusCode())
                    .isEqualTo(404);
        }
    }

    private static String csrf(WebClient c) {
        String html = c.get(PAGE).body();
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html.substring(html.indexOf("<main")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
