package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Broken, nested and unclosed markup is repaired as a browser would, and the repair is stable. */
class MalformedMarkupTest {
    private final HtmlSanitizer sanitizer = HtmlSanitizer.aggregated();

    private String stable(String html) {
        String out = sanitizer.sanitize(html, "https://blog.example/");
        assertThat(sanitizer.sanitize(out, "https://blog.example/"))
                .as("fixed point of %s", html)
                .isEqualTo(out);
        assertThat(SafetyCheck.violations(out)).as("safety of %s", html).isEmpty();
        return out;
    }

    @Test
    void unclosedElementsAreClosed() {
        assertThat(stable("<p>one<p>two<ul><li>a<li>b")).isEqualTo("<p>one</p><p>two</p><ul><li>a</li><li>b</li></ul>");
        assertThat(stable("<b><i>x</b>y</i>")).isEqualTo("<b><i>x</i></b><i>y</i>");
    }

    @Test
    void nestedLinksAreSplit() {
        assertThat(stable("<a href=\"/1\">a<a href=\"/2\">b</a></a>"))
                .isEqualTo("<a href=\"https://blog.example/1\" rel=\"noopener noreferrer\">a</a>"
                        + "<a href=\"https://blog.example/2\" rel=\"noopener noreferrer\">b</a>");
    }

    @Test
    void misplacedTableContentIsMovedOut() {
        assertThat(stable("<table><tr><td>1</td></tr>text<div>d</div></table>"))
                .isEqualTo("text<div>d</div><table><tbody><tr><td>1</td></tr></tbody></table>");
    }

    @Test
    void droppedScopeElementsDoNotLeaveImpossibleNesting() {
        stable("<p>a<marquee><div>b</div></marquee>c</p>");
        stable("<p>a<button><p>b</p></button>c</p>");
        stable("<p><object><div>x</div></object></p>");
        stable("<p><svg><foreignObject><div>x</div></foreignObject></svg></p>");
        stable("<table><td><template><tr><td>x</td></tr></template></td></table>");
    }

    @Test
    void commentsAndCdataAreRemoved() {
        assertThat(stable("a<!-- <script>alert(1)</script> -->b<![CDATA[<img src=x onerror=alert(1)>]]>c"))
                .isEqualTo("ab]]&gt;c");
    }

    @Test
    void mutationXssThroughRawTextElementsIsDefused() {
        assertThat(stable("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">"))
                .isEmpty();
        stable("<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">");
        stable("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>");
        stable("<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>");
    }

    @Test
    void deepNestingDoesNotOverflowTheStack() {
        String html = "<div>".repeat(20_000) + "deep" + "</div>".repeat(20_000);
        assertThat(sanitizer.sanitize(html, null)).contains("deep");
    }

    @Test
    void nullAndEmptyInputGiveEmptyOutput() {
        assertThat(sanitizer.sanitize(null, null)).isEmpty();
        assertThat(sanitizer.sanitize("", "https://blog.example/")).isEmpty();
    }
}
