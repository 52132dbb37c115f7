package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Images whose URL sits in {@code data-src} for a lazy-loading script keep their picture without the script. */
class LazyImageTest {
    private final HtmlSanitizer sanitizer = HtmlSanitizer.aggregated();

    @Test
    void dataSrcBecomesSrcWhenThereIsNoSrc() {
        assertThat(sanitizer.sanitize(
                        "<img data-src=\"/img/a.jpg\" alt=\"a\" class=\"lazyload\">", "https://blog.example/post"))
                .isEqualTo("<img alt=\"a\" src=\"https://blog.example/img/a.jpg\">");
    }

    @Test
    void unsafeLazySourcesAreIgnored() {
        assertThat(sanitizer.sanitize(
                        "<img data-src=\"javascript:alert(1)\" data-lazy-src=\"https://b.example/b.png\">", null))
                .isEqualTo("<img src=\"https://b.example/b.png\" alt=\"\">");
        assertThat(sanitizer.sanitize("<img data-original=\"data:image/svg+xml,<svg onload=alert(1)>\">", null))
                .isEmpty();
    }

    @Test
    void aRealSrcWins() {
        assertThat(sanitizer.sanitize(
                        "<img src=\"https://b.example/a.png\" data-src=\"https://b.example/big.png\" alt=\"\">", null))
                .isEqualTo("<img src=\"https://b.example/a.png\" alt=\"\">");
    }
}
