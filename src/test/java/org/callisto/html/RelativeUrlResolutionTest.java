package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Relative URLs in href, src, srcset, poster and cite become absolute against the entry's URL. */
class RelativeUrlResolutionTest {
    private static final String BASE = "https://blog.example/2024/05/post.html";
    private final HtmlSanitizer sanitizer = HtmlSanitizer.aggregated();

    @Test
    void linksAreResolvedAndGetRel() {
        assertThat(sanitizer.sanitize("<a href=\"../about\" target=\"_blank\">me</a>", BASE))
                .isEqualTo("<a href=\"https://blog.example/2024/about\" rel=\"noopener noreferrer\">me</a>");
    }

    @Test
    void rootRelativeProtocolRelativeQueryAndFragmentAreResolved() {
        assertThat(sanitizer.sanitize("<a href=\"/tags/java\">t</a>", BASE))
                .contains("href=\"https://blog.example/tags/java\"");
        assertThat(sanitizer.sanitize("<a href=\"//cdn.example/x\">t</a>", BASE))
                .contains("href=\"https://cdn.example/x\"");
        assertThat(sanitizer.sanitize("<a href=\"?page=2\">t</a>", BASE))
                .contains("href=\"https://blog.example/2024/05/post.html?page=2\"");
        assertThat(sanitizer.sanitize("<a href=\"#fn1\">1</a>", BASE))
                .contains("href=\"https://blog.example/2024/05/post.html#fn1\"");
        assertThat(sanitizer.sanitize("<a href=\"img.png\">t</a>", "https://blog.example"))
                .contains("href=\"https://blog.example/img.png\"");
    }

    @Test
    void mediaUrlsAreResolved() {
        String out = sanitizer.sanitize(
                "<img src=\"a b.png\" srcset=\"a-2x.png 2x, /a-800.png 800w\" alt=\"A\" sizes=\"100vw\">"
                        + "<video src=\"v.mp4\" poster=\"p.jpg\" controls autoplay></video>"
                        + "<blockquote cite=\"/source\">q</blockquote>",
                BASE);
        assertThat(out)
                .isEqualTo("<img src=\"https://blog.example/2024/05/a%20b.png\""
                        + " srcset=\"https://blog.example/2024/05/a-2x.png 2x, https://blog.example/a-800.png 800w\" alt=\"A\" sizes=\"100vw\">"
                        + "<video src=\"https://blog.example/2024/05/v.mp4\" poster=\"https://blog.example/2024/05/p.jpg\""
                        + " controls=\"\"></video><blockquote cite=\"https://blog.example/source\">q</blockquote>");
    }

    @Test
    void absoluteUrlsAreKeptAsTheyAre() {
        assertThat(sanitizer.sanitize("<a href=\"http://other.example/a?b=1&amp;c=2\">x</a>", BASE))
                .isEqualTo("<a href=\"http://other.example/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">x</a>");
        assertThat(sanitizer.sanitize("<a href=\"mailto:me@blog.example\">mail</a>", BASE))
                .contains("href=\"mailto:me@blog.example\"");
    }

    @Test
    void relativeUrlsAreDroppedWhenThereIsNoUsableBase() {
        assertThat(sanitizer.sanitize("<a href=\"/x\">x</a><img src=\"y.png\" alt=\"\">", null))
                .isEqualTo("<a>x</a>");
        assertThat(sanitizer.sanitize("<a href=\"/x\">x</a>", "file:///etc/passwd"))
                .isEqualTo("<a>x</a>");
    }

    @Test
    void otherSchemesAreDropped() {
        assertThat(sanitizer.sanitize(
                        "<a href=\"ftp://x.example/f\">f</a><a href=\"file:///etc\">g</a>"
                                + "<img src=\"mailto:x@y\" alt=\"\">",
                        BASE))
                .isEqualTo("<a>f</a><a>g</a>");
    }
}
