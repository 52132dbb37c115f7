package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What members type as plain text, as HTML: escaped, with paragraphs, line breaks and links. */
class PlainTextToHtmlTest {
    private static final String REL = " rel=\"nofollow ugc noopener\"";

    @Test
    void everythingIsEscaped() {
        assertThat(PlainText.toHtml("<script>alert('x')</script> & \"q\""))
                .isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>");
    }

    @Test
    void lineEndsBecomeBreaksAndBlankLinesParagraphs() {
        assertThat(PlainText.toHtml("one\ntwo\n\nthree\r\nfour\r\n\r\n\r\nfive\rsix\r\rseven"))
                .isEqualTo("<p>one<br>\ntwo</p>\n<p>three<br>\nfour</p>\n<p>five<br>\nsix</p>\n<p>seven</p>");
        assertThat(PlainText.toHtml("a\n  \t\nb")).isEqualTo("<p>a</p>\n<p>b</p>");
        assertThat(PlainText.toHtml("\n\n  a  \n\n")).isEqualTo("<p>  a</p>");
    }

    @Test
    void emptyTextGivesNothing() {
        assertThat(PlainText.toHtml(null)).isEmpty();
        assertThat(PlainText.toHtml(" \n\r\n ")).isEmpty();
    }

    @Test
    void addressesBecomeLinksWithoutTheSentencesPunctuation() {
        assertThat(PlainText.toHtml("See https://example.org/a.html."))
                .isEqualTo(
                        "<p>See <a href=\"https://example.org/a.html\"" + REL + ">https://example.org/a.html</a>.</p>");
        assertThat(PlainText.toHtml("(see http://example.org/x), then"))
                .isEqualTo("<p>(see <a href=\"http://example.org/x\"" + REL + ">http://example.org/x</a>), then</p>");
        assertThat(PlainText.toHtml("https://en.wikipedia.org/wiki/Foo_(bar)!"))
                .isEqualTo("<p><a href=\"https://en.wikipedia.org/wiki/Foo_(bar)\"" + REL
                        + ">https://en.wikipedia.org/wiki/Foo_(bar)</a>!</p>");
        assertThat(PlainText.toHtml("mail mailto:me@example.org, or not"))
                .isEqualTo(
                        "<p>mail <a href=\"mailto:me@example.org\"" + REL + ">mailto:me@example.org</a>, or not</p>");
        assertThat(PlainText.toHtml("q https://x.org/?a=1&b=2;"))
                .isEqualTo(
                        "<p>q <a href=\"https://x.org/?a=1&amp;b=2\"" + REL + ">https://x.org/?a=1&amp;b=2</a>;</p>");
    }

    @Test
    void otherSchemesAndBrokenAddressesStayText() {
        assertThat(PlainText.toHtml("javascript:alert(1) ftp://x.org https:// mailto:"))
                .doesNotContain("<a");
        assertThat(PlainText.toHtml("xhttps://example.org")).doesNotContain("<a");
    }

    @Test
    void theOutputIsAValidComment() {
        FragmentValidator v = new FragmentValidator(
                FragmentPolicy.comment().toBuilder().allow("a", "rel").build());
        String html = PlainText.toHtml("a < b && c\u0001\n\nhttps://x.org/<y> &nbsp; \uD800 (https://a.org/b)");
        assertThat(v.validate(html).errors()).isEmpty();
    }
}
