package org.callisto.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.callisto.config.Config.Registration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PasswordRenewalTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void changingThePasswordOnThePageEndsEverySessionFromBeforeAndGivesANewOne(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            User alice = t.user("alice", Role.MEMBER);
            Session laptop = t.login("alice");
            Session phone = t.login("alice");

            Session renewed = t.accounts.changePasswordAndRenewSession(
                    laptop, TestAccounts.PASSWORD, "a much better passphrase", "JUnit");

            assertThat(renewed.id()).isNotEqualTo(laptop.id());
            assertThat(renewed.user().id()).isEqualTo(alice.id());
            assertThat(t.accounts.session(laptop.id())).isEmpty();
            assertThat(t.accounts.session(phone.id())).isEmpty();
            assertThat(t.accounts.session(renewed.id())).isPresent();
            assertThat(t.accounts.store().countSessions(alice.id(), t.clock.instant()))
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aRefusedChangeKeepsTheSession(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            t.user("alice", Role.MEMBER);
            Session laptop = t.login("alice");
            assertThatThrownBy(() -> t.accounts.changePasswordAndRenewSession(
                            laptop, "wrong password here", "a much better passphrase", null))
                    .hasMessage("the current password is not right");
            assertThat(t.accounts.session(laptop.id())).isPresent();
        }
    }
}
