package org.callisto.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.callisto.config.Config.Registration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JournalRateLimitsTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void submissionsAndCommentsAreLimitedPerAccountWithTheTimeToWait(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            t.user("alice", Role.MEMBER);
            t.user("bob", Role.MEMBER);
            Session alice = t.login("alice");
            Session bob = t.login("bob");
            for (int i = 0; i < 5; i++) {
                t.accounts.allowSubmission(alice);
            }
            assertThatThrownBy(() -> t.accounts.allowSubmission(alice))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage("too many submissions; try again in 12 minutes");
            for (int i = 0; i < 10; i++) {
                t.accounts.allowComment(alice);
            }
            AccountRefusal comments = RegistrationTest.refusal(() -> t.accounts.allowComment(alice));
            assertThat(comments.getMessage()).isEqualTo("too many comments; try again in 1 minute");
            assertThat(comments.retryAfter()).contains(Duration.ofMinutes(1));
            assertThatCode(() -> t.accounts.allowComment(bob)).doesNotThrowAnyException();
            t.clock.advance(Duration.ofMinutes(1));
            assertThatCode(() -> t.accounts.allowComment(alice)).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void invitationsAreLimitedPerMember(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.INVITE)) {
            t.user("alice", Role.MEMBER);
            Session alice = t.login("alice");
            for (int i = 0; i < RateRule.INVITATION.limit(); i++) {
                t.accounts.invite(alice);
            }
            assertThatThrownBy(() -> t.accounts.invite(alice)).hasMessage("too many invitations; try again in 3 hours");
            assertThat(t.accounts.invitationsBy(alice.user())).hasSize(10);
        }
    }
}
