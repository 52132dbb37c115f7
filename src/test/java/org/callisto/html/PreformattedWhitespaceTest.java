package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Shell sessions, diffs and config files in {@code pre} and {@code code} keep every space and line break. */
class PreformattedWhitespaceTest {
    private final HtmlSanitizer sanitizer = HtmlSanitizer.aggregated();

    @Test
    void shellSessionKeepsIndentationAndBlankLines() {
        String html =
                "<pre><code>$ ls -l\ntotal 8\n\n  drwxr-xr-x  2 me  me  4096 .\n\t-rw-r--r--  1 me  me   42 a.txt\n"
                        + "</code></pre>";
        assertThat(sanitizer.sanitize(html, null)).isEqualTo(html);
    }

    @Test
    void diffKeepsLeadingSignsAndEscapedMarkup() {
        String html =
                "<pre>--- a/x.html\n+++ b/x.html\n@@ -1 +1 @@\n-&lt;p&gt;old&lt;/p&gt;\n+&lt;p&gt;new &amp; better&lt;/p&gt;\n</pre>";
        assertThat(sanitizer.sanitize(html, null)).isEqualTo(html);
    }

    @Test
    void leadingBlankLineInPreSurvivesReparsing() {
        // The parser drops one newline right after <pre>; the serializer must put it back.
        String out = sanitizer.sanitize("<pre>\n\n  indented\n</pre>", null);
        assertThat(out).isEqualTo("<pre>\n\n  indented\n</pre>");
        assertThat(sanitizer.sanitize(out, null)).isEqualTo(out);
    }

    @Test
    void inlineCodeKeepsRunsOfSpaces() {
        assertThat(sanitizer.sanitize("<p>run <code>a  &nbsp; b</code> now</p>", null))
                .isEqualTo("<p>run <code>a  &nbsp; b</code> now</p>");
    }

    @Test
    void markupInsideCodeIsStillSanitized() {
        assertThat(sanitizer.sanitize("<pre>x <script>alert(1)</script><b onclick=y>z</b>\n</pre>", null))
                .isEqualTo("<pre>x <b>z</b>\n</pre>");
    }
}
