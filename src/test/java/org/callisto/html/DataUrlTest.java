package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code data:} URLs survive only as raster images in {@code img src}. */
class DataUrlTest {
    private static final String PNG =
            "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    private final HtmlSanitizer sanitizer = HtmlSanitizer.aggregated();

    @Test
    void rasterImagesAreKept() {
        assertThat(sanitizer.sanitize("<img src=\"" + PNG + "\" alt=\"dot\">", null))
                .isEqualTo("<img src=\"" + PNG + "\" alt=\"dot\">");
        for (String type : new String[] {"jpeg", "gif", "webp", "PNG"}) {
            assertThat(sanitizer.sanitize("<img src=\"data:image/" + type + ";base64,AAAA\" alt=\"\">", null))
                    .as(type)
                    .isEqualTo("<img src=\"data:image/" + type + ";base64,AAAA\" alt=\"\">");
        }
    }

    @Test
    void htmlAndScriptDataUrlsAreRemoved() {
        assertThat(sanitizer.sanitize(
                        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>", null))
                .isEqualTo("<a>x</a>");
        assertThat(sanitizer.sanitize("<img src=\"data:text/html,<script>alert(1)</script>\">", null))
                .isEmpty();
        assertThat(sanitizer.sanitize("<img src=\"data:application/javascript,alert(1)\" alt=\"\">", null))
                .isEmpty();
    }

    @Test
    void svgDataUrlsAreRemoved() {
        assertThat(sanitizer.sanitize("<img src=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\" alt=\"\">", null))
                .isEmpty();
        assertThat(sanitizer.sanitize("<img src=\"data:image/svg+xml,%3Csvg onload=alert(1)%3E\" alt=\"\">", null))
                .isEmpty();
    }

    @Test
    void dataUrlsAreRemovedOutsideImgSrc() {
        assertThat(sanitizer.sanitize(
                        "<video src=\"data:video/mp4;base64,AAAA\" poster=\"" + PNG + "\"></video>"
                                + "<img src=\"https://b.example/a.png\" srcset=\"" + PNG + " 2x\" alt=\"\">",
                        null))
                .isEqualTo("<video></video><img src=\"https://b.example/a.png\" alt=\"\">");
    }

    @Test
    void policyRefusesSvgAsADataImageType() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> SanitizePolicy.builder().dataImageTypes("svg+xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("svg+xml");
    }
}
