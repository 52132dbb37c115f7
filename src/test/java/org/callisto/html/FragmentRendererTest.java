package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Valid fragments are stored sanitized, with members' links marked; invalid ones are not rendered at all. */
class FragmentRendererTest {
    private static final FragmentRenderer COMMENTS = FragmentRenderer.comment("https://journal.example/story/7");

    @Test
    void aValidFragmentIsStoredWithMembersLinksMarked() {
        RenderedFragment r = COMMENTS.render("<p>See <a href=\"https://example.org/x\" title=\"t\">this</a> and "
                + "<a href=\"/story/8\">that</a>.</p>");
        assertThat(r.valid()).isTrue();
        assertThat(r.html())
                .isEqualTo("<p>See <a href=\"https://example.org/x\" title=\"t\" "
                        + "rel=\"nofollow ugc noopener\">this</a> and <a href=\"https://journal.example/story/8\" "
                        + "rel=\"nofollow ugc noopener\">that</a>.</p>");
    }

    @Test
    void anInvalidFragmentGivesErrorsAndNoHtml() {
        RenderedFragment r = COMMENTS.render("<b onmouseover=alert(1)>x</b>");
        assertThat(r.valid()).isFalse();
        assertThat(r.html()).isNull();
        assertThat(r.errors()).hasSize(1);
    }

    @Test
    void thePreviewOfAnInvalidFragmentIsTheEscapedSourceWithMarks() {
        String preview = COMMENTS.preview("x < y\n<script>alert(1)</script>");
        assertThat(preview)
                .startsWith(
                        "<div class=\"validation-report\"><pre>x <mark title=\"a bare &lt; at 1:3; "
                                + "write &amp;lt;\">&lt;</mark> y\n<mark title=\"&lt;script&gt; is not allowed here; allowed tags are:")
                .contains("\">&lt;script&gt;</mark>alert(1)&lt;/script&gt;</pre>")
                .contains("<li>1:3: a bare &lt; at 1:3; write &amp;lt;</li>")
                .doesNotContain("<script");
        assertThat(SafetyCheck.violations(preview)).isEmpty();
        assertThat(COMMENTS.preview("<i>fine</i>")).isEqualTo("<i>fine</i>");
    }

    @Test
    void theSanitizerPoliciesMatchTheFragmentPolicies() {
        assertThat(SanitizePolicy.comment()).isEqualTo(FragmentPolicy.comment().sanitizePolicy());
        assertThat(SanitizePolicy.submission())
                .isEqualTo(FragmentPolicy.submission().sanitizePolicy());
        for (FragmentPolicy p : new FragmentPolicy[] {FragmentPolicy.comment(), FragmentPolicy.submission()}) {
            SanitizePolicy s = p.sanitizePolicy();
            assertThat(s.elements().keySet()).isEqualTo(p.elements().keySet());
            p.elements().forEach((e, attrs) -> assertThat(s.elements().get(e)).isEqualTo(attrs));
            assertThat(s.linkRel()).isEqualTo("nofollow ugc noopener");
        }
    }

    @Test
    void scriptCapableTagsAndAttributesCannotBeAllowed() {
        assertThatThrownBy(() ->
                        FragmentPolicy.comment().toBuilder().allow("script").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<script>");
        assertThatThrownBy(() -> FragmentPolicy.comment().toBuilder()
                        .allow("b", "onclick")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("onclick");
        assertThatThrownBy(() -> FragmentPolicy.comment().toBuilder()
                        .linkSchemes("javascript")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("javascript");
    }

    @Test
    void imagesCanBeAllowedByTheBuilder() {
        FragmentPolicy withImages = FragmentPolicy.submission().toBuilder()
                .allow("img", "src", "alt", "width", "height")
                .build();
        FragmentRenderer r = new FragmentRenderer(withImages, "https://journal.example/");
        assertThat(r.render("<img src=\"/a.png\" alt=\"A\">").html())
                .isEqualTo("<img src=\"https://journal.example/a.png\" alt=\"A\">");
        assertThat(r.validator()
                        .validate("<img src=\"data:image/png;base64,AAAA\">")
                        .errors()
                        .getFirst()
                        .message())
                .isEqualTo("src uses the data: scheme; use http or https");
    }
}
