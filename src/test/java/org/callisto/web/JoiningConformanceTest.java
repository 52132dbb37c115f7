package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.callisto.account.Accounts;
import org.callisto.mail.TestMailServer;
import org.junit.jupiter.api.Test;

/**
 * Every page of joining and mail (the account page with mail and invitations, reset, confirmation, unsubscribe,
 * the invitation tree), with mail on and off, passes the Nu Html Checker with no error.
 */
class JoiningConformanceTest {

    @Test
    void everyJoiningAndMailPageHasNoConformanceError() throws Exception {
        Map<String, HttpResponse<String>> pages = new LinkedHashMap<>();
        try (NuChecker checker = new NuChecker();
                TestMailServer smtp = new TestMailServer()) {
            try (PlanetSite site = new PlanetSite("sqlite", smtp.settings())) {
                Accounts.of(site.db, site.config, Clock.systemUTC()).createAdmin("root", JournalWebTest.PASSWORD);
                WebClient root = new WebClient(site.uri("/"));
                JournalWebTest.login(root, "root");
                pages.put("account, mail on", root.get("/account"));
                pages.put(
                        "account, invitation issued",
                        root.submit("/account", "/account/invitations", "email", "new@example.org"));
                pages.put("account, address refused", root.submit("/account", "/account/email", "email", "x y"));
                root.submit("/account", "/account/email", "email", "root@example.org");
                pages.put("account, address unconfirmed", root.get("/account?done=email-sent"));
                String link = TestMailServer.pathOf(TestMailServer.link(smtp.await("new@example.org", 1), "/register"));
                WebClient anonymous = new WebClient(site.uri("/"));
                pages.put("register from an invitation", anonymous.get(link));
                pages.put(
                        "confirmation",
                        anonymous.get(TestMailServer.pathOf(
                                TestMailServer.link(smtp.await("root@example.org", 1), "/account/verify/"))));
                pages.put("confirmation refused", anonymous.get("/account/verify/nothing"));
                pages.put("reset", anonymous.get("/account/reset"));
                pages.put(
                        "reset asked",
                        anonymous.submit("/account/reset", "/account/reset", "email", "root@example.org"));
                pages.put("reset refused", anonymous.submit("/account/reset", "/account/reset", "email", "nope"));
                String reset = TestMailServer.pathOf(
                        TestMailServer.link(smtp.await("root@example.org", 2), "/account/reset/"));
                pages.put("reset link", anonymous.get(reset));
                pages.put(
                        "reset link refused",
                        anonymous.submit(reset, reset, "password", "short", "password2", "short"));
                pages.put("reset link unusable", anonymous.get("/account/reset/nothing"));
                String unsubscribe = site.callisto
                        .membership()
                        .links()
                        .unsubscribe(site.callisto.membership().mail().unsubscribeToken(1))
                        .getRawPath();
                pages.put("unsubscribe", anonymous.get(unsubscribe));
                pages.put("unsubscribed", anonymous.post(unsubscribe, "List-Unsubscribe", "One-Click"));
                pages.put("unsubscribe refused", anonymous.get("/unsubscribe/1.x"));
                pages.put("invitation tree", root.get("/admin/invitations"));
            }
            try (PlanetSite site = new PlanetSite("sqlite", Map.of())) {
                Accounts.of(site.db, site.config, Clock.systemUTC()).createAdmin("root", JournalWebTest.PASSWORD);
                WebClient root = new WebClient(site.uri("/"));
                JournalWebTest.login(root, "root");
                pages.put("account, mail off", root.get("/account"));
                pages.put("reset, mail off", new WebClient(site.uri("/")).get("/account/reset"));
                pages.put("register, mail off", new WebClient(site.uri("/")).get("/register"));
            }
            pages.forEach((name, r) -> {
                NuChecker.Report report =
                        checker.checkHtml(r.body().getBytes(StandardCharsets.UTF_8), "http://planet.test/");
                assertThat(report.errors())
                        .as("Nu Html Checker errors in %s (status %d)\n%s", name, r.statusCode(), r.body())
                        .isEmpty();
            });
        }
    }
}
