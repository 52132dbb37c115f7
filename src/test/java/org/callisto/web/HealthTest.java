package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /healthz} and {@code /readyz}, as a service manager or a load balancer polls them. */
class HealthTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aRunningSiteIsAliveAndReady(String kind) {
        try (PlanetSite site = new PlanetSite(kind)) {
            HttpResponse<String> live = site.get("/healthz");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).isEqualTo("ok\n");
            assertThat(live.headers().firstValue("Cache-Control")).hasValue("no-store");
            HttpResponse<String> ready = site.get("/readyz");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("ready\n");
            assertThat(ready.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void withoutItsDatabaseTheSiteIsAliveButNotReadyAndSaysWhy(String kind) {
        try (PlanetSite site = new PlanetSite(kind)) {
            site.db.close(); // the pool is gone: every query fails at once
            long start = System.nanoTime();
            HttpResponse<String> ready = site.get("/readyz");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).startsWith("not ready: the database");
            assertThat(ready.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(millis)
                    .as("answered within the check's limit and some slack")
                    .isLessThan(5_000);
            assertThat(site.get("/healthz").statusCode()).isEqualTo(200);
        }
    }
}
