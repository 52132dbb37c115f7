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
import org.openqa.selenium.WebElement;

/**
 * One walk through the journal in headless Chromium, with no JavaScript of ours: register, log in, submit a story
 * whose HTML has a problem (the problem shows with its place, the story does not), fix it, an editor accepts it,
 * and it is on the journal. Runs on SQLite and on PostgreSQL. Screenshots of each step go to
 * {@code target/screenshots/KIND/}.
 */
class JournalBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void registerSubmitFixAcceptAndRead(String kind) throws IOException {
        Path shots = SHOTS.resolve(kind);
        Files.createDirectories(shots);
        try (PlanetSite site = new PlanetSite(kind, Map.of("journal.registration", "open"));
                Browser browser = Browser.launch()) {
            Accounts.of(site.db, site.config, Clock.systemUTC()).createAdmin("editor1", JournalWebTest.PASSWORD);
            WebDriver d = browser.driver();

            browser.open(site.uri("/register"));
            d.findElement(By.id("username")).sendKeys("walker");
            d.findElement(By.id("password")).sendKeys(JournalWebTest.PASSWORD);
            d.findElement(By.id("password2")).sendKeys(JournalWebTest.PASSWORD);
            shot(browser, shots, "01-register");
            browser.clickAndWait(d.findElement(By.cssSelector("main form button[type=submit]")));
            assertThat(browser.currentUrl()).as("registration ends logged in").contains("/account?welcome=1");
            shot(browser, shots, "02-registered");
            browser.open(site.uri("/journal"));
            assertThat(d.findElement(By.cssSelector("a[href='/account']")).getText())
                    .isEqualTo("walker");

            browser.open(site.uri("/submit"));
            d.findElement(By.id("title")).sendKeys("Chromium walks the journal");
            d.findElement(By.id("dept")).sendKeys("browser testing");
            d.findElement(By.id("intro")).sendKeys("<p>An intro that is fine.</p>");
            d.findElement(By.id("body")).sendKeys("<p>First line.</p>\n<p>Second <b>bold-marker</p>");
            browser.clickAndWait(d.findElement(By.cssSelector("button[value=submit]")));
            assertThat(d.findElement(By.id("preview-heading")).getText()).isEqualTo("Problems to fix");
            assertThat(d.findElement(By.cssSelector("ol.problems li")).getText())
                    .startsWith("2:");
            assertThat(d.findElements(By.cssSelector("main mark"))).isNotEmpty();
            assertThat(d.findElements(By.cssSelector("main b")))
                    .as("nothing of the body is rendered")
                    .isEmpty();
            assertThat(d.findElements(By.cssSelector(".story-body, .story-intro")))
                    .isEmpty();
            assertThat(d.findElement(By.cssSelector(".validation-report pre")).getText())
                    .contains("<b>bold-marker");
            shot(browser, shots, "03-submission-with-problems");

            WebElement body = d.findElement(By.id("body"));
            body.clear();
            body.sendKeys("<p>First line.</p>\n<p>Second <b>bold-marker</b></p>");
            browser.clickAndWait(d.findElement(By.cssSelector("button[value=submit]")));
            assertThat(browser.currentUrl()).matches(".*/stories/[0-9]+$");
            String storyUrl = browser.currentUrl();
            assertThat(d.findElement(By.cssSelector("main")).getText()).contains("waiting for an editor");
            shot(browser, shots, "04-submitted");

            browser.clickAndWait(d.findElement(By.cssSelector("header form[action='/logout'] button")));
            browser.open(site.uri("/login"));
            d.findElement(By.id("username")).sendKeys("editor1");
            d.findElement(By.id("password")).sendKeys(JournalWebTest.PASSWORD);
            browser.clickAndWait(d.findElement(By.cssSelector("main form button[type=submit]")));
            browser.open(site.uri("/editor/queue"));
            assertThat(d.findElement(By.cssSelector("main")).getText()).contains("Chromium walks the journal");
            shot(browser, shots, "05-editor-queue");
            browser.clickAndWait(d.findElement(By.cssSelector("button[value=accept]")));
            assertThat(d.findElement(By.cssSelector("main")).getText()).contains("No story is waiting");

            browser.open(site.uri("/journal"));
            WebElement story = d.findElement(By.cssSelector("article.story"));
            assertThat(story.getText())
                    .contains("Chromium walks the journal")
                    .contains("An intro that is fine.")
                    .contains("from the browser testing dept.")
                    .doesNotContain("bold-marker");
            shot(browser, shots, "06-journal");
            browser.clickAndWait(story.findElement(By.cssSelector(".read-more a")));
            assertThat(browser.currentUrl()).isEqualTo(storyUrl);
            assertThat(d.findElement(By.cssSelector(".story-body b")).getText()).isEqualTo("bold-marker");
            shot(browser, shots, "07-story");

            // a member comments and another replies; an editor hides the comment and the log says so
            browser.clickAndWait(d.findElement(By.cssSelector("header form[action='/logout'] button")));
            logIn(browser, site, "walker");
            browser.open(java.net.URI.create(storyUrl));
            d.findElement(By.id("comment-text")).sendKeys("A first comment from walker");
            browser.clickAndWait(d.findElement(By.cssSelector(".comment-form button[type=submit]")));
            assertThat(browser.currentUrl()).matches(".*/stories/[0-9]+#comment-[0-9]+$");
            String commentId = browser.currentUrl().replaceFirst(".*#comment-", "");
            WebElement comment = d.findElement(By.id("comment-" + commentId));
            assertThat(comment.getText())
                    .contains("A first comment from walker")
                    .contains("walker");
            browser.script("document.getElementById('comments').scrollIntoView();");
            shot(browser, shots, "08-comment");
            browser.clickAndWait(comment.findElement(By.cssSelector("a.reply-link")));
            assertThat(browser.currentUrl()).endsWith("?reply=" + commentId + "#reply-" + commentId);
            assertThat(d.findElements(By.cssSelector("textarea[id^=reply-]")))
                    .as("one reply form on the page")
                    .hasSize(1);
            d.findElement(By.id("reply-" + commentId)).sendKeys("A reply, nested under the comment");
            browser.clickAndWait(
                    d.findElement(By.cssSelector("#comment-" + commentId + " details form button[type=submit]")));
            assertThat(d.findElement(By.cssSelector("#comment-" + commentId + " ol.comment-list li"))
                            .getText())
                    .contains("A reply, nested under the comment");
            browser.script("document.getElementById('comments').scrollIntoView();");
            shot(browser, shots, "09-reply");

            browser.clickAndWait(d.findElement(By.cssSelector("header form[action='/logout'] button")));
            logIn(browser, site, "editor1");
            browser.open(java.net.URI.create(storyUrl));
            d.findElement(By.cssSelector("#comment-" + commentId + " > article > .comment-actions > details.moderate"
                            + " > summary"))
                    .click();
            d.findElement(By.id("hide-" + commentId)).sendKeys("Testing the moderation log");
            browser.clickAndWait(
                    d.findElement(By.cssSelector("form[action='/comments/" + commentId + "/hide'] button")));
            assertThat(d.findElement(By.id("comment-" + commentId)).getText()).contains("[hidden by a moderator]");
            browser.script("document.getElementById('comments').scrollIntoView();");
            shot(browser, shots, "10-hidden-editor-view");
            browser.open(site.uri("/moderation"));
            WebElement row = d.findElement(By.cssSelector("table.moderation-log tbody tr"));
            assertThat(row.getText())
                    .contains("editor1")
                    .contains("hid")
                    .contains("comment " + commentId)
                    .contains("Testing the moderation log");
            shot(browser, shots, "11-moderation-log");
            browser.clickAndWait(d.findElement(By.cssSelector("header form[action='/logout'] button")));
            browser.open(java.net.URI.create(storyUrl));
            assertThat(d.findElement(By.id("comment-" + commentId)).getText())
                    .contains("[hidden by a moderator]")
                    .doesNotContain("A first comment from walker");
            assertThat(d.findElement(By.id("comments")).getText()).contains("A reply, nested under the comment");
            browser.script("document.getElementById('comments').scrollIntoView();");
            shot(browser, shots, "12-hidden-reader-view");
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
        byte[] png = browser.driver().getScreenshotAs(OutputType.BYTES);
        Files.write(shots.resolve(name + ".png"), png);
    }
}
