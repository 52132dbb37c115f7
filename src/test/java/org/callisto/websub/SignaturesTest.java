package org.callisto.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignaturesTest {
    private static final byte[] BODY = "<feed/>".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureIsValidOnlyForItsSecretAndBody() {
        String header = Signatures.sign("secret", BODY);
        assertThat(header).startsWith("sha256=").hasSize(7 + 64);
        assertThat(Signatures.valid("secret", BODY, header)).isTrue();
        assertThat(Signatures.valid("secret", BODY, header.toUpperCase().replace("SHA256=", "sha256=")))
                .isTrue();
        assertThat(Signatures.valid("other", BODY, header)).isFalse();
        assertThat(Signatures.valid("secret", "<feed></feed>".getBytes(StandardCharsets.UTF_8), header))
                .isFalse();
    }

    @Test
    void missingMalformedOrUnknownSignaturesAreInvalid() {
        assertThat(Signatures.valid("secret", BODY, null)).isFalse();
        assertThat(Signatures.valid("secret", BODY, "sha256")).isFalse();
        assertThat(Signatures.valid("secret", BODY, "sha256=zz")).isFalse();
        assertThat(Signatures.valid("secret", BODY, "md5=00")).isFalse();
    }

    @Test
    void sha1SignaturesOfOlderHubsAreChecked() {
        // HMAC-SHA1("key", "The quick brown fox jumps over the lazy dog"), the RFC 2104 example from Wikipedia
        byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
        assertThat(Signatures.valid("key", fox, "sha1=de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9"))
                .isTrue();
    }
}
