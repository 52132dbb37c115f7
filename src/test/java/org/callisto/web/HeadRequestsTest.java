package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HEAD answers as GET does, without the body: same status, type, validators and length (RFC 9110, 9.3.2). */
class HeadRequestsTest {

    @Test
    void headOnPagesAndFeedsCarriesTheGetHeadersWithoutABody() throws Exception {
        try (PlanetSite site = new PlanetSite("sqlite")) {
            for (String path : List.of(
                    "/",
                    "/atom.xml",
                    "/rss.xml",
                    "/journal",
                    "/subscriptions",
                    "/login",
                    "/static/callisto.css",
                    "/healthz")) {
                HttpResponse<byte[]> get = site.getBytes(path);
                HttpResponse<byte[]> head = site.http.send(
                        HttpRequest.newBuilder(site.uri(path))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode());
                assertThat(head.body()).as(path).isEmpty();
                assertThat(head.headers().firstValue("Content-Type"))
                        .as(path)
                        .isEqualTo(get.headers().firstValue("Content-Type"));
                if (get.headers().firstValue("ETag").isPresent() && !path.equals("/login")) {
                    assertThat(head.headers().firstValue("ETag"))
                            .as(path)
                            .isEqualTo(get.headers().firstValue("ETag"));
                    assertThat(head.headers().firstValue("Content-Length"))
                            .as(path)
                            .hasValue(Integer.toString(get.body().length));
                }
            }
        }
    }

    @Test
    void headOnAPersonalPageRedirectsAsGetDoes() throws Exception {
        try (PlanetSite site = new PlanetSite("sqlite")) {
            HttpResponse<byte[]> head = site.http.send(
                    HttpRequest.newBuilder(site.uri("/account"))
                            .method("HEAD", HttpRequest.BodyPublishers.noBody())
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(head.statusCode())
                    .isEqualTo(site.getBytes("/account").statusCode())
                    .isEqualTo(303);
        }
    }
}
