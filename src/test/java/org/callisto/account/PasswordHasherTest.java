package org.callisto.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private static final PasswordHasher OWASP = new PasswordHasher();

    @Test
    void hashesWithArgon2idAtTheOwaspParametersAndASaltPerHash() {
        String a = OWASP.hash("correct horse battery");
        String b = OWASP.hash("correct horse battery");
        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(a).isNotEqualTo(b);
        assertThat(a).doesNotContain("correct horse");
    }

    @Test
    void verifiesTheRightPasswordOnlyAndEveryHashByItsOwnParameters() {
        String hash = OWASP.hash("correct horse battery");
        assertThat(OWASP.verify("correct horse battery", hash)).isTrue();
        assertThat(OWASP.verify("correct horse batterY", hash)).isFalse();
        assertThat(OWASP.verify("", hash)).isFalse();
        assertThat(OWASP.verify(null, hash)).isFalse();
        PasswordHasher cheap = new PasswordHasher(1024, 1, 1);
        assertThat(cheap.verify("correct horse battery", hash)).isTrue();
        assertThat(cheap.needsRehash(hash)).isTrue();
        assertThat(OWASP.needsRehash(hash)).isFalse();
    }

    @Test
    void aDamagedOrMissingHashNeverMatchesAndNeverThrows() {
        assertThat(OWASP.verify("anything at all", "not a hash")).isFalse();
        assertThat(OWASP.verify("anything at all", "")).isFalse();
        assertThat(OWASP.verify("anything at all", null)).isFalse();
        assertThat(OWASP.verify("anything at all", "$argon2id$v=19$m=19456,t=2,p=1$AAAA$"))
                .isFalse();
        assertThat(OWASP.needsRehash("not a hash")).isTrue();
    }

    @Test
    void unknownAccountsCostAboutAsMuchAsAWrongPassword() {
        String hash = OWASP.hash("correct horse battery");
        for (int i = 0; i < 3; i++) { // warm up
            OWASP.verify("wrong password!", hash);
            OWASP.verifyUnknown("wrong password!");
        }
        long known = time(() -> OWASP.verify("wrong password!", hash));
        long unknown = time(() -> OWASP.verifyUnknown("wrong password!"));
        assertThat(OWASP.verifyUnknown("correct horse battery")).isFalse();
        // Both run one argon2id check with the same parameters; allow generous noise on a busy machine.
        assertThat((double) unknown).isBetween(known / 3.0, known * 3.0);
    }

    private static long time(Runnable r) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            r.run();
            best = Math.min(best, System.nanoTime() - t);
        }
        return best;
    }
}
