package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Scripts, styles, event handlers, script URLs, forms and plug-ins never survive; allowed markup does. */
class ScriptRemovalTest {
    private final HtmlSanitizer sanitizer = HtmlSanitizer.aggregated();

    @Test
    void eventHandlersAndStyleAttributesAreRemoved() {
        assertThat(sanitizer.sanitize(
                        "<p onclick=\"alert(1)\" OnMouseOver=\"x\" style=\"color:red\" class=\"c\" id=\"i\">"
                                + "<img src=\"https://b.example/a.png\" onerror=\"alert(1)\" alt=\"a\"></p>",
                        null))
                .isEqualTo("<p><img src=\"https://b.example/a.png\" alt=\"a\"></p>");
    }

    @Test
    void scriptsAndStylesGoWithTheirContent() {
        assertThat(sanitizer.sanitize(
                        "a<script>alert(1)</script>b<style>p{}</style>c<noscript><p>n</p></noscript>d", null))
                .isEqualTo("abcd");
    }

    @Test
    void scriptUrlsAreRemovedHoweverTheyAreWritten() {
        for (String href : new String[] {
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java&#x0A;script:alert(1)",
            "&#106;avascript:alert(1)",
            "&#x01;javascript:alert(1)",
            "vbscript:msgbox(1)",
            "javascript&colon;alert(1)"
        }) {
            assertThat(sanitizer.sanitize("<a href=\"" + href + "\">x</a>", "https://blog.example/"))
                    .as(href)
                    .isEqualTo("<a>x</a>");
        }
    }

    @Test
    void formsPluginsAndDocumentLevelElementsAreRemoved() {
        assertThat(sanitizer.sanitize(
                        "<form action=\"/x\"><input name=q><button>Go</button><select><option>o</select>"
                                + "<textarea>t</textarea></form><object data=\"x.swf\">o</object><embed src=\"x.swf\">"
                                + "<applet code=\"x\">a</applet><base href=\"https://evil.example/\"><meta http-equiv=\"refresh\">"
                                + "<link rel=\"stylesheet\" href=\"x.css\"><svg><script>alert(1)</script></svg>"
                                + "<math><mi xlink:href=\"javascript:alert(1)\">m</mi></math><p>kept</p>",
                        null))
                .isEqualTo("<p>kept</p>");
    }

    @Test
    void allowedMarkupIsKept() {
        String html = "<h2 title=\"t\">H</h2><p>a <strong>b</strong> <em>c</em> <abbr title=\"d\">D</abbr>"
                + " <q cite=\"https://q.example/\">q</q> <time datetime=\"2024-05-01\">May</time> <mark>m</mark>"
                + " <sub>1</sub><sup>2</sup> <kbd>k</kbd> <del>x</del><ins>y</ins></p>"
                + "<ol start=\"3\" type=\"i\"><li>one</li></ol><dl><dt>t</dt><dd>d</dd></dl>"
                + "<table><caption>c</caption><thead><tr><th colspan=\"2\">h</th></tr></thead>"
                + "<tbody><tr><td rowspan=\"2\">1</td><td>2</td></tr></tbody></table>"
                + "<figure><img src=\"https://b.example/a.png\" alt=\"a\" width=\"640\" height=\"480\">"
                + "<figcaption>f</figcaption></figure><details open><summary>s</summary>d</details>"
                + "<picture><source srcset=\"https://b.example/a.webp\" type=\"image/webp\">"
                + "<img src=\"https://b.example/a.png\" alt=\"\"></picture>"
                + "<audio controls=\"\" src=\"https://b.example/a.mp3\"></audio><hr><br>";
        assertThat(sanitizer.sanitize(html, null)).isEqualTo(html);
    }

    @Test
    void unknownElementsAreUnwrappedAndSectioningBecomesDiv() {
        assertThat(sanitizer.sanitize(
                        "<article><header><font color=red>Title</font></header>"
                                + "<custom-el data-x=\"1\">body</custom-el></article>",
                        null))
                .isEqualTo("<div><div>Title</div>body</div>");
    }

    @Test
    void malformedAttributeValuesAreDropped() {
        assertThat(sanitizer.sanitize(
                        "<ol start=\"x\" type=\"disc\"><li>a</li></ol>"
                                + "<table><tr><td colspan=\"2;x\">c</td></tr></table>",
                        null))
                .isEqualTo("<ol><li>a</li></ol><table><tbody><tr><td>c</td></tr></tbody></table>");
    }
}
