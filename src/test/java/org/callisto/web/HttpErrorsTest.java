package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Answers to requests Callisto's routes never see or do not take: Jetty's own 400s carry the same security headers as
 * every page, the policy forbids framing, {@code <base>} and foreign form targets, and a known path asked with the
 * wrong method answers 405 with {@code Allow}. Storage plays no part, so SQLite only.
 */
class HttpErrorsTest {
    private static PlanetSite site;

    @BeforeAll
    static void start() {
        site = new PlanetSite("sqlite");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void jettysOwnErrorAnswersCarryTheSecurityHeaders() throws Exception {
        int port = site.server.port();
        for (String request : new String[] {
            "GET /media/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd HTTP/1.1\r\nHost: planet.test\r\nConnection: close\r\n\r\n",
            "GET /media/..%2f..%2fetc/passwd HTTP/1.1\r\nHost: planet.test\r\nConnection: close\r\n\r\n",
            "GET /media/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: planet.test\r\nConnection: close\r\n\r\n",
            "GET /media/..;/..;/etc/passwd HTTP/1.1\r\nHost: planet.test\r\nConnection: close\r\n\r\n",
            "GET /media/a%00b HTTP/1.1\r\nHost: planet.test\r\nConnection: close\r\n\r\n",
            "GET /media/%5c..%5c..%5cetc HTTP/1.1\r\nHost: planet.test\r\nConnection: close\r\n\r\n",
            "HELLO THERE\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: planet.test\r\nX-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: planet.test\r\nContent-Length: nope\r\nConnection: close\r\n\r\n"
        }) {
            String shown = request.substring(0, Math.min(60, request.length()));
            String answer = RawHttp.exchange("127.0.0.1", port, request);
            assertThat(RawHttp.status(answer)).as(shown).isBetween(400, 505);
            assertThat(RawHttp.header(answer, "Content-Security-Policy"))
                    .as(shown)
                    .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(RawHttp.header(answer, "X-Content-Type-Options"))
                    .as(shown)
                    .isEqualTo("nosniff");
            assertThat(RawHttp.header(answer, "X-Frame-Options")).as(shown).isEqualTo("DENY");
            assertThat(RawHttp.header(answer, "Referrer-Policy")).as(shown).isNotNull();
        }
    }

    @Test
    void thePolicyForbidsFramingBaseElementsAndForeignFormTargets() {
        HttpResponse<String> r = site.get("/");
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'", "script-src 'none'");
    }

    @Test
    void aKnownPathAskedWithTheWrongMethodAnswers405WithAllow() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        record Case(String method, String path, String allow) {}
        for (Case c : new Case[] {
            new Case("GET", "/stories/1/comments", "POST"),
            new Case("GET", "/admin/subscriptions/1/disable", "POST"),
            new Case("PUT", "/login", "GET, HEAD, POST"),
            new Case("DELETE", "/", "GET, HEAD"),
            new Case("POST", "/media/episode.mp3", "GET, HEAD")
        }) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.server.port() + c.path()))
                            .method(c.method(), HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String what = c.method() + " " + c.path();
            assertThat(r.statusCode()).as(what).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).as(what).hasValue(c.allow());
            assertThat(r.headers().firstValue("Content-Security-Policy"))
                    .as(what)
                    .isPresent();
            assertThat(r.body()).as(what).contains("does not take " + c.method(), c.allow());
        }
        assertThat(site.get("/no/such/page").statusCode()).isEqualTo(404);
    }
}
