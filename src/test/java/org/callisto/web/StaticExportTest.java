package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.callisto.planet.EntryDetails;
import org.callisto.planet.EntryRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * {@code callisto export} on a real site: every public page, feed and the stylesheet are written where a plain web
 * server finds them, paging links are rewritten, Chromium reads the exported site from a plain JDK file server with
 * working links and styles, Python feedparser reads the exported feeds, and a second export writes only what
 * changed and removes what went.
 */
class StaticExportTest {

    @Test
    void exportsThePublicSiteAsFilesAPlainServerServesIncrementally(@TempDir Path dir) throws Exception {
        try (PlanetSite site = new PlanetSite("sqlite")) {
            StaticExport export = new StaticExport(site.uri("/"), site.config.siteUrl(), 10_000);
            StaticExport.Report first = export.export(dir);
            assertThat(first.problems()).isEmpty();
            assertThat(first.written()).isEqualTo(first.files());
            assertThat(dir.resolve("index.html")).exists();
            assertThat(dir.resolve("atom.xml")).exists();
            assertThat(dir.resolve("opml.xml")).exists();
            assertThat(dir.resolve("category/freebsd/index.html")).exists();
            assertThat(dir.resolve("feeds/" + site.alice.id() + "/index.html")).exists();
            assertThat(dir.resolve("journal/index.html")).exists();
            assertThat(dir).isDirectoryRecursivelyContaining("glob:**/entries/*/index.html");
            assertThat(dir).isDirectoryNotContaining("glob:**/login*");
            assertThat(dir.resolve("admin")).doesNotExist();
            String front = Files.readString(dir.resolve("index.html"));
            assertThat(front).doesNotContainPattern("href=\"/\\?(before|after|page)=");
            assertThat(front).containsPattern("href=\"/q/(before|page)-[^\"]+/\"");

            // a plain file server and a real browser: the river, its next page, a category and an entry
            HttpServer files = SimpleFileServer.createFileServer(
                    new InetSocketAddress("127.0.0.1", 0), dir.toAbsolutePath(), SimpleFileServer.OutputLevel.NONE);
            files.start();
            try (Browser browser = Browser.launch()) {
                URI root = URI.create("http://127.0.0.1:" + files.getAddress().getPort() + "/");
                browser.open(root);
                assertThat(browser.driver().getTitle()).contains("Test Planet");
                Object styled = browser.script(
                        "return getComputedStyle(document.body).fontFamily !== '' && document.styleSheets.length > 0"
                                + " && document.styleSheets[0].cssRules.length > 0");
                assertThat(styled).as("the stylesheet loads from the export").isEqualTo(true);
                browser.clickAndWait(browser.driver().findElement(By.cssSelector("a[rel=next]")));
                assertThat(browser.currentUrl()).contains("/q/");
                assertThat(browser.driver().findElement(By.tagName("main")).getText())
                        .contains("Kernel note");
                browser.open(root.resolve("category/freebsd/"));
                browser.clickAndWait(browser.driver().findElement(By.cssSelector("a[href^='/entries/']")));
                assertThat(browser.currentUrl()).contains("/entries/");
                assertThat(browser.driver().findElement(By.tagName("pre")).getText())
                        .contains("pkg install graphite");
            } finally {
                files.stop(0);
            }

            // Python feedparser reads the exported feeds
            for (String feed : List.of("atom.xml", "rss.xml", "category/freebsd/atom.xml")) {
                // Debian's python3, where python3-feedparser is installed (another python3 may come first on PATH)
                Process p = new ProcessBuilder(
                                Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3",
                                "-c",
                                "import feedparser,sys; d=feedparser.parse(sys.argv[1]);"
                                        + " print(len(d.entries), int(bool(d.bozo)))",
                                dir.resolve(feed).toString())
                        .redirectErrorStream(true)
                        .start();
                String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                assertThat(p.waitFor()).as(answer).isZero();
                assertThat(answer).as(feed).matches("[1-9][0-9]* 0");
            }

            // again: nothing changed, nothing written but pages that show the time since the last fetch
            StaticExport.Report second = export.export(dir);
            assertThat(second.files()).isEqualTo(first.files());
            assertThat(second.written()).as("rewritten: %s", second.changed()).isLessThanOrEqualTo(1);
            assertThat(second.unchanged()).isGreaterThanOrEqualTo(first.files() - 1);

            // a new entry rewrites some files; a removed feed's pages go
            site.entries.storeEntries(
                    site.alice.id(),
                    List.of(new EntryRow(
                            "a9",
                            "a9",
                            "https://alice.example/a9",
                            "Fresh post",
                            null,
                            null,
                            "<p>new</p>",
                            List.of(),
                            null,
                            null,
                            -1,
                            null,
                            Instant.now(),
                            null,
                            "h-a9",
                            EntryDetails.NONE,
                            null)),
                    Instant.now());
            site.subscriptions.removeFeed(site.bob.id());
            Thread.sleep(2 * PlanetSite.CHANGE_CHECK.toMillis() + 100);
            StaticExport.Report third = export.export(dir);
            assertThat(third.written()).isPositive().isLessThan(third.files());
            assertThat(third.removed()).isPositive();
            assertThat(dir.resolve("feeds/" + site.bob.id() + "/index.html")).doesNotExist();
            assertThat(Files.readString(dir.resolve("index.html"))).contains("Fresh post");
        }
    }

    @Test
    void onlyPathsOfTheSiteWithPagingParametersAreFollowed() {
        StaticExport export =
                new StaticExport(URI.create("http://127.0.0.1:9/"), URI.create("https://planet.example.org/"), 10);
        assertThat(export.siteTarget("/category/freebsd")).isEqualTo("/category/freebsd");
        assertThat(export.siteTarget("https://planet.example.org/atom.xml")).isEqualTo("/atom.xml");
        assertThat(export.siteTarget("/?page=2&before=1700000000000~12")).isEqualTo("/?before=1700000000000~12&page=2");
        assertThat(export.siteTarget("/entries/4#comments")).isEqualTo("/entries/4");
        assertThat(export.siteTarget("https://elsewhere.example/")).isNull();
        assertThat(export.siteTarget("//evil.example/x")).isNull();
        assertThat(export.siteTarget("/search?q=bsd")).isNull();
        assertThat(export.siteTarget("/login?next=/")).isNull();
        assertThat(export.siteTarget("/media/ep1.mp3")).isNull();
        assertThat(export.siteTarget("/?q=<script>")).isNull();
        assertThat(export.siteTarget("/../../etc/passwd")).isNull();
        assertThat(StaticExport.fileFor("/", true)).isEqualTo("index.html");
        assertThat(StaticExport.fileFor("/category/freebsd", true)).isEqualTo("category/freebsd/index.html");
        assertThat(StaticExport.fileFor("/atom.xml", false)).isEqualTo("atom.xml");
        assertThat(StaticExport.fileFor("/category/x?before=1~2", true))
                .isEqualTo("category/x/q/before-1~2/index.html");
    }
}
