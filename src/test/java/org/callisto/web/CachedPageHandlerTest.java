package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.decoder.Decoder;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.callisto.account.Accounts;
import org.junit.jupiter.api.Test;

/**
 * Cached anonymous pages answered ahead of the routes ({@link CachedPageHandler}) are the routed answers: the same
 * status, headers and bytes for every kind of cached page and feed, in every encoding, for GET, HEAD and a
 * conditional GET; and nothing is answered there for a request that carries a session cookie.
 *
 * <p>A routed answer is had by adding a query parameter that no page reads ({@code _routed=N}, new each time): the
 * page and its validators are those of the page without it, but the target has not been published yet, so the
 * routes answer it. The handler's count of answers tells which way each request went.
 */
class CachedPageHandlerTest {
    private static final List<String> ENCODINGS = List.of("", "gzip", "br", "gzip, deflate, br, zstd");

    private int routedCount;

    @Test
    void everyCachedPageTypeIsAnsweredAheadOfRoutingWithTheRoutedBytesAndHeaders() throws Exception {
        assertThat(Brotli.available()).as("Brotli on this platform").isTrue();
        try (PlanetSite site = new PlanetSite("sqlite")) {
            List<String> targets = List.of(
                    "/",
                    "/?page=2",
                    "/category/freebsd",
                    "/feeds/" + site.alice.id(),
                    "/archive",
                    "/atom.xml",
                    "/rss.xml",
                    "/category/freebsd/rss.xml",
                    "/opml.xml",
                    "/journal",
                    "/journal/atom.xml",
                    "/moderation",
                    "/episodes",
                    "/feeds/" + site.bob.id() + "/atom.xml");
            for (String target : targets) {
                assertThat(site.get(target).statusCode()).as(target).isEqualTo(200); // publishes it
                for (String encoding : ENCODINGS) {
                    for (String method : List.of("GET", "HEAD")) {
                        String what = method + " " + target + " Accept-Encoding: " + encoding;
                        HttpResponse<byte[]> routed = routed(site, method, target, encoding, null);
                        HttpResponse<byte[]> ahead = ahead(site, method, target, encoding, null);
                        assertThat(ahead.statusCode()).as(what).isEqualTo(200).isEqualTo(routed.statusCode());
                        assertThat(headers(ahead)).as(what).isEqualTo(headers(routed));
                        assertThat(ahead.body()).as(what).isEqualTo(routed.body());
                        if (method.equals("HEAD")) {
                            assertThat(ahead.body()).as(what).isEmpty();
                            assertThat(ahead.headers().firstValue("Content-Length"))
                                    .as(what)
                                    .hasValue(Integer.toString(
                                            get(site, target, encoding).body().length));
                        }
                    }
                }
                HttpResponse<byte[]> plain = site.getBytes(target);
                assertThat(decoded(site.getBytes(target, "Accept-Encoding", "gzip")))
                        .as(target)
                        .isEqualTo(plain.body());
                assertThat(decoded(site.getBytes(target, "Accept-Encoding", "br")))
                        .as(target)
                        .isEqualTo(plain.body());

                String etag = plain.headers().firstValue("ETag").orElseThrow();
                String lastModified =
                        plain.headers().firstValue("Last-Modified").orElseThrow();
                for (String[] condition : List.of(
                        new String[] {"If-None-Match", etag}, new String[] {"If-Modified-Since", lastModified})) {
                    for (String method : List.of("GET", "HEAD")) {
                        String what = method + " " + target + " " + condition[0];
                        HttpResponse<byte[]> routed = routed(site, method, target, "gzip", condition);
                        HttpResponse<byte[]> ahead = ahead(site, method, target, "gzip", condition);
                        assertThat(ahead.statusCode()).as(what).isEqualTo(304).isEqualTo(routed.statusCode());
                        assertThat(headers(ahead)).as(what).isEqualTo(headers(routed));
                        assertThat(ahead.body()).as(what).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void aRequestWithASessionCookieIsNeverAnsweredFromTheReadyPages() throws Exception {
        try (PlanetSite site = new PlanetSite("sqlite", Map.of("journal.registration", "open"))) {
            Accounts.of(site.db, site.config, Clock.systemUTC())
                    .register("reader7", JournalWebTest.PASSWORD, null, "10.9.0.1");
            assertThat(site.get("/journal").statusCode()).isEqualTo(200);
            long answered = site.server.answeredAheadOfRouting();
            assertThat(site.get("/journal").statusCode()).isEqualTo(200);
            assertThat(site.server.answeredAheadOfRouting()).isEqualTo(answered + 1);

            HttpResponse<String> bogus = site.get("/journal", "Cookie", "theme=dark; callisto_session=not-a-session");
            assertThat(bogus.statusCode()).isEqualTo(200);
            assertThat(site.server.answeredAheadOfRouting()).isEqualTo(answered + 1);

            WebClient member = new WebClient(site.uri("/"));
            assertThat(member.submit("/login", "/login", "username", "reader7", "password", JournalWebTest.PASSWORD)
                            .statusCode())
                    .isEqualTo(303);
            HttpResponse<String> personal = member.get("/journal");
            assertThat(personal.body()).contains("reader7");
            assertThat(personal.headers().firstValue("Cache-Control")).hasValue("private, no-store");
            assertThat(site.server.answeredAheadOfRouting()).isEqualTo(answered + 1);
            // and what the member was sent was never published for anyone else
            assertThat(site.get("/journal").body()).doesNotContain("reader7");
        }
    }

    @Test
    void aChangeMakesTheReadyPageStaleAndTheNextAnswerIsTheNewPage() throws Exception {
        try (PlanetSite site = new PlanetSite("sqlite")) {
            site.get("/");
            long answered = site.server.answeredAheadOfRouting();
            assertThat(site.get("/").body()).doesNotContain("A brand new entry");
            assertThat(site.server.answeredAheadOfRouting()).isEqualTo(answered + 1);
            Thread.sleep(5); // lastChange has millisecond resolution
            site.entries.storeEntries(
                    site.alice.id(),
                    List.of(PlanetSite.row(
                            "ready-new", "A brand new entry", "<p>Fresh.</p>", Instant.now(), List.of())),
                    Instant.now());
            assertThat(site.fresh("/").body()).contains("A brand new entry");
            assertThat(site.get("/").body()).contains("A brand new entry");
            assertThat(site.server.answeredAheadOfRouting()).isGreaterThan(answered + 1);
        }
    }

    private HttpResponse<byte[]> routed(PlanetSite site, String method, String target, String encoding, String[] more)
            throws Exception {
        long before = site.server.answeredAheadOfRouting();
        String routedTarget = target + (target.contains("?") ? "&" : "?") + "_routed=" + (++routedCount);
        HttpResponse<byte[]> r = send(site, method, routedTarget, encoding, more);
        assertThat(site.server.answeredAheadOfRouting())
                .as("routed " + routedTarget)
                .isEqualTo(before);
        return r;
    }

    private static HttpResponse<byte[]> ahead(
            PlanetSite site, String method, String target, String encoding, String[] more) throws Exception {
        long before = site.server.answeredAheadOfRouting();
        HttpResponse<byte[]> r = send(site, method, target, encoding, more);
        assertThat(site.server.answeredAheadOfRouting()).as("ahead " + target).isEqualTo(before + 1);
        return r;
    }

    private static HttpResponse<byte[]> get(PlanetSite site, String target, String encoding) throws Exception {
        return send(site, "GET", target, encoding, null);
    }

    private static HttpResponse<byte[]> send(
            PlanetSite site, String method, String target, String encoding, String[] more) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(site.uri(target))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10));
        if (!encoding.isEmpty()) {
            b.header("Accept-Encoding", encoding);
        }
        if (more != null) {
            b.header(more[0], more[1]);
        }
        return site.http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The headers, less the date, which moves with the clock. */
    private static Map<String, List<String>> headers(HttpResponse<?> r) {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(r.headers().map());
        h.remove("date");
        return h;
    }

    private static byte[] decoded(HttpResponse<byte[]> r) throws Exception {
        String coding = r.headers().firstValue("Content-Encoding").orElse("");
        return switch (coding) {
            case "gzip" -> {
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
                    yield in.readAllBytes();
                }
            }
            case "br" -> Decoder.decompress(r.body()).getDecompressedData();
            default -> throw new AssertionError("expected a compressed answer, got Content-Encoding: " + coding);
        };
    }
}
