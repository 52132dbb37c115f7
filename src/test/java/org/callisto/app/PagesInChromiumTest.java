package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callisto.account.Role;
import org.callisto.app.demo.DemoJournal;
import org.callisto.journal.Story;
import org.callisto.planet.Entry;
import org.callisto.planet.Feed;
import org.callisto.web.Axe;
import org.callisto.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Every page type of the demo site in the real Chromium, as an anonymous reader, a demo editor and an administrator:
 * axe-core finds no violation in light and dark colour schemes, at a desktop's and a phone's width; the site's
 * navigation, a form and its submission work by keyboard alone, with a visible focus; and each page is photographed
 * at 390, 768 and 1280 px (light, and dark at 390 and 1280) into {@code target/screenshots/}, to be looked at.
 *
 * <p>The demo gets 47 more subscriptions (52 in all), so the subscriptions page is tried at its real size.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesInChromiumTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    static final String ADMIN = "root";
    static final String ADMIN_PASSWORD = "correct horse battery admin";

    @TempDir
    Path data;

    DemoCommand.Demo demo;

    @BeforeAll
    void startDemo() throws IOException {
        demo = DemoCommand.Demo.start(data, Map.of("server.port", "0", "site.logo", "/media/demo/artwork.png"));
        demo.callisto().accounts().demoAccount(ADMIN, ADMIN_PASSWORD, Role.ADMIN);
        for (int i = 1; i <= 47; i++) {
            demo.callisto()
                    .subscriptions()
                    .addFeed(
                            "https://blog" + i + ".example.org/a/rather/long/path/to/the/feed.xml",
                            "Member Number " + i,
                            i % 3 == 0 ? List.of("FreeBSD", "Community") : List.of("Linux"));
        }
        Feed first = demo.callisto().subscriptions().feeds().getFirst();
        demo.callisto().subscriptions().setFace(first.id(), url("/media/demo/artwork.png"));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    void stopDemo() {
        if (demo != null) {
            demo.close();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + demo.web().port() + path;
    }

    /** The pages every reader sees, by name. */
    Map<String, String> publicPages() {
        Entry entry = demo.callisto().entries().river(0, 1).getFirst();
        ZonedDateTime day = entry.publishedAt().atZone(ZoneOffset.UTC);
        Story story = demo.journal().published().getFirst();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("river", "/");
        pages.put("category", "/category/freebsd");
        pages.put("feed", "/feeds/" + entry.feedId());
        pages.put("entry", "/entries/" + entry.id());
        pages.put("archive", "/archive");
        pages.put("archive-month", String.format("/archive/%d/%02d", day.getYear(), day.getMonthValue()));
        pages.put(
                "archive-day",
                String.format("/archive/%d/%02d/%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth()));
        pages.put("subscriptions", "/subscriptions");
        pages.put("journal", "/journal");
        pages.put("story", "/stories/" + story.id());
        pages.put("moderation", "/moderation");
        pages.put("episodes", "/episodes");
        pages.put("episode", "/episodes/2");
        pages.put("feedback", "/feedback");
        pages.put("not-found", "/feeds/999999");
        return pages;
    }

    @Test
    void everyPageTypeHasNoAxeViolationLightAndDarkLoggedInAndOut() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Browser browser = Browser.launch()) {
            Map<String, String> anonymous = new LinkedHashMap<>(publicPages());
            anonymous.put("login", "/login");
            anonymous.put("register", "/register");
            check(browser, "anonymous", anonymous, problems);
            assertThat(browser.script("return document.querySelector('.site-title img.logo').naturalWidth"))
                    .as("the site.logo image loaded")
                    .isNotEqualTo(0L);

            logIn(browser, DemoJournal.EDITOR, demo.journal().password());
            Map<String, String> editor = new LinkedHashMap<>();
            editor.put("river", "/");
            editor.put(
                    "story", "/stories/" + demo.journal().published().getFirst().id());
            editor.put("submit", "/submit");
            editor.put("editor-queue", "/editor/queue");
            editor.put(
                    "editor-edit", "/editor/queue/" + demo.journal().pending().id() + "/edit");
            editor.put("editor-episodes", "/editor/episodes");
            editor.put("editor-episode", "/editor/episodes/2");
            editor.put("editor-feedback", "/editor/feedback");
            editor.put("editor-downloads", "/editor/downloads");
            editor.put("account", "/account");
            editor.put("password", "/account/password");
            check(browser, "editor", editor, problems);
            logOut(browser);

            logIn(browser, ADMIN, ADMIN_PASSWORD);
            Map<String, String> admin = new LinkedHashMap<>();
            admin.put("admin", "/admin");
            admin.put("admin-subscriptions", "/admin/subscriptions");
            admin.put("admin-accounts", "/admin/accounts");
            check(browser, "admin", admin, problems);
        }
        assertThat(problems).as("axe-core violations").isEmpty();
    }

    /** Opens each page, checks it with axe-core in light and dark at 1280 and 390 px, and photographs it. */
    private void check(Browser browser, String who, Map<String, String> pages, List<String> problems)
            throws IOException {
        Axe axe = new Axe(browser);
        for (Map.Entry<String, String> page : pages.entrySet()) {
            browser.open(URI.create(url(page.getValue())));
            String name = who + "-" + page.getKey();
            for (String scheme : List.of("light", "dark")) {
                Axe.colourScheme(browser, scheme);
                for (int width : List.of(1280, 768, 390)) {
                    if (scheme.equals("dark") && width == 768) {
                        continue;
                    }
                    viewport(browser, width);
                    if (width == 1280 || scheme.equals("light") && width == 390) {
                        for (String v : axe.violations()) {
                            problems.add(name + " " + scheme + " " + width + "px: " + v);
                        }
                    }
                    screenshot(browser, name + "-" + width + "-" + scheme);
                }
            }
        }
        viewport(browser, 1280);
        Axe.colourScheme(browser, "light");
    }

    private static void viewport(Browser browser, int width) {
        browser.driver()
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 500));
    }

    /** The whole page (up to 5,000 px high) as a PNG. */
    private static void screenshot(Browser browser, String name) throws IOException {
        Object height = browser.script("return document.documentElement.scrollHeight");
        int h = Math.min(5000, ((Number) height).intValue());
        int w = ((Number) browser.script("return window.innerWidth")).intValue();
        Map<String, Object> shot = browser.driver()
                .executeCdpCommand(
                        "Page.captureScreenshot",
                        Map.of(
                                "format",
                                "png",
                                "captureBeyondViewport",
                                true,
                                "clip",
                                Map.of("x", 0, "y", 0, "width", w, "height", h, "scale", 1)));
        Files.write(SHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    @Test
    void theHeaderNavigationAndTheLoginFormWorkByKeyboardAloneWithAVisibleFocus() {
        try (Browser browser = Browser.launch()) {
            WebDriver d = browser.driver();
            browser.open(URI.create(url("/")));
            // Tab from the top of the page to the header's "Journal" link, checking each focus is visible.
            List<String> visited = new ArrayList<>();
            WebElement focused = null;
            for (int i = 0; i < 15; i++) {
                new Actions(d).sendKeys(Keys.TAB).perform();
                focused = d.switchTo().activeElement();
                visited.add(focused.getText());
                assertThat(focusRing(browser))
                        .as("focus ring of %s", focused.getText())
                        .isTrue();
                if ("Journal".equals(focused.getText())) {
                    break;
                }
            }
            assertThat(visited.getFirst()).isEqualTo("Skip to content");
            assertThat(focused.getText()).as("tabbed through %s", visited).isEqualTo("Journal");
            new Actions(d).sendKeys(Keys.ENTER).perform();
            waitFor(browser, "/journal");
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Journal");

            // The login form: Tab into it from its heading, type, Tab, type, Enter.
            browser.open(URI.create(url("/login")));
            browser.script("document.querySelector('main h1').setAttribute('tabindex', '-1');"
                    + " document.querySelector('main h1').focus()");
            new Actions(d).sendKeys(Keys.TAB).perform();
            assertThat(d.switchTo().activeElement().getAttribute("id")).isEqualTo("username");
            assertThat(focusRing(browser))
                    .as("focus ring of the username field")
                    .isTrue();
            new Actions(d)
                    .sendKeys(ADMIN)
                    .sendKeys(Keys.TAB)
                    .sendKeys(ADMIN_PASSWORD)
                    .sendKeys(Keys.ENTER)
                    .perform();
            new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(20))
                    .until(x -> !URI.create(browser.currentUrl()).getPath().equals("/login"));
            assertThat(d.findElement(By.cssSelector(".account-nav")).getText()).contains(ADMIN);
        }
    }

    /** Whether the focused element shows an outline at least 2 px wide. */
    private static boolean focusRing(Browser browser) {
        Object ok = browser.script("const s = getComputedStyle(document.activeElement);"
                + " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;");
        return Boolean.TRUE.equals(ok);
    }

    private void waitFor(Browser browser, String path) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .until(x -> URI.create(browser.currentUrl()).getPath().equals(path)
                        && "complete".equals(browser.script("return document.readyState")));
    }

    private void logIn(Browser browser, String user, String password) {
        WebDriver d = browser.driver();
        browser.open(URI.create(url("/login")));
        d.findElement(By.id("username")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(password);
        browser.clickAndWait(d.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(d.findElement(By.cssSelector(".account-nav")).getText()).contains(user);
    }

    private void logOut(Browser browser) {
        browser.clickAndWait(browser.driver().findElement(By.cssSelector(".account-nav form button")));
    }
}
