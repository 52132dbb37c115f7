package org.callisto.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.callisto.config.Config.Registration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegistrationTest {
    private static final String PW = TestAccounts.PASSWORD;

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void openRegistrationMakesMembersWhoCanLogIn(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            User alice = t.accounts.register("Alice", PW, null, "192.0.2.1");
            assertThat(alice.username()).isEqualTo("Alice");
            assertThat(alice.role()).isEqualTo(Role.MEMBER);
            assertThat(alice.banned()).isFalse();
            assertThat(alice.invitedBy()).isEmpty();
            assertThat(alice.createdAt()).isEqualTo(t.clock.instant());
            assertThat(t.accounts
                            .login("alice", PW, "192.0.2.1", null, null)
                            .user()
                            .id())
                    .isEqualTo(alice.id());
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void closedRegistrationRefusesEveryoneAndIssuesNoInvitations(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.CLOSED)) {
            assertThatThrownBy(() -> t.accounts.register("alice", PW, null, "192.0.2.1"))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage("registration is closed on this site; an administrator can create accounts");
            t.user("boss", Role.ADMIN);
            Session boss = t.login("boss");
            assertThatThrownBy(() -> t.accounts.invite(boss))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessageContaining("registration is closed");
            assertThat(t.accounts.store().users()).extracting(User::username).containsExactly("boss");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void invitationsAreNeededOnceAndRecordWhoInvitedWhom(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.INVITE)) {
            User bob = t.user("bob", Role.MEMBER);
            assertThatThrownBy(() -> t.accounts.register("carol", PW, null, "192.0.2.1"))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage("an invitation code is needed to register here; ask a member for one");
            assertThatThrownBy(() -> t.accounts.register("carol", PW, "  ", "192.0.2.1"))
                    .hasMessageContaining("invitation code is needed");

            IssuedInvitation issued = t.accounts.invite(t.login("bob"));
            assertThat(issued.code()).hasSize(43);
            assertThat(issued.toString()).doesNotContain(issued.code());
            assertThat(issued.invitation().createdBy()).isEqualTo(bob.id());
            assertThat(issued.invitation().expiresAt())
                    .isEqualTo(t.clock.instant().plus(Accounts.INVITATION_LIFETIME));

            User carol = t.accounts.register("carol", PW, issued.code(), "192.0.2.1");
            assertThat(carol.invitedBy()).contains(bob.id());
            assertThat(t.accounts.store().invitees(bob.id()))
                    .extracting(User::username)
                    .containsExactly("carol");
            assertThat(t.accounts.invitationsBy(bob)).singleElement().satisfies(i -> {
                assertThat(i.usedBy()).contains(carol.id());
                assertThat(i.usable(t.clock.instant())).isFalse();
            });

            assertThatThrownBy(() -> t.accounts.register("dave", PW, issued.code(), "192.0.2.1"))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage(Accounts.INVITATION_UNUSABLE);
            assertThat(t.accounts.store().userByName("dave")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void expiredOrMadeUpInvitationsAreRefusedAlike(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.INVITE)) {
            t.user("bob", Role.MEMBER);
            IssuedInvitation issued = t.accounts.invite(t.login("bob"));
            t.clock.advance(Accounts.INVITATION_LIFETIME.plus(Duration.ofSeconds(1)));
            assertThatThrownBy(() -> t.accounts.register("carol", PW, issued.code(), "192.0.2.1"))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage(Accounts.INVITATION_UNUSABLE);
            assertThatThrownBy(() -> t.accounts.register("carol", PW, "made-up-code", "192.0.2.1"))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage(Accounts.INVITATION_UNUSABLE);
            assertThatThrownBy(() -> t.accounts.register("carol", PW, "x".repeat(100_000), "192.0.2.1"))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage(Accounts.INVITATION_UNUSABLE);
            assertThat(t.accounts.store().userByName("carol")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aNameTakenInAnyCaseIsAnsweredLikeAReservedOneAndKeepsTheInvitation(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.INVITE)) {
            t.user("Alice", Role.MEMBER);
            IssuedInvitation issued = t.accounts.invite(t.login("alice"));
            AccountRefusal taken = refusal(() -> t.accounts.register("aLICE", PW, issued.code(), "192.0.2.1"));
            AccountRefusal reserved = refusal(() -> t.accounts.register("Admin", PW, issued.code(), "192.0.2.1"));
            assertThat(taken.getMessage()).isEqualTo(Accounts.NAME_UNAVAILABLE).isEqualTo(reserved.getMessage());
            assertThat(taken.getMessage()).doesNotContain("taken").doesNotContain("exists");
            assertThat(t.accounts
                            .register("alice2", PW, issued.code(), "192.0.2.1")
                            .invitedBy())
                    .isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void oneAddressMayMakeOnlyAFewAccountsAnHour(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            for (int i = 0; i < RateRule.REGISTRATION_ADDRESS.limit(); i++) {
                t.accounts.register("user" + i, PW, null, "198.51.100.7");
            }
            AccountRefusal limited = refusal(() -> t.accounts.register("one-more", PW, null, "198.51.100.7"));
            assertThat(limited.getMessage())
                    .isEqualTo("too many new accounts from your address; try again in 12 minutes");
            assertThat(limited.retryAfter()).contains(Duration.ofMinutes(12));
            assertThat(t.accounts
                            .register("elsewhere", PW, null, "198.51.100.8")
                            .username())
                    .isEqualTo("elsewhere");
            t.clock.advance(Duration.ofMinutes(12));
            assertThat(t.accounts.register("one-more", PW, null, "198.51.100.7").username())
                    .isEqualTo("one-more");
        }
    }

    static AccountRefusal refusal(Runnable r) {
        try {
            r.run();
        } catch (AccountRefusal e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }
}
