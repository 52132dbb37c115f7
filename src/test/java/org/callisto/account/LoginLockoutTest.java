package org.callisto.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callisto.account.RegistrationTest.refusal;

import java.time.Duration;
import org.callisto.config.Config.Registration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The failed-login limits of {@link Accounts#login}: per account and address, per account over unrecognised
 * browsers with growing delays, and the device cookie that keeps a browser that logged in before out of both.
 */
class LoginLockoutTest {
    private static final String PW = TestAccounts.PASSWORD;

    private static boolean wrong(TestAccounts t, String address, String device) {
        try {
            t.accounts.login("alice", "wrong password", address, null, null, device);
            throw new AssertionError("a wrong password logged in");
        } catch (AccountRefusal r) {
            return r.retryAfter().isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void oneAddressGuessingForADayNeverLocksTheOwnerOutElsewhere(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            t.user("alice", Role.MEMBER);
            int failures = 0;
            Duration day = Duration.ZERO;
            // the guesser tries as soon as each wait ends; bounded: at most 2,000 steps over one simulated day
            for (int step = 0; step < 2_000 && day.compareTo(Duration.ofDays(1)) < 0; step++) {
                try {
                    t.accounts.login("alice", "guess " + step, "198.51.100.7", null, null, null);
                } catch (AccountRefusal r) {
                    if (r.retryAfter().isPresent()) {
                        Duration w = r.retryAfter().get();
                        t.clock.advance(w);
                        day = day.plus(w);
                        continue;
                    }
                    failures++;
                }
                assertThat(t.accounts.login("alice", PW, "203.0.113.1", null, null, null))
                        .as("the owner from elsewhere after %d failures", failures)
                        .isNotNull();
            }
            assertThat(failures).as("guesses in a day from one address").isBetween(10, 50);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void guessingFromManyAddressesWaitsLongerAndLongerButNotTheOwnersBrowser(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            User alice = t.user("alice", Role.MEMBER);
            String device = t.accounts.devices().newValue(alice.id());
            for (int i = 0; i < BackoffRule.LOGIN_ACCOUNT.free(); i++) {
                assertThat(wrong(t, "192.0.2." + i, null)).isTrue();
            }
            AccountRefusal limited = refusal(() -> t.accounts.login("alice", PW, "192.0.2.200", null, null, null));
            assertThat(limited.getMessage())
                    .isEqualTo("too many login attempts for this account; try again in 5 seconds");
            assertThat(t.accounts.login("alice", PW, "192.0.2.200", null, null, device))
                    .as("the owner's browser")
                    .isNotNull();
            t.clock.advance(Duration.ofSeconds(5));
            assertThat(wrong(t, "192.0.2.50", null)).isTrue();
            assertThat(refusal(() -> t.accounts.login("alice", PW, "192.0.2.51", null, null, null))
                            .retryAfter())
                    .as("the next wait is twice as long")
                    .contains(Duration.ofSeconds(10));
            // a recognised browser is held to its own failures, at any address
            for (int i = 0; i < BackoffRule.LOGIN_DEVICE.free(); i++) {
                assertThat(wrong(t, "192.0.2.1", device)).isTrue();
            }
            assertThat(refusal(() -> t.accounts.login("alice", PW, "192.0.2.1", null, null, device))
                            .getMessage())
                    .isEqualTo("too many login attempts from this browser; try again in 1 minute");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void onlyAnUntamperedDeviceCookieOfThisAccountIsRecognised(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            User alice = t.user("alice", Role.MEMBER);
            User bob = t.user("bob", Role.MEMBER);
            String bobs = t.accounts.devices().newValue(bob.id());
            String alices = t.accounts.devices().newValue(alice.id());
            assertThat(t.accounts.devices().recognise(alices))
                    .hasValueSatisfying(d -> assertThat(d.userId()).isEqualTo(alice.id()));
            String forged = alice.id() + bobs.substring(bobs.indexOf('.'));
            for (String bad :
                    new String[] {forged, alices + "x", alices.replace('.', ','), "", ".", "1..", "x".repeat(300), bobs
                    }) {
                assertThat(bad.equals(bobs)
                                || t.accounts.devices().recognise(bad).isEmpty())
                        .as(bad)
                        .isTrue();
            }
            for (int i = 0; i < BackoffRule.LOGIN_PAIR.free(); i++) {
                wrong(t, "192.0.2.9", bobs);
            }
            assertThat(refusal(() -> t.accounts.login("alice", PW, "192.0.2.9", null, null, forged))
                            .getMessage())
                    .isEqualTo("too many login attempts for this account; try again in 1 minute");
            assertThat(t.accounts.login("alice", PW, "192.0.2.9", null, null, alices))
                    .isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void theSiteKeyOutlivesTheProcessSoDeviceCookiesDoToo(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            User alice = t.user("alice", Role.MEMBER);
            String device = t.accounts.devices().newValue(alice.id());
            Accounts restarted = new Accounts(
                    new AccountStore(t.db), t.hasher, new RateLimiter(t.clock), Registration.OPEN, t.clock);
            assertThat(restarted.devices().recognise(device)).isPresent();
            String cookie = restarted.formTokens().newCookieValue();
            assertThat(t.accounts
                            .formTokens()
                            .matches(cookie, "login", restarted.formTokens().tokenFor(cookie, "login")))
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void addressesOfOneIpv6NetworkCountAsOne(String kind) {
        assertThat(AddressKey.of("2001:db8:1:2:aaaa::1")).isEqualTo(AddressKey.of("2001:db8:1:2::ffff"));
        assertThat(AddressKey.of("[2001:db8:1:2::1]")).isEqualTo("2001:0db8:0001:0002::/64");
        assertThat(AddressKey.of("2001:db8:1:3::1")).isNotEqualTo(AddressKey.of("2001:db8:1:2::1"));
        assertThat(AddressKey.of("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(AddressKey.of("not:an:address")).isEqualTo("not:an:address");
        assertThat(AddressKey.of(null)).isEqualTo("unknown");
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            t.user("alice", Role.MEMBER);
            for (int i = 0; i < BackoffRule.LOGIN_PAIR.free(); i++) {
                wrong(t, "2001:db8:1:2::" + (i + 1), null);
            }
            assertThat(refusal(() -> t.accounts.login("alice", PW, "2001:db8:1:2::99", null, null, null))
                            .retryAfter())
                    .isPresent();
            assertThat(t.accounts.login("alice", PW, "2001:db8:9:9::1", null, null, null))
                    .isNotNull();
        }
    }
}
