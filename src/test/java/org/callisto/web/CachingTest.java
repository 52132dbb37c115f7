package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CachingTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void validatorsAnswer304AndMoveWhenThePlanetChanges(String kind) throws Exception {
        try (PlanetSite site = new PlanetSite(kind)) {
            for (String path : List.of(
                    "/",
                    "/category/freebsd",
                    "/feeds/" + site.alice.id(),
                    "/archive",
                    "/atom.xml",
                    "/rss.xml",
                    "/category/freebsd/atom.xml",
                    "/subscriptions",
                    "/?page=2")) {
                HttpResponse<String> first = site.get(path);
                assertThat(first.statusCode()).as(path).isEqualTo(200);
                String etag = first.headers().firstValue("ETag").orElseThrow();
                String lastModified =
                        first.headers().firstValue("Last-Modified").orElseThrow();
                assertThat(etag).startsWith("W/\"");

                HttpResponse<String> again = site.get(path, "If-None-Match", etag);
                assertThat(again.statusCode()).as(path).isEqualTo(304);
                assertThat(again.body()).isEmpty();
                assertThat(again.headers().firstValue("ETag")).hasValue(etag);

                HttpResponse<String> since = site.get(path, "If-Modified-Since", lastModified);
                assertThat(since.statusCode()).as(path).isEqualTo(304);
                assertThat(since.body()).isEmpty();

                assertThat(site.get(path, "If-None-Match", "\"something-else\"").statusCode())
                        .isEqualTo(200);
                assertThat(site.get(path, "If-Modified-Since", "not a date").statusCode())
                        .isEqualTo(200);
                assertThat(site.get(path, "If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT")
                                .statusCode())
                        .isEqualTo(200);
            }
            assertThat(site.get("/").headers().firstValue("ETag"))
                    .isNotEqualTo(site.get("/?page=2").headers().firstValue("ETag"));

            String before = site.get("/").headers().firstValue("ETag").orElseThrow();
            String categoryBefore =
                    site.get("/category/freebsd").headers().firstValue("ETag").orElseThrow();
            Thread.sleep(5); // lastChange has millisecond resolution
            site.entries.storeEntries(
                    site.alice.id(),
                    List.of(PlanetSite.row("a-new", "A brand new entry", "<p>Fresh.</p>", Instant.now(), List.of())),
                    Instant.now());
            HttpResponse<String> after = awaitNewEtag(site, "/", before);
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.body()).contains("A brand new entry");
            assertThat(site.get("/", "If-None-Match", before).statusCode()).isEqualTo(200);
            HttpResponse<String> category = site.get("/category/freebsd");
            assertThat(category.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(categoryBefore));
            assertThat(category.body()).contains("A brand new entry");
            assertThat(site.get("/atom.xml").body()).contains("A brand new entry");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void pagesAreGzippedForClientsThatAcceptIt(String kind) throws IOException {
        try (PlanetSite site = new PlanetSite(kind)) {
            HttpResponse<String> plain = site.get("/");
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(plain.headers().firstValue("Vary")).hasValue("Accept-Encoding");
            for (int i = 0; i < 2; i++) { // a miss, then a hit
                HttpResponse<byte[]> gz = site.getBytes("/", "Accept-Encoding", "gzip, deflate");
                assertThat(gz.statusCode()).isEqualTo(200);
                assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
                String body;
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                assertThat(body).isEqualTo(plain.body());
                assertThat(gz.body().length).isLessThan(plain.body().length() / 2);
            }
            HttpResponse<byte[]> refused = site.getBytes("/", "Accept-Encoding", "gzip;q=0, identity");
            assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
            HttpResponse<byte[]> feed = site.getBytes("/atom.xml", "Accept-Encoding", "gzip");
            assertThat(feed.headers().firstValue("Content-Encoding")).hasValue("gzip");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void concurrentRequestsOfACachedPageAllSucceed(String kind) throws Exception {
        // 200 readers at once, all from 127.0.0.1 here: lift the per-address cap, which would refuse most of them
        try (PlanetSite site = new PlanetSite(kind, java.util.Map.of("server.max_connections_per_address", "0"))) {
            String expected = site.get("/category/freebsd").body();
            List<java.util.concurrent.Future<HttpResponse<String>>> futures;
            try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                futures = java.util.stream.IntStream.range(0, 200)
                        .mapToObj(i -> pool.submit(() -> site.get(i % 2 == 0 ? "/category/freebsd" : "/")))
                        .toList();
            }
            for (var f : futures) {
                assertThat(f.get().statusCode()).isEqualTo(200);
            }
            assertThat(futures.getFirst().get().body()).isEqualTo(expected);
        }
    }

    private static HttpResponse<String> awaitNewEtag(PlanetSite site, String path, String old)
            throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            HttpResponse<String> r = site.get(path);
            if (!r.headers().firstValue("ETag").orElseThrow().equals(old) || System.nanoTime() > deadline) {
                assertThat(r.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(old));
                return r;
            }
            Thread.sleep(20);
        }
    }
}
