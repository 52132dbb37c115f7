package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.callisto.account.Accounts;
import org.callisto.account.Invitations;
import org.callisto.account.Membership;
import org.callisto.mail.TestMailServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;

/**
 * The journal's whole community walk (issue 14, "Checks") in headless Chromium through the site's own pages, with
 * a real SMTP server (GreenMail) on loopback whose received mail is read and whose links are followed: the
 * administrator invites by mail; the invitee opens the mailed link, registers and is logged in; submits a story;
 * an editor accepts it; another member replies; the author sees the unread count in the header and the
 * notification on {@code /notifications}, receives the notification mail (with {@code List-Unsubscribe} and
 * {@code List-Unsubscribe-Post}), follows its link, upvotes the reply, unsubscribes with the one-click POST a mail
 * program sends (after which a further reply is notified in the site only), then forgets the password and resets
 * it by mail. On SQLite and PostgreSQL; screenshots go to {@code target/screenshots/walk-KIND/}.
 */
class JournalWalkBrowserTest {
    private static final String PASSWORD = JournalWebTest.PASSWORD;
    private static final String NEW_PASSWORD = "walked all the way, twice";
    private static final String WALKER = "walker@example.org";
    private static final String TITLE = "A walk through the whole journal";

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void anInviteeJoinsSubmitsIsAcceptedHearsOfAReplyByMailVotesUnsubscribesAndResetsThePassword(String kind)
            throws Exception {
        Path shots = Path.of("target", "screenshots", "walk-" + kind);
        Files.createDirectories(shots);
        try (TestMailServer smtp = new TestMailServer();
                PlanetSite site = new PlanetSite(kind, smtp.settings());
                Browser browser = Browser.launch()) {
            Accounts accounts = Accounts.of(site.db, site.config, Clock.systemUTC());
            accounts.createAdmin("root", PASSWORD);
            accounts.createAdmin("editor1", PASSWORD);
            Membership membership = site.callisto.membership();
            Invitations.Issued forReplier = membership.invitations().issueAsOperator(null, null);
            membership
                    .joining()
                    .register("replier", PASSWORD, forReplier.invitation().code(), null, "10.14.0.1", null, null);
            WebDriver d = browser.driver();

            // the administrator invites by mail from the account page
            logIn(browser, site, "root", PASSWORD);
            browser.clickAndWait(d.findElement(By.cssSelector("header a[href='/account']")));
            d.findElement(By.id("invite-email")).sendKeys(WALKER);
            browser.clickAndWait(d.findElement(By.cssSelector("form[action='/account/invitations'] button")));
            assertThat(d.findElement(By.cssSelector("p.notice")).getText())
                    .contains("An invitation was mailed to " + WALKER);
            shot(browser, shots, "01-invited");
            logOut(browser);

            // the invitee follows the link from the mail received, registers and is logged in
            MimeMessage invitation = smtp.await(WALKER, 1);
            browser.open(site.uri(TestMailServer.pathOf(TestMailServer.link(invitation, "/register?invitation="))));
            assertThat(d.findElement(By.id("email")).getAttribute("value")).isEqualTo(WALKER);
            d.findElement(By.id("username")).sendKeys("walker");
            d.findElement(By.id("password")).sendKeys(PASSWORD);
            d.findElement(By.id("password2")).sendKeys(PASSWORD);
            browser.clickAndWait(d.findElement(By.cssSelector("main form[action='/register'] button")));
            assertThat(browser.currentUrl()).endsWith("/account?welcome=1");
            assertThat(d.findElement(By.cssSelector("header a[href='/account']"))
                            .getText())
                    .isEqualTo("walker");
            assertThat(d.findElement(By.cssSelector("p.mail-state")).getText()).contains(WALKER + " is confirmed");
            assertThat(d.findElement(By.id("notify")).isSelected())
                    .as("notification mail is on by default")
                    .isTrue();
            shot(browser, shots, "02-registered");

            // submits a story
            browser.open(site.uri("/submit"));
            d.findElement(By.id("title")).sendKeys(TITLE);
            d.findElement(By.id("tags")).sendKeys("walks testing");
            d.findElement(By.id("intro")).sendKeys("An intro, walked through Chromium.");
            d.findElement(By.cssSelector("[name=format][value=text]")).click();
            browser.clickAndWait(d.findElement(By.cssSelector("button[value=submit]")));
            assertThat(browser.currentUrl()).matches(".*/stories/[0-9]+$");
            String storyPath = URI.create(browser.currentUrl()).getPath();
            assertThat(d.findElement(By.cssSelector("main")).getText()).contains("waiting for an editor");
            shot(browser, shots, "03-submitted");
            logOut(browser);

            // the editor accepts
            logIn(browser, site, "editor1", PASSWORD);
            browser.open(site.uri("/editor/queue"));
            assertThat(d.findElement(By.cssSelector("main")).getText()).contains(TITLE);
            browser.clickAndWait(d.findElement(By.cssSelector("button[value=accept]")));
            assertThat(d.findElement(By.cssSelector("main")).getText()).contains("No story is waiting");
            logOut(browser);

            // another member replies, in Markdown (the default)
            logIn(browser, site, "replier", PASSWORD);
            browser.open(site.uri(storyPath));
            d.findElement(By.id("comment-text")).sendKeys("A **reply** to the walk");
            browser.clickAndWait(d.findElement(By.cssSelector(".comment-form button[type=submit]")));
            String commentId = browser.currentUrl().replaceFirst(".*#comment-", "");
            assertThat(commentId).matches("[0-9]+");
            shot(browser, shots, "04-replied");
            logOut(browser);

            // the author sees the notification in the site ...
            logIn(browser, site, "walker", PASSWORD);
            assertThat(d.findElement(By.cssSelector("header a[href='/notifications']"))
                            .getText())
                    .as("the acceptance and the reply")
                    .isEqualTo("Notifications (2 unread)");
            browser.clickAndWait(d.findElement(By.cssSelector("header a[href='/notifications']")));
            List<String> unread = d.findElements(By.cssSelector("li.notification.unread")).stream()
                    .map(e -> e.getText())
                    .toList();
            assertThat(unread).hasSize(2);
            assertThat(unread.get(0)).contains("replier replied on").contains(TITLE);
            assertThat(unread.get(1)).contains("was accepted");
            shot(browser, shots, "05-notifications");

            // ... and in the mail: the acceptance, then the reply, each with one-click unsubscribing
            MimeMessage accepted = smtp.await(WALKER, 2);
            assertThat(accepted.getSubject()).isEqualTo("[Test Planet] your submission “" + TITLE + "” was accepted");
            MimeMessage reply = smtp.await(WALKER, 3);
            assertThat(reply.getSubject()).isEqualTo("[Test Planet] replier replied on “" + TITLE + "”");
            String unsubscribe = TestMailServer.header(reply, "List-Unsubscribe");
            assertThat(unsubscribe)
                    .startsWith("<http://planet.test/unsubscribe/")
                    .endsWith(">");
            assertThat(TestMailServer.header(reply, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
            assertThat(TestMailServer.header(reply, "Auto-Submitted")).isEqualTo("auto-generated");
            URI commentLink = TestMailServer.link(reply, "#comment-");
            assertThat(commentLink.toString()).isEqualTo("http://planet.test" + storyPath + "#comment-" + commentId);

            // follows the mailed link and upvotes the reply
            browser.open(site.uri(TestMailServer.pathOf(commentLink) + "#" + commentLink.getRawFragment()));
            assertThat(d.findElement(By.cssSelector("#comment-" + commentId + " strong"))
                            .getText())
                    .isEqualTo("reply");
            browser.clickAndWait(
                    d.findElement(By.cssSelector("form[action='/comments/" + commentId + "/vote'] button")));
            assertThat(d.findElement(By.cssSelector("#comment-" + commentId + " .points"))
                            .getText())
                    .isEqualTo("1 point");
            assertThat(d.findElement(By.cssSelector("form[action='/comments/" + commentId + "/vote'] button"))
                            .getText())
                    .isEqualTo("Unvote");
            assertThat(d.findElements(By.cssSelector("form[action='" + storyPath + "/vote']")))
                    .as("no vote on one's own story")
                    .isEmpty();
            shot(browser, shots, "06-voted");

            // a mail program unsubscribes with RFC 8058's one-click POST: no cookie, no page, no CSRF token
            String unsubscribePath = URI.create(unsubscribe.substring(1, unsubscribe.length() - 1))
                    .getRawPath();
            HttpResponse<String> oneClick = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(site.uri(unsubscribePath))
                                    .timeout(Duration.ofSeconds(20))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(oneClick.statusCode()).as(oneClick.body()).isEqualTo(200);
            assertThat(oneClick.body()).contains("Notification mail is off for <strong>walker</strong>");
            browser.open(site.uri("/account"));
            assertThat(d.findElement(By.id("notify")).isSelected()).isFalse();
            shot(browser, shots, "07-unsubscribed");

            // a further reply is told in the site only: the setting is honoured
            WebClient replier = new WebClient(site.uri("/"));
            JournalWebTest.login(replier, "replier");
            HttpResponse<String> again =
                    replier.submit(storyPath, storyPath + "/comments", "text", "Another reply, by mail to nobody");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(303);
            browser.open(site.uri("/journal"));
            assertThat(d.findElement(By.cssSelector("header a[href='/notifications']"))
                            .getText())
                    .isEqualTo("Notifications (3 unread)");
            logOut(browser);

            // forgets the password and resets it by mail
            browser.open(site.uri("/login"));
            browser.clickAndWait(d.findElement(By.cssSelector("main a[href='/account/reset']")));
            d.findElement(By.id("email")).sendKeys(WALKER);
            browser.clickAndWait(d.findElement(By.cssSelector("main form[action='/account/reset'] button")));
            assertThat(d.findElement(By.cssSelector("p.notice")).getText())
                    .contains("If an account has the address " + WALKER);
            MimeMessage reset = smtp.await(WALKER, 4);
            assertThat(reset.getSubject())
                    .as("one mailer thread sends in order: had the second reply been mailed, it would be here")
                    .isEqualTo("Reset your password on Test Planet");
            browser.open(site.uri(TestMailServer.pathOf(TestMailServer.link(reset, "/account/reset/"))));
            d.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
            d.findElement(By.id("password2")).sendKeys(NEW_PASSWORD);
            browser.clickAndWait(d.findElement(By.cssSelector("main form button[type=submit]")));
            assertThat(browser.currentUrl()).contains("/login?reset=walker");
            d.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
            browser.clickAndWait(d.findElement(By.cssSelector("main form button[type=submit]")));
            assertThat(d.findElement(By.cssSelector("header a[href='/account']"))
                            .getText())
                    .isEqualTo("walker");
            shot(browser, shots, "08-reset-and-back");
            assertThat(subjects(smtp.to(WALKER)))
                    .containsExactly(
                            "root invites you to Test Planet",
                            "[Test Planet] your submission “" + TITLE + "” was accepted",
                            "[Test Planet] replier replied on “" + TITLE + "”",
                            "Reset your password on Test Planet");
        }
    }

    private static List<String> subjects(List<MimeMessage> mails) {
        return mails.stream()
                .map(m -> {
                    try {
                        return m.getSubject();
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static void logIn(Browser browser, PlanetSite site, String name, String password) {
        WebDriver d = browser.driver();
        browser.open(site.uri("/login"));
        d.findElement(By.id("username")).sendKeys(name);
        d.findElement(By.id("password")).sendKeys(password);
        browser.clickAndWait(d.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(d.findElement(By.cssSelector("header a[href='/account']")).getText())
                .isEqualTo(name);
    }

    private static void logOut(Browser browser) {
        browser.clickAndWait(browser.driver().findElement(By.cssSelector("header form[action='/logout'] button")));
    }

    private static void shot(Browser browser, Path shots, String name) throws IOException {
        Files.write(shots.resolve(name + ".png"), browser.driver().getScreenshotAs(OutputType.BYTES));
    }
}
