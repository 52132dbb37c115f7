package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * HTML bombs come out small: nesting deeper than {@link HtmlSanitizer#MAX_DEPTH} is flattened with its text kept,
 * and a byte limit cuts the output on an element boundary (or a text at a word), closed and still a fixed point.
 */
class HtmlBombTest {
    private static final String BASE = "https://blog.example/2024/05/post.html";
    private final HtmlSanitizer sanitizer = HtmlSanitizer.aggregated();

    @Test
    void aMillionNestedDivsComeOutAsSixtyFourLevelsWithTheirText() {
        String bomb = "<div>".repeat(1_000_000) + "deep text";
        String out = sanitizer.sanitize(bomb, BASE);
        assertThat(out).contains("deep text");
        assertThat(count(out, "<div>")).isEqualTo(HtmlSanitizer.MAX_DEPTH);
        assertThat(out.length()).isLessThan(1_000);
        assertThat(sanitizer.sanitize(out, BASE)).isEqualTo(out);
    }

    @Test
    void halfAMillionNestedBoldItalicComeOutSmall() {
        String bomb = "<b><i>".repeat(500_000) + "x";
        String out = sanitizer.sanitize(bomb, BASE);
        assertThat(out).contains("x");
        assertThat(count(out, "<b>") + count(out, "<i>")).isLessThanOrEqualTo(HtmlSanitizer.MAX_DEPTH);
        assertThat(out.length()).isLessThan(1_000);
        assertThat(sanitizer.sanitize(out, BASE)).isEqualTo(out);
    }

    @Test
    void nestingUpToTheLimitIsKeptAndTheLevelBelowIsUnwrapped() {
        String atLimit = "<div>".repeat(HtmlSanitizer.MAX_DEPTH) + "t" + "</div>".repeat(HtmlSanitizer.MAX_DEPTH);
        assertThat(sanitizer.sanitize(atLimit, BASE)).isEqualTo(atLimit);
        String deeper = "<div>".repeat(HtmlSanitizer.MAX_DEPTH) + "<p>para</p><img src=\"/i.png\" alt=\"i\">"
                + "</div>".repeat(HtmlSanitizer.MAX_DEPTH);
        String out = sanitizer.sanitize(deeper, BASE);
        assertThat(out).contains("para").doesNotContain("<p>").contains("<img");
        assertThat(sanitizer.sanitize(out, BASE)).isEqualTo(out);
    }

    @Test
    void aByteLimitCutsOnAnElementBoundaryAndClosesWhatIsOpen() {
        StringBuilder html = new StringBuilder("<div><ul>");
        for (int i = 0; i < 10_000; i++) {
            html.append("<li><a href=\"/p/")
                    .append(i)
                    .append("\">item ")
                    .append(i)
                    .append("</a></li>");
        }
        html.append("</ul></div>");
        HtmlSanitizer.Result r = sanitizer.sanitize(html.toString(), BASE, 8 * 1024);
        assertThat(r.cut()).isTrue();
        assertThat(bytes(r.html())).isLessThanOrEqualTo(8 * 1024).isGreaterThan(7 * 1024);
        assertThat(r.html()).startsWith("<div><ul><li>").endsWith("</li></ul></div>");
        assertThat(count(r.html(), "<li>")).isEqualTo(count(r.html(), "</li>"));
        assertThat(sanitizer.sanitize(r.html(), BASE)).isEqualTo(r.html());
    }

    @Test
    void aLongTextIsCutAtAWordWithAnEllipsis() {
        String words = "lorem ipsum dolor sit amet ".repeat(50_000);
        HtmlSanitizer.Result r = sanitizer.sanitize("<p>" + words + "</p>", BASE, 1000);
        assertThat(r.cut()).isTrue();
        assertThat(r.html()).startsWith("<p>lorem ipsum").endsWith(TreeCleaner.ELLIPSIS + "</p>");
        assertThat(r.html()).doesNotContain(" " + TreeCleaner.ELLIPSIS);
        assertThat(bytes(r.html())).isLessThanOrEqualTo(1000).isGreaterThan(800);
        assertThat(sanitizer.sanitize(r.html(), BASE)).isEqualTo(r.html());
    }

    @Test
    void aCutNeverSplitsACharacterReferenceOrAMultiByteCharacter() {
        for (String unit : List.of("&", "<>", "é", "😀", "a\u00A0")) {
            for (int limit = 40; limit < 60; limit++) {
                HtmlSanitizer.Result r = sanitizer.sanitize("<p>" + unit.repeat(10_000) + "</p>", BASE, limit);
                assertThat(bytes(r.html())).as("%s at %d", unit, limit).isLessThanOrEqualTo(limit);
                assertThat(r.html()).as("%s at %d", unit, limit).endsWith("</p>");
                String text = r.html().substring(3, r.html().length() - 5); // between <p> and the ellipsis
                assertThat(text.replaceAll("&(amp|lt|gt|nbsp);", ""))
                        .as("%s at %d: %s", unit, limit, r.html())
                        .doesNotContain("&");
                assertThat(sanitizer.sanitize(r.html(), BASE)).isEqualTo(r.html());
            }
        }
    }

    @Test
    void whatFitsIsNotCutAndIsWhatTheUnlimitedSanitizerGives() {
        String html = "<p>Hello <b>world</b> <a href=\"/x\">link</a></p><pre>  code\n</pre>";
        HtmlSanitizer.Result r = sanitizer.sanitize(html, BASE, 256 * 1024);
        assertThat(r.cut()).isFalse();
        assertThat(r.html()).isEqualTo(sanitizer.sanitize(html, BASE));
        HtmlSanitizer.Result exact = sanitizer.sanitize(html, BASE, bytes(r.html()));
        assertThat(exact.cut()).isFalse();
        assertThat(exact.html()).isEqualTo(r.html());
    }

    @Test
    void aLimitOfZeroGivesNothing() {
        HtmlSanitizer.Result r = sanitizer.sanitize("<p>text</p>", BASE, 0);
        assertThat(r.html()).isEmpty();
        assertThat(r.cut()).isTrue();
    }

    @Test
    void cutsOfSplicedCorpusMarkupStayWithinTheLimitAndAreFixedPoints() {
        List<String> pool = new ArrayList<>(FeedFragments.under(Corpora.require("rome")));
        pool.addAll(FeedFragments.under(Corpora.require("miniflux/internal/reader/parser/testdata")));
        Random random = new Random(20261203L);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder html = new StringBuilder();
            int parts = 1 + random.nextInt(4);
            for (int p = 0; p < parts; p++) {
                String s = pool.get(random.nextInt(pool.size()));
                int from = random.nextInt(s.length());
                html.append(s, from, Math.min(s.length(), from + 1 + random.nextInt(2_000)));
            }
            int limit = random.nextInt(1_500);
            HtmlSanitizer.Result r = sanitizer.sanitize(html.toString(), BASE, limit);
            if (bytes(r.html()) > limit || !sanitizer.sanitize(r.html(), BASE).equals(r.html())) {
                failures.add("limit " + limit + ": " + html);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
