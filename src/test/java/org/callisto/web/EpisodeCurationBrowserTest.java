package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.callisto.show.FeedbackStatus;
import org.callisto.show.FeedbackStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Curation in headless Chromium: a listener sends a question through the form, an editor logs in, searches on
 * episode 2's editing page, adds a planet entry to Headlines and the question to Feedback/Questions with one button
 * each, and the episode page shows both with their sources. Screenshots go to {@code target/screenshots/}.
 */
class EpisodeCurationBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    @Test
    void anEditorSearchesAndAddsAPlanetEntryAndAFeedbackItem() throws IOException {
        Files.createDirectories(SHOTS);
        try (ShowEditing f = new ShowEditing("sqlite", dir);
                Browser browser = Browser.launch()) {
            WebDriver d = browser.driver();
            browser.open(f.site.uri("/feedback"));
            d.findElement(By.id("name")).sendKeys("Priya");
            d.findElement(By.id("email")).sendKeys("priya@listener.example");
            d.findElement(By.id("subject")).sendKeys("Does Graphite build on arm64?");
            d.findElement(By.id("message")).sendKeys("I tried on a Raspberry Pi.\n\nIt ran out of memory.");
            shot(browser, "curation-01-feedback-form");
            browser.clickAndWait(d.findElement(By.cssSelector("main form button[type=submit]")));
            assertThat(d.findElement(By.cssSelector("main h1")).getText()).isEqualTo("Thank you for your feedback");
            long feedbackId = new FeedbackStore(f.site.db)
                    .withStatus(FeedbackStatus.NEW, 10)
                    .getFirst()
                    .id();

            browser.open(f.site.uri("/login"));
            d.findElement(By.id("username")).sendKeys("editor1");
            d.findElement(By.id("password")).sendKeys(JournalWebTest.PASSWORD);
            browser.clickAndWait(d.findElement(By.cssSelector("main form button[type=submit]")));
            browser.open(f.site.uri("/editor/episodes/2"));
            d.findElement(By.id("q")).sendKeys("graphite");
            browser.clickAndWait(d.findElement(By.cssSelector("form.curate-search button")));
            long entryId = f.site.entries.river(0, 100).stream()
                    .filter(x -> "Upgrading Graphite".equals(x.title()))
                    .findFirst()
                    .orElseThrow()
                    .id();
            WebElement planet = d.findElement(By.id("result-planet-" + entryId));
            assertThat(planet.getText()).contains("Upgrading Graphite").contains("Alice Liddell");
            shot(browser, "curation-02-search-results");
            browser.clickAndWait(button(planet, "Add to Headlines"));
            assertThat(browser.currentUrl()).contains("/editor/episodes/2?q=graphite");

            WebElement question = d.findElement(By.id("result-feedback-" + feedbackId));
            assertThat(question.getText())
                    .contains("Does Graphite build on arm64?")
                    .contains("Priya")
                    .doesNotContain("priya@listener.example");
            browser.clickAndWait(button(question, "Add to Feedback/Questions"));
            assertThat(d.findElement(By.id("result-feedback-" + feedbackId)).getText())
                    .contains("already used in episode 2");
            String notes = d.findElement(By.cssSelector("section[aria-labelledby=notes-heading]"))
                    .getText();
            assertThat(notes)
                    .contains("Curated from planet " + entryId)
                    .contains("Curated from feedback " + feedbackId);
            browser.script("document.getElementById('notes-heading').scrollIntoView();");
            shot(browser, "curation-03-editor-notes");

            browser.open(f.site.uri("/episodes/2"));
            WebElement headlines =
                    d.findElements(By.cssSelector("section.notes")).getFirst();
            assertThat(headlines.getText())
                    .startsWith("Headlines")
                    .contains("Upgrading Graphite")
                    .contains("via planet: Alice Liddell");
            assertThat(headlines
                            .findElement(By.linkText("via planet: Alice Liddell"))
                            .getAttribute("href"))
                    .endsWith("/entries/" + entryId);
            WebElement feedback =
                    d.findElements(By.cssSelector("section.notes")).getLast();
            assertThat(feedback.getText())
                    .startsWith("Feedback/Questions")
                    .contains("Does Graphite build on arm64?")
                    .contains("listener feedback")
                    .contains("Priya: I tried on a Raspberry Pi.")
                    .doesNotContain("priya@listener.example");
            browser.script("document.querySelector('section.notes').scrollIntoView();");
            shot(browser, "curation-04-episode-page");
        }
    }

    private static WebElement button(WebElement result, String label) {
        return result.findElements(By.cssSelector("button")).stream()
                .filter(b -> b.getText().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label + " in " + result.getText()));
    }

    private static void shot(Browser browser, String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), browser.driver().getScreenshotAs(OutputType.BYTES));
    }
}
