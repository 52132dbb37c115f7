package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.callisto.account.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * An administrator in headless Chromium: follows the header's Admin link, adds a subscription through the form
 * (it shows on the public subscriptions and category pages), and bans an account, which shows in the public
 * moderation log. Screenshots go to {@code target/screenshots/admin-*.png}.
 */
class AdminBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @Test
    void anAdministratorAddsAFeedAndBansAnAccountThroughThePages() throws IOException {
        Files.createDirectories(SHOTS);
        try (AdminTestSite t = new AdminTestSite("sqlite");
                Browser browser = Browser.launch()) {
            long spammer = t.account("spammer", Role.MEMBER).id();
            WebDriver d = browser.driver();
            browser.open(t.site.uri("/login"));
            d.findElement(By.id("username")).sendKeys("root");
            d.findElement(By.id("password")).sendKeys(AdminTestSite.PASSWORD);
            browser.clickAndWait(d.findElement(By.cssSelector("main form button[type=submit]")));

            browser.clickAndWait(d.findElement(By.cssSelector("header a[href='/admin']")));
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Administration");
            shot(browser, "admin-01-index");
            browser.clickAndWait(d.findElement(By.cssSelector("main a[href='/admin/subscriptions']")));
            d.findElement(By.id("feed-url")).sendKeys("https://frank.example/feed.xml");
            d.findElement(By.id("feed-name")).sendKeys("Frank's Ports Log");
            d.findElement(By.id("feed-categories")).sendKeys("FreeBSD, Ports");
            shot(browser, "admin-02-add-feed");
            browser.clickAndWait(d.findElement(By.cssSelector("form[action='/admin/subscriptions'] button")));
            assertThat(d.findElement(By.cssSelector("p.notice")).getText())
                    .startsWith("Subscribed to Frank's Ports Log");
            long frank = t.site.subscriptions
                    .feedByUrl("https://frank.example/feed.xml")
                    .orElseThrow()
                    .id();
            WebElement row = d.findElement(By.id("feed-" + frank));
            assertThat(row.getText()).contains("Frank's Ports Log").contains("Not fetched yet");
            assertThat(row.findElement(By.id("categories-" + frank)).getAttribute("value"))
                    .isEqualTo("FreeBSD, Ports");
            shot(browser, "admin-03-feed-added");

            browser.open(t.site.uri("/admin/accounts"));
            WebElement account = d.findElement(By.id("user-" + spammer));
            account.findElement(By.id("ban-reason-" + spammer)).sendKeys("posts nothing but adverts");
            shot(browser, "admin-04-accounts");
            browser.clickAndWait(account.findElement(By.cssSelector("form[action$='/ban'] button")));
            assertThat(d.findElement(By.cssSelector("p.notice")).getText())
                    .contains("spammer")
                    .contains("banned");
            assertThat(d.findElement(By.id("user-" + spammer)).getText())
                    .contains("banned")
                    .contains("Lift the ban");
            shot(browser, "admin-05-banned");

            browser.open(t.site.uri("/moderation"));
            WebElement logRow = d.findElement(By.cssSelector("table.moderation-log tbody tr"));
            assertThat(logRow.getText())
                    .contains("root")
                    .contains("banned")
                    .contains("account spammer")
                    .contains("posts nothing but adverts");
            shot(browser, "admin-06-moderation-log");
            browser.open(t.site.uri("/subscriptions"));
            assertThat(d.findElement(By.cssSelector("main")).getText()).contains("Frank's Ports Log");
            assertThat(t.site.get("/category/ports").statusCode()).isEqualTo(200);
        }
    }

    private static void shot(Browser browser, String name) throws IOException {
        byte[] png = browser.driver().getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }
}
