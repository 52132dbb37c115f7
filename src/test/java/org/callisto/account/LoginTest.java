package org.callisto.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.callisto.account.RegistrationTest.refusal;

import java.time.Duration;
import org.callisto.config.Config.Registration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LoginTest {
    private static final String PW = TestAccounts.PASSWORD;

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void theRightPasswordGivesASessionTheCookieIdFindsAgain(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            User alice = t.user("Alice", Role.EDITOR);
            Session s = t.accounts.login("  ALICE ", PW, "192.0.2.1", null, "Firefox");
            assertThat(s.user().id()).isEqualTo(alice.id());
            assertThat(s.user().role()).isEqualTo(Role.EDITOR);
            assertThat(s.id()).hasSize(43);
            assertThat(s.expiresAt()).isEqualTo(t.clock.instant().plus(Accounts.SESSION_IDLE));
            Session found = t.accounts.session(s.id()).orElseThrow();
            assertThat(found.user().username()).isEqualTo("Alice");
            assertThat(found.csrfSecret()).isEqualTo(s.csrfSecret());
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void anUnknownNameAndAWrongPasswordGetTheSameAnswer(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            t.user("alice", Role.MEMBER);
            AccountRefusal wrong = refusal(() -> t.accounts.login("alice", "wrong password", "192.0.2.1", null, null));
            AccountRefusal unknown = refusal(() -> t.accounts.login("nobody-here", PW, "192.0.2.2", null, null));
            AccountRefusal invalid = refusal(() -> t.accounts.login("no such name!", PW, "192.0.2.3", null, null));
            assertThat(wrong.getMessage())
                    .isEqualTo("the username or password is not right")
                    .isEqualTo(unknown.getMessage())
                    .isEqualTo(invalid.getMessage());
            assertThat(wrong.retryAfter()).isEqualTo(unknown.retryAfter()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void loginRotatesTheSessionIdAndLogoutEndsIt(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            t.user("alice", Role.MEMBER);
            Session first = t.login("alice");
            Session second = t.accounts.login("alice", PW, "192.0.2.1", first.id(), null);
            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(second.csrfSecret()).isNotEqualTo(first.csrfSecret());
            assertThat(t.accounts.session(first.id())).isEmpty();
            assertThat(t.accounts.session(second.id())).isPresent();

            t.accounts.logout(second.id());
            assertThat(t.accounts.session(second.id())).isEmpty();
            t.accounts.logout(second.id());
            t.accounts.logout(null);
            t.accounts.logout("");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aBannedAccountCannotLogInAndLosesItsSessions(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            User mallory = t.user("mallory", Role.MEMBER);
            t.user("ed", Role.EDITOR);
            Session malloryBefore = t.login("mallory");
            t.accounts.ban(t.login("ed"), mallory.id(), "spam");
            assertThat(t.accounts.session(malloryBefore.id())).isEmpty();
            assertThatThrownBy(() -> t.login("mallory"))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessageContaining("this account is banned");
            assertThatThrownBy(() -> t.accounts.login("mallory", "wrong password", "192.0.2.1", null, null))
                    .hasMessage(Accounts.LOGIN_FAILED);
        }
    }

    /**
     * The per-account limit no longer stops the owner after five failures from anywhere (issue 11: that let any
     * stranger lock a member out): five failures from one address stop that address for this account, and the
     * account as a whole waits only after {@link BackoffRule#LOGIN_ACCOUNT}'s ten failures from browsers it does not
     * recognise.
     */
    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void failedLoginsAreLimitedPerAccountAndReleasedAfterTheWait(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            t.user("alice", Role.MEMBER);
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> t.accounts.login("alice", "wrong password", "203.0.113.1", null, null))
                        .hasMessage(Accounts.LOGIN_FAILED);
            }
            AccountRefusal pair = refusal(() -> t.accounts.login("Alice", PW, "203.0.113.1", null, null));
            assertThat(pair.getMessage()).isEqualTo("too many login attempts for this account; try again in 1 minute");
            assertThat(pair.retryAfter()).contains(Duration.ofMinutes(1));
            assertThat(t.accounts.login("alice", PW, "203.0.113.99", null, null))
                    .as("the owner from another address")
                    .isNotNull();
            for (int i = 0; i < 5; i++) {
                String address = "203.0.113." + (10 + i);
                assertThatThrownBy(() -> t.accounts.login("alice", "wrong password", address, null, null))
                        .hasMessage(Accounts.LOGIN_FAILED);
            }
            AccountRefusal limited = refusal(() -> t.accounts.login("Alice", PW, "203.0.113.98", null, null));
            assertThat(limited.getMessage())
                    .isEqualTo("too many login attempts for this account; try again in 5 seconds");
            assertThat(limited.retryAfter()).contains(Duration.ofSeconds(5));
            // An unknown name is limited the same way, so the limit reveals nothing either.
            for (int i = 0; i < 5; i++) {
                refusal(() -> t.accounts.login("ghost", "wrong password", "203.0.113.50", null, null));
            }
            assertThat(refusal(() -> t.accounts.login("ghost", PW, "203.0.113.50", null, null))
                            .getMessage())
                    .isEqualTo(pair.getMessage());
            t.clock.advance(Duration.ofSeconds(5));
            assertThat(t.accounts
                            .login("alice", PW, "203.0.113.98", null, null)
                            .user()
                            .username())
                    .isEqualTo("alice");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void failedLoginsAreLimitedPerAddressAcrossAccounts(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            t.user("alice", Role.MEMBER);
            for (int i = 0; i < RateRule.LOGIN_ADDRESS.limit(); i++) {
                String name = "guess" + i;
                refusal(() -> t.accounts.login(name, "wrong password", "198.51.100.1", null, null));
            }
            AccountRefusal limited = refusal(() -> t.accounts.login("alice", PW, "198.51.100.1", null, null));
            assertThat(limited.getMessage())
                    .isEqualTo("too many login attempts from your address; try again in 45 seconds");
            assertThat(t.accounts.login("alice", PW, "198.51.100.2", null, null))
                    .isNotNull();
            t.clock.advance(Duration.ofSeconds(45));
            assertThat(t.accounts.login("alice", PW, "198.51.100.1", null, null))
                    .isNotNull();
        }
    }
}
