package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.callisto.account.Accounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;

/**
 * A walk through the journal's social side in headless Chromium, with no JavaScript of ours: a member replies to a
 * story, its author sees the unread count in the header and the notification, follows it, marks it read, upvotes
 * the reply, and finds the story in the hot order. Runs on SQLite and PostgreSQL; screenshots go to
 * {@code target/screenshots/community-KIND/}.
 */
class CommunityBrowserTest {
    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void replyNotifiesTheAuthorWhoVotesAndFindsTheStoryInHotOrder(String kind) throws IOException {
        Path shots = Path.of("target", "screenshots", "community-" + kind);
        Files.createDirectories(shots);
        try (PlanetSite site = new PlanetSite(kind, Map.of("journal.registration", "open"));
                Browser browser = Browser.launch()) {
            Accounts.of(site.db, site.config, Clock.systemUTC()).createAdmin("editor1", JournalWebTest.PASSWORD);
            WebClient author = CommentsWebTest.member(site, "author");
            CommentsWebTest.member(site, "replier");
            long story = JournalWebTest.submit(author, "Walk the social side", "text", "An intro", "");
            JournalWebTest.decide(CommentsWebTest.editor(site), story, "accept", "");
            author.submit("/notifications", "/notifications", "mark", "all");
            WebDriver d = browser.driver();

            logIn(browser, site, "replier");
            browser.open(site.uri("/stories/" + story));
            assertThat(d.findElement(By.id("comment-format")).getAttribute("value"))
                    .as("Markdown is the default")
                    .isEqualTo("markdown");
            d.findElement(By.id("comment-text")).sendKeys("A **reply** for @author");
            browser.clickAndWait(d.findElement(By.cssSelector(".comment-form button[type=submit]")));
            String commentId = browser.currentUrl().replaceFirst(".*#comment-", "");
            assertThat(d.findElement(By.cssSelector("#comment-" + commentId + " strong"))
                            .getText())
                    .isEqualTo("reply");
            shot(browser, shots, "01-reply");
            browser.clickAndWait(d.findElement(By.cssSelector("header form[action='/logout'] button")));

            logIn(browser, site, "author");
            assertThat(d.findElement(By.cssSelector("header a[href='/notifications']"))
                            .getText())
                    .isEqualTo("Notifications (1 unread)");
            shot(browser, shots, "02-unread-count");
            browser.clickAndWait(d.findElement(By.cssSelector("header a[href='/notifications']")));
            assertThat(d.findElement(By.cssSelector("li.notification.unread")).getText())
                    .contains("replier replied on")
                    .contains("Walk the social side");
            shot(browser, shots, "03-notifications");
            browser.clickAndWait(d.findElement(By.cssSelector("li.notification.unread button")));
            assertThat(d.findElements(By.cssSelector("li.notification.unread"))).isEmpty();
            assertThat(d.findElement(By.cssSelector("header a[href='/notifications']"))
                            .getText())
                    .isEqualTo("Notifications");
            browser.clickAndWait(d.findElement(By.cssSelector("li.notification a")));
            assertThat(browser.currentUrl()).endsWith("/stories/" + story + "#comment-" + commentId);

            browser.clickAndWait(
                    d.findElement(By.cssSelector("form[action='/comments/" + commentId + "/vote'] button")));
            assertThat(browser.currentUrl()).endsWith("/stories/" + story + "#comment-" + commentId);
            assertThat(d.findElement(By.cssSelector("#comment-" + commentId + " .points"))
                            .getText())
                    .isEqualTo("1 point");
            assertThat(d.findElement(By.cssSelector("form[action='/comments/" + commentId + "/vote'] button"))
                            .getText())
                    .isEqualTo("Unvote");
            shot(browser, shots, "04-voted");

            browser.open(site.uri("/journal"));
            browser.clickAndWait(d.findElement(By.linkText("Hot")));
            assertThat(browser.currentUrl()).endsWith("/journal?order=hot");
            assertThat(d.findElement(By.cssSelector("article.story .story-title"))
                            .getText())
                    .isEqualTo("Walk the social side");
            assertThat(d.findElement(By.cssSelector("article.story .points")).getText())
                    .isEqualTo("0 points");
            shot(browser, shots, "05-hot");
        }
    }

    private static void logIn(Browser browser, PlanetSite site, String name) {
        WebDriver d = browser.driver();
        browser.open(site.uri("/login"));
        d.findElement(By.id("username")).sendKeys(name);
        d.findElement(By.id("password")).sendKeys(JournalWebTest.PASSWORD);
        browser.clickAndWait(d.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(d.findElement(By.cssSelector("a[href='/account']")).getText())
                .isEqualTo(name);
    }

    private static void shot(Browser browser, Path shots, String name) throws IOException {
        Files.write(shots.resolve(name + ".png"), browser.driver().getScreenshotAs(OutputType.BYTES));
    }
}
