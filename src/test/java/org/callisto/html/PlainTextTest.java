package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Plain text and excerpts from HTML, for titles, listings and search. */
class PlainTextTest {

    @Test
    void textIsDecodedCollapsedAndTrimmed() {
        assertThat(HtmlText.toPlainText("  <h1>Fish &amp; Chips</h1>\n<p>are   <b>great</b></p>  "))
                .isEqualTo("Fish & Chips are great");
        assertThat(HtmlText.toPlainText("Ampersand &lt;b&gt; stays text")).isEqualTo("Ampersand <b> stays text");
    }

    @Test
    void invisibleContentIsLeftOut() {
        assertThat(HtmlText.toPlainText(
                        "a<script>var x;</script><style>p{}</style><noscript>n</noscript>" + "<template>t</template>b"))
                .isEqualTo("ab");
    }

    @Test
    void nullAndEmptyGiveEmptyText() {
        assertThat(HtmlText.toPlainText(null)).isEmpty();
        assertThat(HtmlText.toPlainText("")).isEmpty();
    }

    @Test
    void shortTextIsReturnedWhole() {
        assertThat(HtmlText.excerpt("<p>Short post.</p>", 20)).isEqualTo("Short post.");
        assertThat(HtmlText.excerpt("<p>Exactly ten</p>", 11)).isEqualTo("Exactly ten");
    }

    @Test
    void longTextIsCutAtAWordBoundaryWithAnEllipsis() {
        String out = HtmlText.excerpt("<p>The quick brown fox jumps over the lazy dog</p>", 20);
        assertThat(out).isEqualTo("The quick brown fox…");
        assertThat(out.length()).isLessThanOrEqualTo(20);
        assertThat(HtmlText.excerpt("<p>One, two, three, four</p>", 12)).isEqualTo("One, two…");
    }

    @Test
    void aSingleLongWordIsCutInside() {
        assertThat(HtmlText.excerpt("Supercalifragilistic", 8)).isEqualTo("Superca…");
    }

    @Test
    void surrogatePairsAreNotSplit() {
        assertThat(HtmlText.excerpt("ab😀😀😀😀", 5)).isEqualTo("ab😀…");
        String out = HtmlText.excerpt("ab😀😀😀😀", 4);
        assertThat(out).isEqualTo("ab…");
        assertThat(out.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF)).isTrue();
    }

    @Test
    void tooSmallALimitIsRefused() {
        assertThatThrownBy(() -> HtmlText.excerpt("x", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxChars");
    }
}
