package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubscriptionUrlTest {

    @Test
    void acceptsAbsoluteHttpAndHttpsUrls() {
        assertThat(SubscriptionUrl.check(" https://example.org/feed.xml ")).isEqualTo("https://example.org/feed.xml");
        assertThat(SubscriptionUrl.check("http://example.org:8080/?feed=rss2"))
                .isEqualTo("http://example.org:8080/?feed=rss2");
    }

    @Test
    void lowerCasesSchemeAndHostButNotThePath() {
        assertThat(SubscriptionUrl.check("HTTPS://Blog.Example.ORG/Feed.XML"))
                .isEqualTo("https://blog.example.org/Feed.XML");
    }

    @Test
    void writesInternationalHostNamesInTheirAsciiForm() {
        assertThat(SubscriptionUrl.check("https://Bücher.example/feed"))
                .isEqualTo("https://xn--bcher-kva.example/feed");
        assertThat(SubscriptionUrl.check("http://bücher.example:8080/über"))
                .isEqualTo("http://xn--bcher-kva.example:8080/über");
    }

    @Test
    void refusesOtherSchemesNamingTheInput() {
        assertThatThrownBy(() -> SubscriptionUrl.check("ftp://x"))
                .hasMessage("'ftp://x' is not an http(s) URL; feeds are fetched over http or https");
        assertThatThrownBy(() -> SubscriptionUrl.check("file:///etc/passwd"))
                .hasMessageContaining("not an http(s) URL");
    }

    @Test
    void refusesRelativeEmptyHostlessAndBrokenUrls() {
        assertThatThrownBy(() -> SubscriptionUrl.check("example.org/feed")).hasMessageContaining("not an absolute URL");
        assertThatThrownBy(() -> SubscriptionUrl.check("  ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> SubscriptionUrl.check("http:///feed")).hasMessageContaining("has no host name");
        assertThatThrownBy(() -> SubscriptionUrl.check("https://exa mple.org/")).hasMessageContaining("is not a URL");
        assertThatThrownBy(() -> SubscriptionUrl.check("https://user:secret@example.org/"))
                .hasMessageContaining("user name or password");
    }

    @Test
    void refusesUrlsLongerThanTheCapShowingOnlyTheirBeginning() {
        String longUrl = "https://example.org/" + "a".repeat(100_000);

        assertThatThrownBy(() -> SubscriptionUrl.check(longUrl))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the feed URL 'https://example.org/" + "a".repeat(40) + "…' is too long: 100,020"
                        + " characters, where a feed URL may have at most 2,048; check that it was copied whole and"
                        + " alone");
        String longest = "https://example.org/" + "a".repeat(SubscriptionUrl.MAX_LENGTH - 20);
        assertThat(SubscriptionUrl.check(longest)).isEqualTo(longest);
    }
}
