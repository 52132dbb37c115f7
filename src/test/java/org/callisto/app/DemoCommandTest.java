package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @Test
    void demoFetchesItsSampleBlogsThroughThePipelineAndServesAPopulatedPlanet(@TempDir Path data) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (DemoCommand.Demo demo = DemoCommand.Demo.start(data, Map.of("server.port", "0"))) {
            assertThat(demo.firstRound().failed()).isZero();
            assertThat(demo.firstRound().ok()).isEqualTo(5);
            assertThat(demo.firstRound().added()).isGreaterThanOrEqualTo(10);
            String river = get(http, demo, "/");
            assertThat(river).contains("Upgrading Graphite after the layout change").contains("<pre>");
            assertThat(get(http, demo, "/category/freebsd")).contains("Category Archives: FreeBSD");
            assertThat(get(http, demo, "/subscriptions")).contains("Dana Whitfield").contains("Ines Carvalho");
        }
        // A second demo on the same data directory (and another port) replaces the old demo subscriptions.
        try (DemoCommand.Demo again = DemoCommand.Demo.start(data, Map.of("server.port", "0"))) {
            assertThat(again.planet().store().feeds()).hasSize(5);
            assertThat(again.firstRound().failed()).isZero();
        }
    }

    private static String get(HttpClient http, DemoCommand.Demo demo, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + demo.web().port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }
}
