package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Images of 1×1 (or 0) pixels are there to track readers and are removed; real images stay. */
class TrackingPixelRemovalTest {
    private final HtmlSanitizer sanitizer = HtmlSanitizer.aggregated();

    @Test
    void onePixelImagesAreRemoved() {
        assertThat(sanitizer.sanitize(
                        "<p>text<img src=\"https://feeds.example/~r/x/~4/abc\" width=\"1\" height=\"1\" alt=\"\"></p>",
                        null))
                .isEqualTo("<p>text</p>");
        assertThat(sanitizer.sanitize("<img src=\"https://t.example/p.gif\" width=\"0\" height=\"0\" alt=\"\">", null))
                .isEmpty();
        assertThat(sanitizer.sanitize(
                        "<img src=\"https://t.example/p.gif\" width=\"1px\" height=\" 1 \" alt=\"\">", null))
                .isEmpty();
        assertThat(sanitizer.sanitize("<img src=\"https://t.example/p.gif\" width=\"1\" height=\"0\" alt=\"\">", null))
                .isEmpty();
    }

    @Test
    void imagesWithOtherSizesStay() {
        assertThat(sanitizer.sanitize(
                        "<img src=\"https://b.example/a.png\" width=\"1\" height=\"200\" alt=\"\">", null))
                .isEqualTo("<img src=\"https://b.example/a.png\" width=\"1\" height=\"200\" alt=\"\">");
        assertThat(sanitizer.sanitize("<img src=\"https://b.example/a.png\" width=\"1\" alt=\"\">", null))
                .isEqualTo("<img src=\"https://b.example/a.png\" width=\"1\" alt=\"\">");
    }

    @Test
    void imagesWithoutAUsableSourceAreRemoved() {
        assertThat(sanitizer.sanitize("<img alt=\"x\"><img src=\"javascript:alert(1)\" alt=\"y\">", null))
                .isEmpty();
    }
}
