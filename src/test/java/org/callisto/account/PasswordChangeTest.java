package org.callisto.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.callisto.config.Config.Registration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PasswordChangeTest {
    private static final String PW = TestAccounts.PASSWORD;
    private static final String NEW = "a much better passphrase";

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void changingThePasswordEndsEveryOtherSessionAndKeepsThisOne(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            User alice = t.user("alice", Role.MEMBER);
            Session laptop = t.login("alice");
            Session phone = t.login("alice");
            t.user("bob", Role.MEMBER);
            Session bob = t.login("bob");

            t.accounts.changePassword(laptop, PW, NEW);

            assertThat(t.accounts.session(laptop.id())).isPresent();
            assertThat(t.accounts.session(phone.id())).isEmpty();
            assertThat(t.accounts.session(bob.id())).isPresent();
            assertThat(t.accounts.store().countSessions(alice.id(), t.clock.instant()))
                    .isEqualTo(1);
            assertThatThrownBy(() -> t.login("alice")).hasMessage(Accounts.LOGIN_FAILED);
            assertThat(t.accounts.login("alice", NEW, "192.0.2.1", null, null)).isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void theCurrentPasswordIsRequiredAndTheNewOneMustFollowTheRules(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            t.user("alice-the-great", Role.MEMBER);
            Session s = t.login("alice-the-great");
            assertThatThrownBy(() -> t.accounts.changePassword(s, "", NEW))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage("enter your current password");
            assertThatThrownBy(() -> t.accounts.changePassword(s, null, NEW))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage("enter your current password");
            assertThatThrownBy(() -> t.accounts.changePassword(s, "not my password", NEW))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage("the current password is not right");
            assertThatThrownBy(() -> t.accounts.changePassword(s, PW, "short"))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage("the password is too short (5 characters); use at least 10");
            assertThatThrownBy(() -> t.accounts.changePassword(s, PW, "Alice-The-Great"))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage("the password must not be the username; choose another");
            assertThatThrownBy(() -> t.accounts.changePassword(s, PW, null)).hasMessage("enter a password");
            assertThatThrownBy(() -> t.accounts.changePassword(null, PW, NEW)).hasMessage("log in first");
            assertThat(t.login("alice-the-great"))
                    .as("the old password still works")
                    .isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void guessingTheCurrentPasswordIsLimitedLikeLogins(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            t.user("alice", Role.MEMBER);
            Session s = t.login("alice");
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> t.accounts.changePassword(s, "guess number x", NEW))
                        .hasMessage("the current password is not right");
            }
            assertThatThrownBy(() -> t.accounts.changePassword(s, PW, NEW))
                    .hasMessage("too many login attempts for this account; try again in 3 minutes");
        }
    }
}
