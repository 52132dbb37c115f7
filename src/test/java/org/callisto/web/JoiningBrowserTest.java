package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.callisto.account.Accounts;
import org.callisto.mail.TestMailServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;

/**
 * Joining in headless Chromium with a real SMTP server on loopback: the administrator invites by mail from the
 * account page; the invitee opens the link from the mail received, registers and is logged in; later forgets the
 * password, asks for a reset on the page linked from the login form, opens the mailed link, sets a new password
 * and logs in with it. On SQLite and PostgreSQL. Screenshots go to {@code target/screenshots/joining-*.png}.
 */
class JoiningBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String NEW_PASSWORD = "a fresh start, twice";

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void anInviteeJoinsByTheMailedLinkAndLaterResetsThePasswordByMail(String kind) throws IOException {
        Files.createDirectories(SHOTS);
        try (TestMailServer smtp = new TestMailServer();
                PlanetSite site = new PlanetSite(kind, smtp.settings());
                Browser browser = Browser.launch()) {
            Accounts.of(site.db, site.config, Clock.systemUTC()).createAdmin("root", JournalWebTest.PASSWORD);
            WebDriver d = browser.driver();
            browser.open(site.uri("/login"));
            d.findElement(By.id("username")).sendKeys("root");
            d.findElement(By.id("password")).sendKeys(JournalWebTest.PASSWORD);
            browser.clickAndWait(d.findElement(By.cssSelector("main form button[type=submit]")));

            browser.clickAndWait(d.findElement(By.cssSelector("header a[href='/account']")));
            d.findElement(By.id("invite-email")).sendKeys("walker@example.org");
            shot(browser, "joining-01-invite");
            browser.clickAndWait(d.findElement(By.cssSelector("form[action='/account/invitations'] button")));
            assertThat(d.findElement(By.cssSelector("p.notice")).getText())
                    .contains("An invitation was mailed to walker@example.org");
            browser.clickAndWait(d.findElement(By.cssSelector("header form[action='/logout'] button")));

            MimeMessage invitation = smtp.await("walker@example.org", 1);
            browser.open(site.uri(TestMailServer.pathOf(TestMailServer.link(invitation, "/register?invitation="))));
            assertThat(d.findElement(By.id("email")).getAttribute("value")).isEqualTo("walker@example.org");
            assertThat(d.findElement(By.id("invitation")).getAttribute("value")).isNotBlank();
            d.findElement(By.id("username")).sendKeys("walker");
            d.findElement(By.id("password")).sendKeys(JournalWebTest.PASSWORD);
            d.findElement(By.id("password2")).sendKeys(JournalWebTest.PASSWORD);
            shot(browser, "joining-02-register");
            browser.clickAndWait(d.findElement(By.cssSelector("main form[action='/register'] button")));
            assertThat(browser.currentUrl()).contains("/account?welcome=1");
            assertThat(d.findElement(By.cssSelector("header a[href='/account']"))
                            .getText())
                    .isEqualTo("walker");
            assertThat(d.findElement(By.cssSelector("p.mail-state")).getText())
                    .contains("walker@example.org is confirmed");
            shot(browser, "joining-03-logged-in");
            browser.clickAndWait(d.findElement(By.cssSelector("header form[action='/logout'] button")));

            browser.open(site.uri("/login"));
            browser.clickAndWait(d.findElement(By.cssSelector("main a[href='/account/reset']")));
            d.findElement(By.id("email")).sendKeys("walker@example.org");
            browser.clickAndWait(d.findElement(By.cssSelector("main form[action='/account/reset'] button")));
            assertThat(d.findElement(By.cssSelector("p.notice")).getText())
                    .contains("If an account has the address walker@example.org");
            shot(browser, "joining-04-reset-asked");

            MimeMessage reset = smtp.await("walker@example.org", 2);
            browser.open(site.uri(TestMailServer.pathOf(TestMailServer.link(reset, "/account/reset/"))));
            d.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
            d.findElement(By.id("password2")).sendKeys(NEW_PASSWORD);
            shot(browser, "joining-05-new-password");
            browser.clickAndWait(d.findElement(By.cssSelector("main form button[type=submit]")));
            assertThat(browser.currentUrl()).contains("/login?reset=walker");
            assertThat(d.findElement(By.cssSelector("p.notice")).getText()).contains("Your password is set");
            assertThat(d.findElement(By.id("username")).getAttribute("value")).isEqualTo("walker");
            d.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
            browser.clickAndWait(d.findElement(By.cssSelector("main form button[type=submit]")));
            assertThat(browser.currentUrl()).endsWith("/journal");
            assertThat(d.findElement(By.cssSelector("header a[href='/account']"))
                            .getText())
                    .isEqualTo("walker");
            shot(browser, "joining-06-logged-in-again");
        }
    }

    private static void shot(Browser browser, String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), browser.driver().getScreenshotAs(OutputType.BYTES));
    }
}
