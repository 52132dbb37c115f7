package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.callisto.planet.Feed;
import org.callisto.planet.RefreshRound;
import org.callisto.planet.fetch.FixtureServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /metrics} over real HTTP: what a Prometheus scraper sees, and who may see it. */
class MetricsTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void fromLoopbackShowsJvmHttpRefreshCacheAndPoolMetrics(String kind) {
        try (FixtureServer fixture = FixtureServer.start();
                PlanetSite site = new PlanetSite(kind, Map.of("fetch.allow_loopback", "true"))) {
            fixture.route("/blog.xml").corpusFile("rome/rome/src/test/resources/rss_2.0.xml");
            Feed feed = site.subscriptions.addFeed(fixture.url("/blog.xml").toString(), "Fixture", List.of());
            RefreshRound.Summary summary = site.callisto.round().run(List.of(feed), o -> {});
            assertThat(summary.ok()).as(summary.toString()).isEqualTo(1);
            assertThat(site.fresh("/").statusCode()).isEqualTo(200);
            assertThat(site.get("/").statusCode()).isEqualTo(200);
            assertThat(site.get("/feeds/" + feed.id()).statusCode()).isEqualTo(200);
            assertThat(site.get("/feeds/999999").statusCode()).isEqualTo(404);
            assertThat(site.get("/no/such/page/12345").statusCode()).isEqualTo(404);

            HttpResponse<String> metrics = site.get("/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            String text = metrics.body();
            assertThat(text)
                    .contains("jvm_memory_used_bytes{")
                    .contains("jvm_threads_live_threads")
                    .contains("jvm_classes_loaded_classes")
                    .contains("process_uptime_seconds")
                    .contains("system_cpu_count")
                    .contains("jvm_gc_");
            assertThat(text)
                    .containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"/\"[^}]*status=\"200\"")
                    .containsPattern("http_server_requests_seconds_bucket\\{[^}]*route=\"/\"")
                    .containsPattern(
                            "http_server_requests_seconds_count\\{[^}]*route=\"/feeds/\\{id}\"[^}]*status=\"404\"");
            assertThat(text).as("raw paths never become labels").doesNotContain("999999", "/no/such/page");
            assertThat(text)
                    .containsPattern("callisto_refresh_rounds_seconds_count(\\{[^}]*})? 1\\b")
                    .containsPattern("callisto_fetch_outcomes_total\\{kind=\"ok\"} 1\\.0")
                    .containsPattern("callisto_entries_stored_total\\{change=\"added\"} [1-9]")
                    .containsPattern("callisto_feeds\\{state=\"disabled\"} 1\\.0")
                    .containsPattern("callisto_feeds\\{state=\"ok\"} 2\\.0")
                    .containsPattern("callisto_feeds\\{state=\"failing\"} 1\\.0");
            assertThat(text)
                    .containsPattern("cache_gets_total\\{cache=\"planet\",[^}]*result=\"hit\"} [1-9]")
                    .containsPattern("cache_gets_total\\{cache=\"planet\",[^}]*result=\"miss\"} [1-9]");
            assertThat(text).contains("db_pool_connections{").contains("db_pool_pending{");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void fromAnAddressOutsideTheAllowedRangesItIsNotFoundUnlessTheRightTokenIsSent(String kind) {
        try (PlanetSite site =
                new PlanetSite(kind, Map.of("metrics.allow", "10.0.0.0/8", "metrics.token", "s3cret-token"))) {
            HttpResponse<String> plain = site.get("/metrics");
            HttpResponse<String> unknown = site.get("/no-such-page");
            assertThat(plain.statusCode()).isEqualTo(404);
            assertThat(plain.headers().firstValue("Content-Type"))
                    .as("the site's ordinary 404 page")
                    .isEqualTo(unknown.headers().firstValue("Content-Type"));
            assertThat(plain.body()).doesNotContain("jvm_", "metrics.token");
            assertThat(site.get("/metrics", "Authorization", "Bearer wrong").statusCode())
                    .isEqualTo(404);
            assertThat(site.get("/metrics", "Authorization", "Basic czNjcmV0LXRva2Vu")
                            .statusCode())
                    .isEqualTo(404);
            HttpResponse<String> withToken = site.get("/metrics", "Authorization", "Bearer s3cret-token");
            assertThat(withToken.statusCode()).isEqualTo(200);
            assertThat(withToken.body()).contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void byDefaultLoopbackMayReadItButNotARequestForwardedByAProxy() {
        try (PlanetSite site = new PlanetSite("sqlite")) {
            assertThat(site.get("/metrics").statusCode()).isEqualTo(200);
            assertThat(site.get("/metrics", "X-Forwarded-For", "203.0.113.9").statusCode())
                    .isEqualTo(404);
            assertThat(site.get("/metrics", "Forwarded", "for=203.0.113.9").statusCode())
                    .isEqualTo(404);
        }
    }
}
