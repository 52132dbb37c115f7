package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.callisto.account.Accounts;
import org.callisto.account.PasswordChecks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A login flood cannot starve the site (issue 11, item 2): every argon2id check runs in a bounded pool, and with
 * the pool and its queue full the next login, registration or password change is answered at once with 503,
 * {@code Retry-After} and a page saying the site is busy, while anonymous cached pages still answer. The pool is
 * filled here by a check that waits on a latch, so the test needs no timing; "at once" is bounded by waiting at
 * most 10 s for answers that would otherwise wait for the latch forever. (The p99 of cached pages under a real
 * flood is measured by the abuse benchmark, not here.)
 */
class LoginFloodWebTest {
    private static final String PASSWORD = JournalWebTest.PASSWORD;

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void withThePoolFullPasswordFormsAnswer503AtOnceAndCachedPagesStillAnswer(String kind) throws Exception {
        Map<String, String> settings =
                Map.of("journal.registration", "open", "journal.password_checks", "1", "journal.password_queue", "0");
        try (PlanetSite site = new PlanetSite(kind, settings)) {
            Accounts.of(site.db, site.config, Clock.systemUTC()).register("user05", PASSWORD, null, "10.9.0.1");
            WebClient member = new WebClient(site.uri("/"));
            assertThat(member.submit("/login", "/login", "username", "user05", "password", PASSWORD)
                            .statusCode())
                    .isEqualTo(303);
            WebClient visitor = new WebClient(site.uri("/"));
            String loginToken = WebClient.csrf(visitor.get("/login").body(), "/login");
            String registerToken = WebClient.csrf(visitor.get("/register").body(), "/register");
            String passwordToken =
                    WebClient.csrf(member.get("/account/password").body(), "/account/password");
            assertThat(site.get("/journal").statusCode()).isEqualTo(200);

            PasswordChecks checks = site.callisto.accounts().passwordChecks();
            assertThat(checks.size()).isEqualTo(1);
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Boolean> occupant = async(() -> checks.run(() -> {
                running.countDown();
                return release.await(30, TimeUnit.SECONDS);
            }));
            try {
                assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

                HttpResponse<String> login = within(
                        () -> visitor.post("/login", "csrf", loginToken, "username", "user05", "password", PASSWORD));
                assertThat(login.statusCode()).isEqualTo(503);
                assertThat(login.headers().firstValue("Retry-After")).hasValue("2");
                assertThat(login.headers().firstValue("Cache-Control"))
                        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
                assertThat(login.body()).contains("the site is busy").contains("name=\"password\"");

                HttpResponse<String> register = within(() -> visitor.post(
                        "/register",
                        "csrf",
                        registerToken,
                        "username",
                        "newcomer",
                        "password",
                        PASSWORD,
                        "password2",
                        PASSWORD));
                assertThat(register.statusCode()).isEqualTo(503);
                assertThat(register.headers().firstValue("Retry-After")).isPresent();

                HttpResponse<String> change = within(() -> member.post(
                        "/account/password",
                        "csrf",
                        passwordToken,
                        "current",
                        PASSWORD,
                        "password",
                        "a new correct horse",
                        "password2",
                        "a new correct horse"));
                assertThat(change.statusCode()).isEqualTo(503);

                HttpResponse<String> journal = within(() -> site.get("/journal"));
                assertThat(journal.statusCode())
                        .as("a cached page answers while the pool is full")
                        .isEqualTo(200);
                assertThat(checks.refusedCount()).isEqualTo(3);
            } finally {
                release.countDown();
            }
            occupant.get(10, TimeUnit.SECONDS);
            assertThat(visitor.post("/login", "csrf", loginToken, "username", "user05", "password", PASSWORD)
                            .statusCode())
                    .as("once the pool is free, the login goes through")
                    .isEqualTo(303);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void withThePoolFullALoginIsRefusedBeforeItsBodyIsRead(String kind) throws Exception {
        Map<String, String> settings = Map.of("journal.password_checks", "1", "journal.password_queue", "0");
        try (PlanetSite site = new PlanetSite(kind, settings)) {
            PasswordChecks checks = site.callisto.accounts().passwordChecks();
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Boolean> occupant = async(() -> checks.run(() -> {
                running.countDown();
                return release.await(30, TimeUnit.SECONDS);
            }));
            try {
                assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
                try (RawHttp c = RawHttp.connect("127.0.0.1", site.server.port())) {
                    // the headers promise a body that never comes: only an answer made before reading it can arrive
                    c.send("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n");
                    String answer = c.readFor(Duration.ofSeconds(3));
                    assertThat(RawHttp.status(answer)).isEqualTo(503);
                    assertThat(RawHttp.header(answer, "Retry-After")).isEqualTo("2");
                    assertThat(answer).contains("the site is busy");
                }
                assertThat(checks.refusedCount()).isEqualTo(1);
            } finally {
                release.countDown();
            }
            occupant.get(10, TimeUnit.SECONDS);
        }
    }

    /** The answer of {@code request}, which must come within 10 s (it would wait for the latch if it queued). */
    private static <T> T within(Supplier<T> request) throws Exception {
        return async(request).get(10, TimeUnit.SECONDS);
    }

    /** Runs {@code work} on a virtual thread of its own (the common pool may have a single thread here). */
    private static <T> CompletableFuture<T> async(java.util.function.Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }
}
