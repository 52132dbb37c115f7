package org.callisto.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.callisto.config.Config.Registration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Missing, empty and huge fields end in a refusal that says what to do, never in another exception. */
class FieldRefusalTest {
    private static final String PW = TestAccounts.PASSWORD;
    private static final String HUGE = "a".repeat(5_000_000);

    @Test
    void usernamesFollowTheRulesAndSayWhichOneIsBroken() {
        assertThatThrownBy(() -> UsernameRules.check(null)).hasMessage("enter a username");
        assertThatThrownBy(() -> UsernameRules.check("")).hasMessage("enter a username");
        assertThatThrownBy(() -> UsernameRules.check(" \t ")).hasMessage("enter a username");
        assertThatThrownBy(() -> UsernameRules.check("ab"))
                .hasMessage("the username 'ab' is too short; use 3 to 32 characters");
        assertThatThrownBy(() -> UsernameRules.check("a".repeat(33)))
                .hasMessage("the username is too long (33 characters); use 3 to 32 characters");
        assertThatThrownBy(() -> UsernameRules.check(HUGE))
                .hasMessageStartingWith("the username is too long")
                .hasMessageNotContaining("aaaa");
        assertThatThrownBy(() -> UsernameRules.check("al ice"))
                .hasMessage("the username contains U+0020, which is not allowed; use letters a-z and A-Z, digits and"
                        + " the signs _ - .");
        assertThatThrownBy(() -> UsernameRules.check("alice'--")).hasMessageContaining("contains '''");
        assertThatThrownBy(() -> UsernameRules.check("zoë-smith")).hasMessageContaining("contains 'ë'");
        assertThatThrownBy(() -> UsernameRules.check("nul\0byte")).hasMessageContaining("U+0000");
        assertThat(UsernameRules.check("  A.b_c-9  ")).isEqualTo("A.b_c-9");
    }

    @Test
    void passwordsFollowTheRules() {
        assertThatThrownBy(() -> PasswordRules.check(null, "alice")).hasMessage("enter a password");
        assertThatThrownBy(() -> PasswordRules.check("", "alice")).hasMessage("enter a password");
        assertThatThrownBy(() -> PasswordRules.check("123456789", "alice"))
                .hasMessage("the password is too short (9 characters); use at least 10");
        assertThatThrownBy(() -> PasswordRules.check(" ".repeat(12), "alice"))
                .hasMessage("the password is only spaces; use at least 10 other characters");
        assertThatThrownBy(() -> PasswordRules.check("x".repeat(1025), "alice"))
                .hasMessage("the password is too long (1025 characters); use at most 1024");
        assertThatThrownBy(() -> PasswordRules.check("Alice-in-Wonderland", "alice-in-wonderland"))
                .hasMessage("the password must not be the username; choose another");
        PasswordRules.check("x".repeat(1024), "alice");
        PasswordRules.check("🔑".repeat(10), "alice");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void registrationRefusesMissingAndHugeFields(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            assertThatThrownBy(() -> t.accounts.register(null, PW, null, null))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage("enter a username");
            assertThatThrownBy(() -> t.accounts.register("alice", null, null, null))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage("enter a password");
            assertThatThrownBy(() -> t.accounts.register(HUGE, PW, null, null))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessageStartingWith("the username is too long");
            assertThatThrownBy(() -> t.accounts.register("alice", HUGE, null, null))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessageStartingWith("the password is too long");
            assertThatThrownBy(() -> t.accounts.register("alice", PW, HUGE, HUGE))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage(Accounts.INVITATION_UNUSABLE);
            assertThat(t.accounts.register("alice", PW, "", HUGE).username()).isEqualTo("alice");
            assertThat(t.accounts.store().users()).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void loginRefusesMissingAndHugeFields(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            t.user("alice", Role.MEMBER);
            assertThatThrownBy(() -> t.accounts.login(null, PW, null, null, null))
                    .hasMessage("enter your username");
            assertThatThrownBy(() -> t.accounts.login("", PW, null, null, null)).hasMessage("enter your username");
            assertThatThrownBy(() -> t.accounts.login("alice", null, null, null, null))
                    .hasMessage("enter your password");
            assertThatThrownBy(() -> t.accounts.login("alice", "", null, null, null))
                    .hasMessage("enter your password");
            assertThatThrownBy(() -> t.accounts.login(HUGE, PW, null, null, null))
                    .hasMessage(Accounts.LOGIN_FAILED);
            assertThatThrownBy(() -> t.accounts.login("alice", HUGE, null, null, null))
                    .hasMessage(Accounts.LOGIN_FAILED);
            Session s = t.accounts.login("alice", PW, HUGE, HUGE, HUGE);
            assertThat(t.accounts.session(s.id())).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void actionsWithoutASessionAskToLogIn(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.INVITE)) {
            assertThatThrownBy(() -> t.accounts.invite(null))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage("log in first");
            assertThatThrownBy(() -> t.accounts.allowComment(null)).hasMessage("log in first");
            assertThatThrownBy(() -> t.accounts.allowSubmission(null)).hasMessage("log in first");
            assertThatThrownBy(() -> t.accounts.ban(null, 1, "x")).hasMessage("log in first");
            assertThatThrownBy(() -> t.accounts.createAdmin("", PW)).hasMessage("enter a username");
            assertThatThrownBy(() -> t.accounts.createAdmin("boss", "")).hasMessage("enter a password");
        }
    }
}
