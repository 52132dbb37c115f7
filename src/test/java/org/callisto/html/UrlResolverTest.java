package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** URLs as browsers accept them are resolved the way browsers do, and resolving twice changes nothing. */
class UrlResolverTest {
    private static final URI BASE = UrlResolver.base("https://blog.example/a/b.html?x=1#top");

    @Test
    void schemeIsFoundOnlyInTheLeadingPosition() {
        assertThat(UrlResolver.scheme("JavaScript:x")).isEqualTo("javascript");
        assertThat(UrlResolver.scheme("a/b:c")).isEmpty();
        assertThat(UrlResolver.scheme(":x")).isEmpty();
        assertThat(UrlResolver.scheme("1http:x")).isEmpty();
    }

    @Test
    void browserIgnoredCharactersAreStripped() {
        assertThat(UrlResolver.strip("\u0001 java\tscr\nipt:x \u0000")).isEqualTo("javascript:x");
    }

    @Test
    void charactersUriRejectsArePercentEncoded() {
        assertThat(UrlResolver.resolve("c d.png", BASE)).hasToString("https://blog.example/a/c%20d.png");
        assertThat(UrlResolver.resolve("100%.html", BASE)).hasToString("https://blog.example/a/100%25.html");
        assertThat(UrlResolver.resolve("x#a#b", BASE)).hasToString("https://blog.example/a/x#a%23b");
        assertThat(UrlResolver.resolve("café", BASE)).hasToString("https://blog.example/a/caf%C3%A9");
    }

    @Test
    void javaUriQuirksAreAvoided() {
        assertThat(UrlResolver.resolve("", BASE)).hasToString("https://blog.example/a/b.html?x=1");
        assertThat(UrlResolver.resolve("?y=2", BASE)).hasToString("https://blog.example/a/b.html?y=2");
        assertThat(UrlResolver.resolve("#f", BASE)).hasToString("https://blog.example/a/b.html?x=1#f");
        assertThat(UrlResolver.resolve("p", UrlResolver.base("https://blog.example")))
                .hasToString("https://blog.example/p");
    }

    @Test
    void resolvingAResolvedUrlIsIdentity() {
        for (String raw : new String[] {"../up", "c d.png", "café?q=ü#frag", "//cdn.example/x", "100%"}) {
            URI once = UrlResolver.resolve(raw, BASE);
            assertThat(UrlResolver.resolve(once.toString(), BASE)).as(raw).isEqualTo(once);
        }
    }

    @Test
    void onlyAbsoluteHttpUrlsServeAsBase() {
        assertThat(UrlResolver.base(null)).isNull();
        assertThat(UrlResolver.base("/relative")).isNull();
        assertThat(UrlResolver.base("javascript:alert(1)")).isNull();
        assertThat(UrlResolver.base("file:///etc/")).isNull();
        assertThat(UrlResolver.base(" https://b.example/x ")).hasToString("https://b.example/x");
    }
}
