package org.callisto.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionCookieTest {
    private static final String ID = "AbC-dEf_0123456789abcdefghijklmnopqrstuvwxy";

    @Test
    void isHttpOnlyAndSameSiteLaxAndSecureOnlyBehindHttps() {
        assertThat(new SessionCookie(URI.create("http://localhost:8080/")).set(ID, Duration.ofDays(30)))
                .isEqualTo("callisto_session=" + ID + "; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax");
        assertThat(new SessionCookie(URI.create("https://journal.example.org/")).set(ID, Duration.ofDays(30)))
                .isEqualTo("callisto_session=" + ID + "; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax; Secure");
    }

    @Test
    void clearingExpiresTheCookieAtOnce() {
        assertThat(new SessionCookie(URI.create("https://journal.example.org/")).clear())
                .isEqualTo("callisto_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure");
    }

    @Test
    void readsTheIdBackFromACookieHeaderAndIgnoresAnythingMalformed() {
        assertThat(SessionCookie.read("theme=dark; callisto_session=" + ID + "; lang=en"))
                .contains(ID);
        assertThat(SessionCookie.read(null)).isEmpty();
        assertThat(SessionCookie.read("")).isEmpty();
        assertThat(SessionCookie.read("callisto_session=")).isEmpty();
        assertThat(SessionCookie.read("callisto_session=a;b")).contains("a");
        assertThat(SessionCookie.read("callisto_session=x'y")).isEmpty();
        assertThat(SessionCookie.read("callisto_session=" + "a".repeat(10_000))).isEmpty();
        assertThat(SessionCookie.read("callisto_session=\"" + ID + "\";$Path=\"/\""))
                .as("RFC 2965 quoting")
                .contains(ID);
    }

    @Test
    void refusesToWriteAnIdThatCouldInjectAttributes() {
        SessionCookie cookie = new SessionCookie(URI.create("http://localhost/"));
        assertThatThrownBy(() -> cookie.set("abc; Domain=evil.example", Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("session id");
        assertThatThrownBy(() -> cookie.set("", Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
