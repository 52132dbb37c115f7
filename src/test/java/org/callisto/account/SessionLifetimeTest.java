package org.callisto.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.callisto.config.Config.Registration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SessionLifetimeTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aSessionUsedWithinTheIdleTimeSlidesForwardUpToTheMaximumAge(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            t.user("alice", Role.MEMBER);
            Session s = t.login("alice");
            for (int i = 0; i < 3; i++) {
                t.clock.advance(Accounts.SESSION_IDLE.minusDays(1));
                Session used = t.accounts.session(s.id()).orElseThrow();
                assertThat(used.lastSeenAt()).isEqualTo(t.clock.instant());
            }
            // 87 days after login: the next slide is capped at 90 days.
            t.clock.advance(Duration.ofDays(2));
            Session capped = t.accounts.session(s.id()).orElseThrow();
            assertThat(capped.expiresAt()).isEqualTo(s.createdAt().plus(Accounts.SESSION_MAX_AGE));
            t.clock.advance(Duration.ofDays(1));
            assertThat(t.accounts.session(s.id())).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void anIdleSessionExpiresAndIsSweptAway(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            User alice = t.user("alice", Role.MEMBER);
            Session s = t.login("alice");
            t.clock.advance(Duration.ofSeconds(30));
            assertThat(t.accounts.session(s.id()).orElseThrow().lastSeenAt())
                    .as("not written back within a minute")
                    .isEqualTo(s.createdAt());
            t.clock.advance(Accounts.SESSION_IDLE);
            assertThat(t.accounts.session(s.id())).isEmpty();
            assertThat(t.accounts.store().deleteExpiredSessions(t.clock.instant()))
                    .isEqualTo(1);
            assertThat(t.accounts.store().countSessions(alice.id(), t.clock.instant()))
                    .isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void idsThatAreMissingMalformedOrMadeUpFindNoSession(String kind) {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            t.user("alice", Role.MEMBER);
            Session s = t.login("alice");
            assertThat(t.accounts.session(null)).isEmpty();
            assertThat(t.accounts.session("")).isEmpty();
            assertThat(t.accounts.session("   ")).isEmpty();
            assertThat(t.accounts.session(s.id().toUpperCase())).isEmpty();
            assertThat(t.accounts.session(Secrets.digest(s.id())))
                    .as("the stored digest is not a key")
                    .isEmpty();
            assertThat(t.accounts.session("' OR '1'='1")).isEmpty();
            assertThat(t.accounts.session("x".repeat(1_000_000))).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void theDatabaseHoldsOnlyADigestOfTheSessionId(String kind) throws Exception {
        try (TestAccounts t = new TestAccounts(kind, Registration.OPEN)) {
            t.user("alice", Role.MEMBER);
            Session s = t.login("alice");
            String stored = t.db.withConnection(c -> {
                try (var st = c.createStatement();
                        var rs = st.executeQuery("SELECT id_hash, user_agent FROM sessions")) {
                    rs.next();
                    return rs.getString(1) + " " + rs.getString(2);
                }
            });
            assertThat(stored).isEqualTo(Secrets.digest(s.id()) + " JUnit").doesNotContain(s.id());
        }
    }
}
