package org.callisto.planet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Atom 0.3 {@code mode="base64"} content decodes to its UTF-8 text; what is not Base64 gives null. */
class Base64ContentTest {
    @Test
    void decodesMimeWrappedBase64AsUtf8() {
        // "<p>Café crème</p>" in UTF-8, wrapped as mail and feeds wrap it
        assertThat(Base64Content.decode("  PHA+Q2Fmw6kg\n  Y3LDqG1lPC9wPg==\n")).isEqualTo("<p>Café crème</p>");
    }

    @Test
    void nothingOrBrokenBase64GivesNull() {
        assertThat(Base64Content.decode(null)).isNull();
        assertThat(Base64Content.decode("  ")).isNull();
        assertThat(Base64Content.decode("abc=d")).isNull();
    }
}
