package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Offsets to line:column and back, with every kind of line end and characters outside the BMP. */
class SourceLinesTest {

    @Test
    void placesCountLinesAndCharacters() {
        SourceLines lines = new SourceLines("ab\r\ncd\ref\n\uD83D\uDE00x");
        assertThat(lines.place(0)).isEqualTo("1:1");
        assertThat(lines.place(2)).isEqualTo("1:3");
        assertThat(lines.place(4)).isEqualTo("2:1");
        assertThat(lines.place(7)).isEqualTo("3:1");
        assertThat(lines.place(12)).isEqualTo("4:2");
        assertThat(lines.lineCount()).isEqualTo(4);
    }

    @Test
    void offsetIsTheInverseOfPlaceForRandomText() {
        Random random = new Random(3);
        String alphabet = "ab\r\n\uD83D\uDE00 <";
        for (int round = 0; round < 300; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(60);
            for (int i = 0; i < n; i++) {
                int k = random.nextInt(alphabet.length());
                sb.append(alphabet.charAt(k));
                if (Character.isHighSurrogate(alphabet.charAt(k))) {
                    sb.append(alphabet.charAt(k + 1));
                }
            }
            String text = sb.toString();
            SourceLines lines = new SourceLines(text);
            for (int o = 0; o <= text.length(); o++) {
                boolean boundary = o == 0 || o == text.length() || !Character.isLowSurrogate(text.charAt(o));
                boolean insideCrlf = o > 0 && o < text.length() && text.charAt(o - 1) == '\r' && text.charAt(o) == '\n';
                if (boundary && !insideCrlf) {
                    assertThat(lines.offset(lines.line(o), lines.column(o)))
                            .as("%s at %d", text, o)
                            .isEqualTo(o);
                }
            }
        }
    }
}
