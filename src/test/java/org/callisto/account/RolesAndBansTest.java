package org.callisto.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.callisto.config.Config.Registration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RolesAndBansTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void onlyAdministratorsChangeRolesAndTheLastAdministratorKeepsTheRole(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            User admin = t.user("root-user", Role.ADMIN);
            User ed = t.user("ed", Role.EDITOR);
            User member = t.user("mem", Role.MEMBER);
            Session adminSession = t.login("root-user");
            assertThat(t.accounts
                            .setRole(adminSession, member.id(), Role.EDITOR)
                            .role())
                    .isEqualTo(Role.EDITOR);
            assertThatThrownBy(() -> t.accounts.setRole(t.login("ed"), member.id(), Role.ADMIN))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage("only administrators can change roles");
            assertThatThrownBy(() -> t.accounts.setRole(adminSession, admin.id(), Role.MEMBER))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage(Accounts.LAST_ADMIN);
            assertThatThrownBy(() -> t.accounts.setRole(adminSession, member.id(), Role.EDITOR))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage("the account mem is an editor already;" + " nothing was changed");
            assertThatThrownBy(() -> t.accounts.setRole(adminSession, 9999, Role.MEMBER))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessageContaining("there is no account number 9999");
            assertThatThrownBy(() -> t.accounts.setRole(adminSession, ed.id(), null))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage("choose a role: member, editor or admin");
            assertThat(t.accounts.store().countWithRole(Role.EDITOR)).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void anAdministratorMayGiveUpTheRoleWhenAnotherOneRemains(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            User first = t.user("first-admin", Role.ADMIN);
            User second = t.user("second-admin", Role.ADMIN);
            Session firstSession = t.login("first-admin");
            t.accounts.ban(firstSession, second.id(), "testing: a banned admin does not count");
            assertThatThrownBy(() -> t.accounts.setRole(firstSession, first.id(), Role.EDITOR))
                    .hasMessage(Accounts.LAST_ADMIN);
            t.accounts.unban(firstSession, second.id());
            assertThat(t.accounts.setRole(firstSession, first.id(), Role.EDITOR).role())
                    .isEqualTo(Role.EDITOR);
            assertThatThrownBy(() -> t.accounts.setRole(t.login("second-admin"), second.id(), Role.MEMBER))
                    .hasMessage(Accounts.LAST_ADMIN);
            assertThat(t.accounts.store().countWithRole(Role.ADMIN)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void editorsBanMembersAndAdministratorsBanAnyoneButThemselves(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            User admin = t.user("boss", Role.ADMIN);
            User ed = t.user("ed", Role.EDITOR);
            User member = t.user("mem", Role.MEMBER);
            Session edSession = t.login("ed");
            Session adminSession = t.login("boss");
            assertThatThrownBy(() -> t.accounts.ban(t.login("mem"), ed.id(), "no"))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessageContaining("only editors can ban members");
            assertThatThrownBy(() -> t.accounts.ban(edSession, admin.id(), "coup"))
                    .isInstanceOf(AccountRefusal.class);
            assertThatThrownBy(() -> t.accounts.ban(edSession, member.id(), " "))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage("give a reason for the ban; it is kept with the account");
            assertThatThrownBy(() -> t.accounts.ban(adminSession, admin.id(), "oops"))
                    .hasMessage("you cannot ban your own account");
            assertThat(t.accounts.ban(edSession, member.id(), "spam").banned()).isTrue();
            assertThat(t.accounts.unban(edSession, member.id()).banned()).isFalse();
            assertThat(t.accounts.ban(adminSession, ed.id(), "abuse").banned()).isTrue();
            assertThat(t.accounts.session(edSession.id())).isEmpty();
        }
    }

    @Test
    void rolesAreOrderedAndParsedIgnoringCase() {
        assertThat(Role.ADMIN.atLeast(Role.EDITOR)).isTrue();
        assertThat(Role.EDITOR.atLeast(Role.MEMBER)).isTrue();
        assertThat(Role.MEMBER.atLeast(Role.EDITOR)).isFalse();
        assertThat(Role.of(" Editor ")).isEqualTo(Role.EDITOR);
        assertThatThrownBy(() -> Role.of("god"))
                .isInstanceOf(AccountRefusal.class)
                .hasMessage("'god' is not a role; use member, editor or admin");
        assertThatThrownBy(() -> Role.of(null)).isInstanceOf(AccountRefusal.class);
    }
}
