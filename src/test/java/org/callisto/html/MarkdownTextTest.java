package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Markdown through CommonMark and then the same sanitizer policy as HTML fragments. */
class MarkdownTextTest {
    private static final String REL = " rel=\"nofollow ugc noopener\"";

    @Test
    void commonMarkIsRendered() {
        assertThat(MarkdownText.toHtml("Some *emphasis* and **strong** and `code`.\n\n- one\n- two"))
                .isEqualTo("<p>Some <em>emphasis</em> and <strong>strong</strong> and <code>code</code>.</p>\n"
                        + "<ul>\n<li>one</li>\n<li>two</li>\n</ul>");
        assertThat(MarkdownText.toHtml("[x](https://example.org/)"))
                .isEqualTo("<p><a href=\"https://example.org/\"" + REL + ">x</a></p>");
    }

    @Test
    void scriptLinksAreNotProduced() {
        for (String md : new String[] {
            "[x](javascript:alert(1))",
            "[x](JAVASCRIPT:alert(1))",
            "[x](java&#x73;cript:alert(1))",
            "<javascript:alert(1)>",
            "[x](vbscript:x)",
            "[x](data:text/html,x)",
            "![x](javascript:alert(1))",
            "[x]\n\n[x]: javascript:alert(1)"
        }) {
            String html = MarkdownText.toHtml(md);
            assertThat(html.toLowerCase())
                    .as(md)
                    .doesNotContain("href=\"javascript:")
                    .doesNotContain("href=\"vbscript:")
                    .doesNotContain("href=\"data:")
                    .doesNotContain("src=");
            assertThat(SafetyCheck.violations(html)).as(md).isEmpty();
        }
    }

    @Test
    void rawHtmlIsEscapedNotPassed() {
        assertThat(MarkdownText.toHtml("<script>alert(1)</script>\n\nhi <b onmouseover=x>b</b>"))
                .isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
                        + "<p>hi &lt;b onmouseover=x&gt;b&lt;/b&gt;</p>");
    }

    @Test
    void headingsAndImagesFollowThePolicy() {
        assertThat(MarkdownText.toHtml("# Title\n\ntext")).isEqualTo("<p><strong>Title</strong></p>\n<p>text</p>");
        assertThat(MarkdownText.toHtml("# Title\n\n#### Sub", FragmentPolicy.submission(), null))
                .isEqualTo("<h3>Title</h3>\n<h4>Sub</h4>");
        assertThat(MarkdownText.toHtml("![a cat](https://example.org/cat.png)"))
                .isEqualTo("<p><a href=\"https://example.org/cat.png\"" + REL + ">a cat</a></p>");
    }

    @Test
    void relativeLinksAreResolvedAgainstTheSite() {
        assertThat(MarkdownText.toHtml("[s](/story/1)", FragmentPolicy.comment(), "https://journal.example/"))
                .isEqualTo("<p><a href=\"https://journal.example/story/1\"" + REL + ">s</a></p>");
    }

    @Test
    void theOutputRevalidates() {
        FragmentValidator v = new FragmentValidator(
                FragmentPolicy.submission().toBuilder().allow("a", "rel").build());
        String html = MarkdownText.toHtml(
                "# T\n\n> quote *a*\n\n1. x\n2. y\n\n```\n<b>&\n```\n\nx &amp; y < z",
                FragmentPolicy.submission(),
                null);
        assertThat(v.validate(html).errors()).isEmpty();
    }

    @Test
    void gfmTablesStrikethroughAndAutolinksPassThePolicyAndNothingElseDoes() {
        String html = MarkdownText.toHtml("| a | <b>b</b> |\n|:--|--:|\n| ~~gone~~ | https://example.org/x |\n\n"
                + "www.example.org and javascript:alert(1)");
        assertThat(html)
                .contains("<table>")
                .contains("<th>a</th>")
                .contains("&lt;b&gt;b&lt;/b&gt;")
                .contains("<del>gone</del>")
                .contains("<a href=\"https://example.org/x\" rel=\"nofollow ugc noopener\">https://example.org/x</a>")
                .contains("http://www.example.org")
                .doesNotContain("align")
                .doesNotContain("href=\"javascript");
        // rel is the sanitizer's own addition, which the validator never accepts from members
        String withoutRel = html.replace(" rel=\"nofollow ugc noopener\"", "");
        assertThat(new FragmentValidator(FragmentPolicy.comment())
                        .validate(withoutRel)
                        .errors())
                .as(html)
                .isEmpty();
    }
}
