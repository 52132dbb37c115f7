package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.callisto.account.Accounts;
import org.callisto.app.demo.DemoShow;
import org.callisto.show.Episode;
import org.callisto.show.EpisodeDraft;
import org.callisto.show.Renditions;
import org.callisto.show.ShowStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The show's pages, feeds and chapters go through a page cache of their own, versioned by the show's last change:
 * validators and 304s, changes visible after the cache's check interval (50 ms here), and private pages for members.
 */
class ShowPageCacheTest {
    private static final List<String> PAGES = List.of(
            "/episodes", "/episodes/2", "/show/feeds/mp3.xml", "/show/feeds/itunes.xml", "/show/2/chapters.json");

    @TempDir
    static Path dir;

    private static PlanetSite site;
    private static ShowStores show;

    @BeforeAll
    static void start() throws IOException {
        Path media = Files.createDirectories(dir.resolve("media"));
        site = new PlanetSite("sqlite", Map.of("show.media_dir", media.toString(), "journal.registration", "open"));
        show = ShowStores.of(site.db, Clock.systemUTC());
        Renditions renditions =
                new Renditions(show.episodes(), show.renditions(), media, site.config.siteUrl(), Clock.systemUTC());
        DemoShow.create(show, renditions, media, "http://planet.test/", site.entries.river(0, 10), Instant.now());
        show.episodes()
                .setChapters(show.episodes().episode(2).orElseThrow().id(), "{\"version\":\"1.2.0\",\"chapters\":[]}");
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void aClientWithTheCurrentVersionGets304() {
        for (String page : PAGES) {
            HttpResponse<String> first = eventually(page, r -> r.statusCode() == 200);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).as(page).startsWith("W/\"");
            assertThat(first.headers().firstValue("Last-Modified")).as(page).isPresent();
            HttpResponse<String> again = site.get(page, "If-None-Match", etag);
            assertThat(again.statusCode()).as(page).isEqualTo(304);
            assertThat(again.body()).as(page).isEmpty();
        }
    }

    @Test
    void aChangedEpisodeIsServedAfterTheCheckInterval() {
        Episode e = show.episodes().episode(1).orElseThrow();
        HttpResponse<String> before = eventually("/episodes/1", r -> r.body().contains(e.title()));
        String etag = before.headers().firstValue("ETag").orElseThrow();
        String feedTag =
                site.get("/show/feeds/mp3.xml").headers().firstValue("ETag").orElseThrow();

        show.episodes()
                .saveEpisode(new EpisodeDraft(
                        1,
                        e.season(),
                        "Ports, packages and pkgbase",
                        e.slug(),
                        e.publishedAt(),
                        e.summary(),
                        e.type(),
                        e.explicit(),
                        null));

        HttpResponse<String> after = eventually("/episodes/1", r -> r.body().contains("pkgbase"));
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(site.get("/episodes/1", "If-None-Match", etag).statusCode()).isEqualTo(200);
        assertThat(site.get("/episodes").body()).contains("Ports, packages and pkgbase");
        HttpResponse<String> feed = site.get("/show/feeds/mp3.xml", "If-None-Match", feedTag);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).contains("Ports, packages and pkgbase");
    }

    @Test
    void membersGetAPrivateUncachedPage() {
        Accounts.of(site.db, site.config, Clock.systemUTC())
                .register("iris", "correct horse battery staple", null, "10.2.0.1");
        WebClient iris = new WebClient(site.uri("/"));
        HttpResponse<String> login =
                iris.submit("/login", "/login", "username", "iris", "password", "correct horse battery staple");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
        for (String page : List.of("/episodes", "/episodes/2")) {
            HttpResponse<String> r = iris.get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control")).as(page).contains("private, no-store");
            assertThat(r.headers().firstValue("ETag")).as(page).isEmpty();
            assertThat(r.body()).as(page).contains("href=\"/account\">iris</a>");
        }
        assertThat(site.get("/episodes/2").body()).doesNotContain("iris");
    }

    /** The page once {@code ok} holds, trying for up to two seconds (the cache checks every 50 ms). */
    private static HttpResponse<String> eventually(String page, java.util.function.Predicate<HttpResponse<String>> ok) {
        HttpResponse<String> r = site.get(page);
        for (int i = 0; i < 100 && !ok.test(r); i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            r = site.get(page);
        }
        assertThat(ok.test(r)).as("%s: %s", page, r.body()).isTrue();
        return r;
    }
}
