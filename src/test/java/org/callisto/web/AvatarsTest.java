package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Generated initials: the letters chosen, and an SVG data: URI that escapes whatever a feed's name holds. */
class AvatarsTest {

    @Test
    void initialsAreTheFirstLettersOfTheFirstAndLastWords() {
        assertThat(Avatars.letters("Dana Whitfield")).isEqualTo("DW");
        assertThat(Avatars.letters("kai")).isEqualTo("K");
        assertThat(Avatars.letters("Ana María de la Cruz")).isEqualTo("AC");
        assertThat(Avatars.letters("  «Ünal» Çelik ")).isEqualTo("ÜÇ");
        assertThat(Avatars.letters("李 小龙")).isEqualTo("李小");
        assertThat(Avatars.letters("--- !!!")).isEqualTo("?");
        assertThat(Avatars.letters(null)).isEqualTo("?");
    }

    @Test
    void aFaceWinsAndInitialsAreAnSvgDataUriWithTheirTextEscaped() {
        assertThat(Avatars.of("Ann", "https://a.example/a.png")).isEqualTo("https://a.example/a.png");
        String uri = Avatars.of("<b>&amp' \"x", null);
        assertThat(uri).startsWith("data:image/svg+xml,").doesNotContain(" ", "\"", "<", ">", "#");
        String svg = URLDecoder.decode(uri.substring("data:image/svg+xml,".length()), StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg xmlns='http://www.w3.org/2000/svg'").endsWith("</svg>");
        assertThat(svg).contains(">BX</text>").doesNotContain("<b>");
        assertThat(Avatars.of("Dana Whitfield", null)).isEqualTo(Avatars.of("Dana Whitfield", ""));
    }
}
