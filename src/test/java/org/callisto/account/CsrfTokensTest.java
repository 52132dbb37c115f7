package org.callisto.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsrfTokensTest {
    private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");
    private static final User ALICE = new User(1, "alice", Role.MEMBER, false, T, Optional.empty());

    private static Session session() {
        return new Session(Secrets.newToken(), ALICE, Secrets.newToken(), T, T, T.plusSeconds(3600));
    }

    @Test
    void aTokenIsValidForItsSessionAndFormOnly() {
        Session s = session();
        String token = CsrfTokens.tokenFor(s, "comment");
        assertThat(token).hasSize(43).isEqualTo(CsrfTokens.tokenFor(s, "comment"));
        assertThat(CsrfTokens.matches(s, "comment", token)).isTrue();
        assertThat(CsrfTokens.matches(s, "logout", token)).isFalse();
        assertThat(CsrfTokens.matches(session(), "comment", token)).isFalse();
        assertThatCode(() -> CsrfTokens.require(s, "comment", token)).doesNotThrowAnyException();
    }

    @Test
    void missingOrWrongTokensAreRefusedWithWhatToDo() {
        Session s = session();
        assertThatThrownBy(() -> CsrfTokens.require(s, "comment", null))
                .isInstanceOf(AccountRefusal.class)
                .hasMessage("the form arrived without its security token; reload the page and send it again");
        assertThatThrownBy(() -> CsrfTokens.require(s, "comment", "  "))
                .isInstanceOf(AccountRefusal.class)
                .hasMessageContaining("without its security token");
        String other = CsrfTokens.tokenFor(session(), "comment");
        assertThatThrownBy(() -> CsrfTokens.require(s, "comment", other))
                .isInstanceOf(AccountRefusal.class)
                .hasMessageContaining("security token is not valid")
                .hasMessageContaining("reload the page");
        assertThatThrownBy(() -> CsrfTokens.require(s, "comment", "x".repeat(1_000_000)))
                .isInstanceOf(AccountRefusal.class);
        assertThatThrownBy(() -> CsrfTokens.require(null, "comment", other)).isInstanceOf(AccountRefusal.class);
    }

    @Test
    void theSessionsSecretsStayOutOfItsText() {
        Session s = session();
        assertThat(s.toString())
                .doesNotContain(s.id())
                .doesNotContain(s.csrfSecret())
                .contains("alice");
    }
}
