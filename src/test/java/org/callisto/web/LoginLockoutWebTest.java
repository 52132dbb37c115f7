package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.callisto.account.Accounts;
import org.callisto.account.DeviceCookies;
import org.callisto.account.TestClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Failed-login limits over real HTTP from several loopback addresses, on SQLite and PostgreSQL: guessing from one
 * address or from many stays throttled, and the owner still gets in, from another address or from a browser that
 * logged in before (its device cookie), as OWASP's authentication guidance asks. Issue 11, item 3: five wrong
 * passwords from one address used to lock the owner out everywhere for 15 minutes, renewable forever.
 */
class LoginLockoutWebTest {
    private static final String PASSWORD = JournalWebTest.PASSWORD;

    /** A site whose clock stands still, so that no wait runs out while a test runs. */
    private static PlanetSite site(String kind) {
        PlanetSite site = new PlanetSite(kind, Map.of("journal.registration", "open"), new TestClock(Instant.now()));
        Accounts.of(site.db, site.config, Clock.systemUTC()).register("user05", PASSWORD, null, "10.9.0.1");
        return site;
    }

    private static LoopbackBrowser browser(PlanetSite site, String address) {
        return new LoopbackBrowser(address, site.server.port());
    }

    private static LoopbackBrowser.Response login(LoopbackBrowser b, String password) {
        return b.submit("/login", "/login", "username", "user05", "password", password);
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void guessingFromOneAddressIsThrottledButTheOwnerGetsInFromAnother(String kind) {
        try (PlanetSite site = site(kind)) {
            LoopbackBrowser guesser = browser(site, "127.0.0.2");
            for (int i = 0; i < 5; i++) {
                assertThat(login(guesser, "wrong password " + i).status()).isEqualTo(400);
            }
            LoopbackBrowser.Response throttled = login(guesser, "wrong password 5");
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
            assertThat(throttled.body()).contains("too many login attempts for this account; try again in");
            assertThat(login(guesser, PASSWORD).status())
                    .as("even the right password waits at the guesser's address")
                    .isEqualTo(429);

            LoopbackBrowser owner = browser(site, "127.0.0.3");
            LoopbackBrowser.Response in = login(owner, PASSWORD);
            assertThat(in.status()).as(in.body()).isEqualTo(303);
            assertThat(owner.cookie("callisto_session")).isNotNull();
            assertThat(in.headers().get("set-cookie"))
                    .anySatisfy(c -> assertThat(c)
                            .startsWith(DeviceCookies.NAME + "=")
                            .contains("Path=/login")
                            .contains("HttpOnly")
                            .contains("SameSite=Strict"));
            assertThat(login(guesser, "wrong password 6").status())
                    .as("the owner's success does not free the guesser")
                    .isEqualTo(429);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void guessingFromManyAddressesIsThrottledButTheOwnersBrowserGetsIn(String kind) {
        try (PlanetSite site = site(kind)) {
            LoopbackBrowser owner = browser(site, "127.0.0.3");
            assertThat(login(owner, PASSWORD).status()).isEqualTo(303);
            String device = owner.cookie(DeviceCookies.NAME);
            assertThat(device).isNotNull();

            for (int a = 10; a < 14; a++) {
                LoopbackBrowser guesser = browser(site, "127.0.0." + a);
                for (int i = 0; i < 5; i++) {
                    login(guesser, "wrong password " + a + "-" + i);
                }
            }
            LoopbackBrowser stranger = browser(site, "127.0.0.20");
            LoopbackBrowser.Response throttled = login(stranger, "yet another guess");
            assertThat(throttled.status())
                    .as("a fresh address is throttled too")
                    .isEqualTo(429);
            assertThat(throttled.body()).contains("too many login attempts for this account");
            assertThat(login(browser(site, "127.0.0.21"), PASSWORD).status())
                    .as("without its device cookie even the owner waits, from a new address")
                    .isEqualTo(429);

            LoopbackBrowser ownerAgain = browser(site, "127.0.0.10");
            ownerAgain.setCookie(DeviceCookies.NAME, device);
            LoopbackBrowser.Response in = login(ownerAgain, PASSWORD);
            assertThat(in.status())
                    .as("the browser that logged in before gets in, even from a guesser's address: " + in.body())
                    .isEqualTo(303);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aForgedOrBorrowedDeviceCookieIsNotRecognised(String kind) {
        try (PlanetSite site = site(kind)) {
            Accounts.of(site.db, site.config, Clock.systemUTC()).register("mallory", PASSWORD, null, "10.9.0.2");
            LoopbackBrowser mallory = browser(site, "127.0.0.4");
            mallory.submit("/login", "/login", "username", "mallory", "password", PASSWORD);
            String own = mallory.cookie(DeviceCookies.NAME);
            assertThat(own).isNotNull();
            for (int i = 0; i < 5; i++) {
                login(mallory, "wrong password " + i);
            }
            assertThat(login(mallory, "wrong password 5").status())
                    .as("a device cookie of another account counts for nothing")
                    .isEqualTo(429);
            String[] parts = own.split("\\.");
            mallory.setCookie(DeviceCookies.NAME, "1." + parts[1] + "." + parts[2]);
            assertThat(login(mallory, "wrong password 6").status())
                    .as("nor does one with another account's number and the old tag")
                    .isEqualTo(429);
        }
    }
}
