package org.callisto.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormTokensTest {
    private final FormTokens tokens =
            new FormTokens(new ServerKey(Secrets.newToken().getBytes()));

    @Test
    void aTokenIsTheSignatureOfTheCookieForOneFormNotTheCookieItself() {
        String cookie = tokens.newCookieValue();
        String token = tokens.tokenFor(cookie, "login");
        assertThat(token).isNotEqualTo(cookie).hasSize(43);
        assertThat(tokens.matches(cookie, "login", token)).isTrue();
        assertThat(tokens.matches(cookie, "login", " " + token + " ")).isTrue();
        assertThat(tokens.matches(cookie, "register", token)).as("another form").isFalse();
        assertThat(tokens.matches(tokens.newCookieValue(), "login", token))
                .as("another browser")
                .isFalse();
        assertThat(tokens.matches(cookie, "login", cookie))
                .as("a planted equal pair")
                .isFalse();
        FormTokens otherSite = new FormTokens(new ServerKey(Secrets.newToken().getBytes()));
        assertThat(otherSite.matches(cookie, "login", token))
                .as("another site's key")
                .isFalse();
    }

    @Test
    void malformedCookiesAndTokensNeverMatch() {
        String cookie = tokens.newCookieValue();
        String token = tokens.tokenFor(cookie, "login");
        assertThat(tokens.matches(null, "login", token)).isFalse();
        assertThat(tokens.matches(cookie, "login", null)).isFalse();
        assertThat(tokens.matches(cookie, "login", "")).isFalse();
        assertThat(tokens.matches(cookie, "login", "x".repeat(500))).isFalse();
        assertThat(tokens.matches("short", "login", tokens.tokenFor("short", "login")))
                .isFalse();
        assertThat(FormTokens.plausibleCookie("a".repeat(42) + "!")).isEmpty();
        assertThat(FormTokens.plausibleCookie(cookie)).contains(cookie);
    }
}
