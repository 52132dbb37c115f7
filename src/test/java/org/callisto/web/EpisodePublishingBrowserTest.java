package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.callisto.app.demo.DemoMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Publishing from the browser in headless Chromium, with no script on the page: an editor uploads a real MP3 and
 * JSON chapters through the episode editor's form, sees an oversized and a wrong-type file refused in words,
 * schedules, unpublishes and publishes the episode, deletes another after confirming; a reader sees the chapter list
 * linking into the player, the discussion link, and the embeddable player framed by another page.
 */
class EpisodePublishingBrowserTest {
    @TempDir
    Path dir;

    @Test
    void anEditorPublishesAnEpisodeFromTheBrowser() throws Exception {
        Path files = Files.createDirectories(dir.resolve("upload"));
        Path mp3 = Files.write(files.resolve("episode-two.mp3"), DemoMedia.silentMp3(4, 128));
        Path big = Files.write(files.resolve("too-long.mp3"), DemoMedia.silentMp3(30, 128));
        Path words = Files.writeString(files.resolve("words.mp3"), "no audio here\n".repeat(40));
        Path chapters = Files.writeString(
                files.resolve("chapters.json"),
                "{\"version\": \"1.2.0\", \"chapters\": [{\"startTime\": 0, \"title\": \"Welcome\"},"
                        + " {\"startTime\": 2, \"title\": \"Headlines\"}]}",
                StandardCharsets.UTF_8);
        try (ShowEditing f = new ShowEditing("sqlite", dir, Map.of("show.upload_max_size", "100KiB"));
                Browser browser = Browser.launch()) {
            WebDriver d = browser.driver();
            browser.open(f.site.uri("/login"));
            d.findElement(By.id("username")).sendKeys("editor1");
            d.findElement(By.id("password")).sendKeys(JournalWebTest.PASSWORD);
            browser.clickAndWait(d.findElement(By.cssSelector("main form button[type=submit]")));

            upload(browser, f, "mp3", mp3);
            assertThat(notice(d)).startsWith("MP3 audio episode-two.mp3 added: 0:04, 128 kbit/s");
            assertThat(d.findElement(By.cssSelector("ul.episode-files")).getText())
                    .contains("MP3 audio: episodes/2/episode-two.mp3");

            upload(browser, f, "mp3", big);
            assertThat(refusal(d)).contains("larger than the 102400 bytes (100.0 KiB) an upload may have");
            upload(browser, f, "mp3", words);
            assertThat(refusal(d)).contains("the file is not usable media");
            upload(browser, f, "chapters", chapters);
            assertThat(notice(d)).isEqualTo("Chapters chapters.json saved.");

            d.findElement(By.id("schedule-at")).clear();
            d.findElement(By.id("schedule-at")).sendKeys("2999-06-01T18:00");
            browser.clickAndWait(d.findElement(By.cssSelector("form.schedule button")));
            assertThat(d.findElement(By.cssSelector(".publication-status")).getText())
                    .startsWith("Scheduled for");
            browser.clickAndWait(button(d, "Unpublish"));
            assertThat(d.findElement(By.cssSelector(".publication-status")).getText())
                    .startsWith("Unpublished");
            browser.clickAndWait(button(d, "Publish now"));
            assertThat(d.findElement(By.cssSelector(".publication-status")).getText())
                    .startsWith("Published on");

            browser.open(f.site.uri("/episodes/2"));
            var links = d.findElements(By.cssSelector("section.chapters a.chapter-start"));
            assertThat(links).hasSize(2);
            assertThat(links.get(1).getAttribute("href")).endsWith("/media/episodes/2/episode-two.mp3#t=2");
            assertThat(d.findElement(By.cssSelector("section.chapters")).getText())
                    .contains("0:02 Headlines");
            assertThat(d.findElement(By.linkText("Discuss this episode")).getAttribute("href"))
                    .matches(".*/stories/[0-9]+");
            assertThat(d.findElement(By.linkText("Overcast")).getAttribute("href"))
                    .startsWith("overcast://x-callback-url/add?url=");

            // another site frames the embeddable player; this page's own CSP would forbid framing it
            browser.open(f.site.uri("/episodes/2/embed"));
            assertThat(d.findElement(By.cssSelector("audio source")).getAttribute("src"))
                    .endsWith("/media/episodes/2/episode-two.mp3");
            com.sun.net.httpserver.HttpServer other =
                    com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            byte[] framing = ("<!DOCTYPE html><title>Another site</title><iframe id=\"x\" src=\""
                            + f.site.uri("/episodes/1/embed") + "\"></iframe>")
                    .getBytes(StandardCharsets.UTF_8);
            other.createContext("/", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, framing.length);
                exchange.getResponseBody().write(framing);
                exchange.close();
            });
            other.start();
            try {
                d.get("http://127.0.0.1:" + other.getAddress().getPort() + "/");
                d.switchTo().frame("x");
                new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(20))
                        .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector(".embed-title")));
                assertThat(d.findElement(By.cssSelector(".embed-title")).getText())
                        .startsWith("1:");
            } finally {
                other.stop(0);
            }
            d.switchTo().defaultContent();

            browser.open(f.site.uri("/editor/episodes/1"));
            browser.clickAndWait(d.findElement(By.linkText("Delete this episode…")));
            d.findElement(By.id("reason")).sendKeys("a test recording");
            browser.clickAndWait(d.findElement(By.cssSelector("form.delete-episode button")));
            assertThat(browser.currentUrl()).endsWith("/editor/episodes");
            browser.open(f.site.uri("/moderation"));
            assertThat(d.findElement(By.tagName("main")).getText())
                    .contains("episode 1")
                    .contains("a test recording");
        }
    }

    private static void upload(Browser browser, ShowEditing f, String kind, Path file) {
        WebDriver d = browser.driver();
        browser.open(f.site.uri("/editor/episodes/2"));
        new Select(d.findElement(By.id("upload-kind"))).selectByValue(kind);
        d.findElement(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
        browser.clickAndWait(d.findElement(By.cssSelector("form.upload button")));
    }

    private static String notice(WebDriver d) {
        return d.findElement(By.cssSelector("#publishing .notice")).getText();
    }

    private static String refusal(WebDriver d) {
        return d.findElement(By.cssSelector(".refusal")).getText();
    }

    private static org.openqa.selenium.WebElement button(WebDriver d, String label) {
        return d.findElements(By.cssSelector("#publishing button")).stream()
                .filter(b -> b.getText().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label));
    }
}
