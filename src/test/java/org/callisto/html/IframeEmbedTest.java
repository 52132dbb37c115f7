package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Iframes survive only as sandboxed players from allowed hosts. */
class IframeEmbedTest {
    private static final String SANDBOX = "sandbox=\"allow-scripts allow-same-origin allow-presentation\"";
    private final HtmlSanitizer sanitizer = HtmlSanitizer.aggregated();

    @Test
    void youtubePlayerIsRebuiltSandboxed() {
        String out = sanitizer.sanitize(
                "<iframe width=\"560\" height=\"315\" src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\""
                        + " title=\"Video\" frameborder=\"0\" allow=\"autoplay\" onload=\"x()\" srcdoc=\"<script>\">fallback</iframe>",
                "https://blog.example/");
        assertThat(out)
                .isEqualTo("<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" width=\"560\" height=\"315\""
                        + " title=\"Video\" " + SANDBOX + " allowfullscreen loading=\"lazy\"></iframe>");
        assertThat(sanitizer.sanitize(out, "https://blog.example/")).isEqualTo(out);
    }

    @Test
    void nocookieYoutubeAndVimeoAreAllowed() {
        assertThat(sanitizer.sanitize(
                        "<iframe src=\"https://www.youtube-nocookie.com/embed/abc?start=3\"></iframe>", null))
                .startsWith("<iframe src=\"https://www.youtube-nocookie.com/embed/abc?start=3\" " + SANDBOX);
        assertThat(sanitizer.sanitize(
                        "<iframe src=\"//player.vimeo.com/video/76979871\"></iframe>", "https://b.example/"))
                .startsWith("<iframe src=\"https://player.vimeo.com/video/76979871\" " + SANDBOX);
    }

    @Test
    void otherIframesAreRemovedWithTheirContent() {
        for (String src : new String[] {
            "http://www.youtube.com/embed/abc", // not https
            "https://www.youtube.com/watch?v=abc", // not the player
            "https://www.youtube.com.evil.example/embed/abc",
            "https://evil.example/www.youtube.com/embed/abc",
            "https://www.youtube.com@evil.example/embed/abc",
            "https://www.youtube.com:8443/embed/abc",
            "https://www.youtube.com/embed/../redirect?q=x",
            "https://www.youtube.com/embed/",
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "https://peertube.example/videos/embed/123"
        }) {
            assertThat(sanitizer.sanitize("<p>a<iframe src=\"" + src + "\">b</iframe>c</p>", "https://blog.example/"))
                    .as(src)
                    .isEqualTo("<p>ac</p>");
        }
    }

    @Test
    void peerTubeInstancesAreAllowedOneByOne() {
        SanitizePolicy policy = SanitizePolicy.builder()
                .allow("p")
                .allowPeerTubeInstance("framatube.org")
                .build();
        HtmlSanitizer withPeerTube = new HtmlSanitizer(policy);
        assertThat(withPeerTube.sanitize("<iframe src=\"https://framatube.org/videos/embed/9c9de5e8\"></iframe>", null))
                .startsWith("<iframe src=\"https://framatube.org/videos/embed/9c9de5e8\" " + SANDBOX);
        assertThat(withPeerTube.sanitize("<iframe src=\"https://other.example/videos/embed/9c9de5e8\"></iframe>", null))
                .isEmpty();
    }
}
