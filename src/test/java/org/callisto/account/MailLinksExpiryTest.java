package org.callisto.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.callisto.config.Config;
import org.callisto.config.ConfigLoader;
import org.callisto.mail.Mailer;
import org.callisto.mail.Mailers;
import org.callisto.mail.TestMailServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The expiry and single use of mailed links and invitations, under a clock the test moves, on both databases,
 * with the mail received by a real SMTP server on loopback.
 */
class MailLinksExpiryTest {

    private record Setup(TestAccounts t, TestMailServer smtp, Mailer mailer, Membership m) implements AutoCloseable {
        @Override
        public void close() {
            mailer.close();
            smtp.close();
            t.close();
        }
    }

    private static Setup setup(String kind, Map<String, String> more) {
        TestMailServer smtp = new TestMailServer();
        Map<String, String> settings = new HashMap<>(smtp.settings());
        settings.putAll(more);
        Config config = ConfigLoader.of(settings);
        TestAccounts t = new TestAccounts(kind, Config.Registration.INVITE);
        Mailer mailer = Mailers.of(config.mail(), t.clock);
        return new Setup(t, smtp, mailer, Membership.of(t.db, t.accounts, config, mailer, t.clock));
    }

    private static String token(TestMailServer smtp, String to, int n, String path) {
        String link = TestMailServer.link(smtp.await(to, n), path).toString();
        return link.substring(link.indexOf(path) + path.length());
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aResetLinkExpiresAfterAnHourAndWorksOnce(String kind) {
        try (Setup s = setup(kind, Map.of())) {
            User ann = s.t().user("ann", Role.MEMBER);
            new MailSettingsStore(s.t().db).setEmail(ann.id(), "Ann@Example.org", null);
            s.m().resets().request("ann@example.org", "10.0.0.1");
            String first = token(s.smtp(), "Ann@Example.org", 1, MailLinks.RESET);
            s.t().clock.advance(PasswordResets.LINK_LIFETIME.plusSeconds(1));
            assertThatThrownBy(() -> s.m().resets().check(first)).hasMessageContaining("has expired");
            assertThatThrownBy(() -> s.m().resets().reset(first, "a new long password", "a new long password"))
                    .hasMessageContaining("has expired");

            s.m().resets().request("ANN@example.org", "10.0.0.1");
            String second = token(s.smtp(), "Ann@Example.org", 2, MailLinks.RESET);
            assertThat(s.m().resets().check(second).username()).isEqualTo("ann");
            s.m().resets().reset(second, "a new long password", "a new long password");
            assertThatThrownBy(() -> s.m().resets().reset(second, "another password!", "another password!"))
                    .hasMessageContaining("was used already");
            assertThat(s.t().accounts
                            .login("ann", "a new long password", "10.0.0.2", null, null)
                            .user()
                            .id())
                    .isEqualTo(ann.id());
            assertThat(s.m().mail().settings(ann.id()).verified())
                    .as("following the link proved the address")
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void resetRequestsAreLimitedPerMailAddressWhetherOrNotItIsKnown(String kind) {
        try (Setup s = setup(kind, Map.of())) {
            for (int i = 0; i < RateRule.RESET_MAILBOX.limit(); i++) {
                s.m().resets().request("nobody@example.org", "10.0.1." + i);
            }
            assertThatThrownBy(() -> s.m().resets().request("Nobody@Example.org", "10.0.2.1"))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessageStartingWith("too many password reset requests for this mail address; try again in");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void invitationsExpireAfterTheConfiguredLifetimeAndMembersHaveAQuota(String kind) {
        try (Setup s =
                setup(kind, Map.of("journal.invitation_lifetime", "2d", "journal.invitations_per_member", "2"))) {
            s.t().user("root", Role.ADMIN);
            s.t().user("bob", Role.MEMBER);
            Session bob = s.t().login("bob");
            Invitations.Issued one = s.m().invitations().issue(bob, "friend@example.org");
            assertThat(one.mailed()).isTrue();
            assertThat(one.invitation().invitation().expiresAt())
                    .isEqualTo(s.t().clock.instant().plus(Duration.ofDays(2)));
            Invitations.Issued two = s.m().invitations().issue(bob, null);
            assertThatThrownBy(() -> s.m().invitations().issue(bob, null))
                    .hasMessageContaining("you have 2 open invitations, as many as a member may have");
            s.m().invitations().revoke(bob, two.invitation().invitation().id());
            assertThatThrownBy(() -> s.t().accounts
                            .register(
                                    "late",
                                    "a long member password",
                                    two.invitation().code(),
                                    "10.0.3.1"))
                    .as("a revoked invitation")
                    .hasMessageContaining("was already used or has expired");
            assertThat(s.m().invitations().issue(bob, null)).isNotNull();

            Session root = s.t().login("root");
            for (int i = 0; i < 5; i++) {
                s.m().invitations().issue(root, null);
            }
            assertThat(s.m().invitations().quotaLeft(root.user()))
                    .as("administrators have no quota")
                    .isEmpty();

            assertThat(s.m().invitations().emailFor(one.invitation().code())).hasValue("friend@example.org");
            s.t().clock.advance(Duration.ofDays(2).plusSeconds(1));
            assertThat(s.m().invitations().emailFor(one.invitation().code())).isEmpty();
            assertThatThrownBy(() -> s.t().accounts
                            .register(
                                    "friend",
                                    "a long member password",
                                    one.invitation().code(),
                                    "10.0.3.2"))
                    .hasMessageContaining("was already used or has expired");
            assertThat(s.m().invitations().quotaLeft(bob.user()))
                    .as("expired ones no longer count")
                    .hasValue(2);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aVerificationLinkExpiresAfterAWeek(String kind) {
        try (Setup s = setup(kind, Map.of())) {
            s.t().user("cy", Role.MEMBER);
            Session cy = s.t().login("cy");
            assertThat(s.m().mail().changeAddress(cy, "cy@example.org")).isTrue();
            String token = token(s.smtp(), "cy@example.org", 1, MailLinks.VERIFY);
            s.t().clock.advance(MemberMail.VERIFICATION_LIFETIME.plusSeconds(1));
            assertThatThrownBy(() -> s.m().mail().verify(token)).hasMessageContaining("has expired");
            assertThat(s.m().mail().settings(cy.user().id()).verified()).isFalse();
        }
    }
}
