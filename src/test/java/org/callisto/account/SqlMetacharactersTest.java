package org.callisto.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.callisto.config.Config.Registration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Quotes, comment markers and LIKE wildcards reach the database as data, never as SQL. */
class SqlMetacharactersTest {
    private static final String PW = TestAccounts.PASSWORD;

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void namesWithSqlSignsAreStoredAndFoundLiterally(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            User dashes = t.accounts.register("drop--table", PW, null, "192.0.2.1");
            User underscore = t.accounts.register("a_b", PW, null, "192.0.2.2");
            User dots = t.accounts.register("..-..", PW, null, "192.0.2.3");
            assertThat(t.accounts.store().userByName("DROP--TABLE")).contains(dashes);
            assertThat(t.accounts.store().userByName("a_b")).contains(underscore);
            assertThat(t.accounts.store().userByName("axb"))
                    .as("_ is no wildcard")
                    .isEmpty();
            assertThat(t.accounts.store().userByName("a%")).isEmpty();
            assertThat(t.accounts.register("axb", PW, null, "192.0.2.4").username())
                    .isEqualTo("axb");
            assertThat(t.accounts.login("..-..", PW, "192.0.2.5", null, null).user())
                    .isEqualTo(dots);
            assertThat(t.accounts.store().users()).hasSize(4);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void injectionAttemptsAreRefusedOrFailLikeAnyWrongLogin(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            t.user("alice", Role.ADMIN);
            assertThatThrownBy(() -> t.accounts.register("x'); DROP TABLE users;--", PW, null, null))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessageContaining("is not allowed");
            assertThatThrownBy(() -> t.accounts.login("alice' --", "anything at all", null, null, null))
                    .hasMessage(Accounts.LOGIN_FAILED);
            assertThatThrownBy(() -> t.accounts.login("' OR '1'='1", "' OR '1'='1", null, null, null))
                    .hasMessage(Accounts.LOGIN_FAILED);
            String quoted = "pass'word\"; DELETE FROM users; --";
            User bob = t.accounts.register("bob", quoted, null, "192.0.2.9");
            assertThat(t.accounts
                            .login("bob", quoted, null, null, "ua'); DROP TABLE sessions;--")
                            .user())
                    .isEqualTo(bob);
            assertThat(t.accounts.store().users()).hasSize(2);
        }
    }
}
