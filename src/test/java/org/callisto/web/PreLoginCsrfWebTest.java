package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.callisto.account.Accounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forms sent before login ({@code /login}, {@code /register}, {@code /feedback}) use a signed double submit
 * (issue 11, item 4): the cookie holds a random value and the form the HMAC of it under the site's key, so a pair
 * an attacker planted (a cookie and a field set to the same value of their choosing) is refused with 403, while a
 * real round trip (the form's page, then its POST) still works. On SQLite and PostgreSQL.
 */
class PreLoginCsrfWebTest {
    private static final String PASSWORD = JournalWebTest.PASSWORD;
    /** A value an attacker chose, in the cookie's own format (43 URL-safe Base64 characters). */
    private static final String PLANTED = "attackerChoseThisValue_0123456789abcdefghij";

    private static PlanetSite site(String kind) {
        PlanetSite site = new PlanetSite(kind, Map.of("journal.registration", "open"));
        Accounts.of(site.db, site.config, Clock.systemUTC()).register("user05", PASSWORD, null, "10.9.0.1");
        return site;
    }

    private static final List<List<String>> FORMS = List.of(
            List.of("/login", "username", "user05", "password", PASSWORD),
            List.of("/register", "username", "newcomer", "password", PASSWORD, "password2", PASSWORD),
            List.of("/feedback", "name", "Priya", "subject", "Planted", "message", "A planted pair"));

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aPlantedCookieAndFieldOfTheSameValueAreRefused(String kind) {
        assertThat(PLANTED).hasSize(43);
        try (PlanetSite site = site(kind)) {
            for (List<String> form : FORMS) {
                LoopbackBrowser victim = new LoopbackBrowser("127.0.0.5", site.server.port());
                victim.setCookie("callisto_form", PLANTED);
                String[] fields = form.subList(1, form.size()).toArray(String[]::new);
                String[] all = new String[fields.length + 2];
                all[0] = "csrf";
                all[1] = PLANTED;
                System.arraycopy(fields, 0, all, 2, fields.length);
                LoopbackBrowser.Response r = victim.post(form.getFirst(), all);
                assertThat(r.status()).as("planted pair on " + form.getFirst()).isEqualTo(403);
                assertThat(r.body()).contains("security token is not valid").contains("nothing was done");
                assertThat(victim.cookie("callisto_session")).isNull();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aRealRoundTripWorksAndTheTokenIsNotTheCookie(String kind) {
        try (PlanetSite site = site(kind)) {
            LoopbackBrowser browser = new LoopbackBrowser("127.0.0.6", site.server.port());
            String loginToken = WebClient.csrf(browser.get("/login").body(), "/login");
            String cookie = browser.cookie("callisto_form");
            assertThat(cookie).hasSize(43);
            assertThat(loginToken).isNotEqualTo(cookie);
            String feedbackToken = WebClient.csrf(browser.get("/feedback").body(), "/feedback");
            assertThat(feedbackToken).as("each form has its own token").isNotEqualTo(loginToken);
            assertThat(browser.cookie("callisto_form")).as("the cookie stays").isEqualTo(cookie);

            LoopbackBrowser.Response wrongForm =
                    browser.post("/login", "csrf", feedbackToken, "username", "user05", "password", PASSWORD);
            assertThat(wrongForm.status()).as("another form's token").isEqualTo(403);

            LoopbackBrowser.Response feedback = browser.post(
                    "/feedback", "csrf", feedbackToken, "name", "Priya", "subject", "Hello", "message", "Real");
            assertThat(feedback.status()).as(feedback.body()).isEqualTo(303);
            LoopbackBrowser newcomer = new LoopbackBrowser("127.0.0.8", site.server.port());
            LoopbackBrowser.Response register = newcomer.submit(
                    "/register", "/register", "username", "newcomer", "password", PASSWORD, "password2", PASSWORD);
            assertThat(register.status()).as(register.body()).isEqualTo(303);
            assertThat(newcomer.cookie("callisto_session"))
                    .as("registration ends logged in")
                    .isNotNull();
            LoopbackBrowser.Response login =
                    browser.post("/login", "csrf", loginToken, "username", "user05", "password", PASSWORD);
            assertThat(login.status()).as(login.body()).isEqualTo(303);
            assertThat(browser.cookie("callisto_session")).isNotNull();

            LoopbackBrowser other = new LoopbackBrowser("127.0.0.7", site.server.port());
            other.get("/login");
            LoopbackBrowser.Response stolen =
                    other.post("/login", "csrf", loginToken, "username", "user05", "password", PASSWORD);
            assertThat(stolen.status())
                    .as("a token is bound to its own browser's cookie")
                    .isEqualTo(403);
        }
    }
}
