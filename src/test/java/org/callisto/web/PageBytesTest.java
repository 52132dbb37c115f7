package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.TemplateOutput;
import gg.jte.html.escape.Escape;
import gg.jte.output.Utf8ByteOutput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PageBytesTest {
    private static final List<String> TEXTS = List.of(
            "plain ASCII",
            "",
            "café “quoted” <b>&'\"",
            "emoji 😀 after ASCII",
            "😀 first, then ASCII",
            "a lone surrogate \uD83D here and \uDE00 there",
            "ends with a lone high surrogate \uD83D",
            "日本語のテキスト",
            "x".repeat(70_000));

    @Test
    void givesTheBytesJtesOwnOutputGivesForEveryKindOfText() {
        Consumer<TemplateOutput> page = out -> {
            for (String s : TEXTS) {
                out.writeBinaryContent("<p title=\"".getBytes(StandardCharsets.UTF_8));
                Escape.htmlAttribute(s, out);
                out.writeBinaryContent("\">".getBytes(StandardCharsets.UTF_8));
                Escape.htmlContent(s, out);
                out.writeContent(s);
                if (s.length() > 4) {
                    out.writeContent(s, 2, s.length() - 1);
                }
                out.writeBinaryContent("</p>\n".getBytes(StandardCharsets.UTF_8));
            }
        };
        Utf8ByteOutput jte = new Utf8ByteOutput();
        page.accept(jte);
        PageBytes small = new PageBytes(0);
        page.accept(small);
        PageBytes large = new PageBytes(1 << 20);
        page.accept(large);

        assertThat(small.toByteArray()).isEqualTo(jte.toByteArray());
        assertThat(large.toByteArray()).isEqualTo(jte.toByteArray());
        assertThat(small.length()).isEqualTo(jte.getContentLength());
    }
}
