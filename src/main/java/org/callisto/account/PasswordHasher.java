package org.callisto.account;

import com.password4j.Argon2Function;
import com.password4j.Hash;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Hashes and checks passwords with argon2id (password4j), in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash} so each stored hash carries its own parameters.
 *
 * <p>The default parameters are the first of OWASP's argon2id recommendations (Password Storage Cheat Sheet):
 * 19 MiB of memory, 2 iterations, parallelism 1, with a 16-byte random salt and a 32-byte output. That costs a few
 * tens of milliseconds and 19 MiB per check, which also bounds how many logins a node can check at once.
 *
 * <p>Comparisons are constant-time (password4j compares with {@code slowEquals}). {@link #verifyUnknown} spends
 * the same work on a fixed dummy hash, so that logging in as a name that does not exist takes as long as a wrong
 * password for one that does.
 *
 * <p>Immutable and thread-safe.
 */
public final class PasswordHasher {
    /** KiB of memory per hash: 19 MiB. */
    public static final int MEMORY_KIB = 19 * 1024;

    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    private static final int OUTPUT_BYTES = 32;
    private static final int SALT_BYTES = 16;

    private final Argon2Function function;
    private final String dummyHash;

    /** A hasher with the OWASP parameters above. */
    public PasswordHasher() {
        this(MEMORY_KIB, ITERATIONS, PARALLELISM);
    }

    /** A hasher with other parameters: for tests that need speed, or a site that wants more cost. */
    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("argon2id parameters m=" + memoryKib + " KiB, t=" + iterations + ", p="
                    + parallelism + " are out of range; use m >= 8*p KiB, t >= 1, p >= 1");
        }
        this.function = Argon2Function.getInstance(memoryKib, iterations, parallelism, OUTPUT_BYTES, Argon2.ID);
        this.dummyHash = hash("callisto dummy password for unknown accounts");
    }

    /** Hashes a password with a fresh random salt. */
    public String hash(String password) {
        Hash h = Password.hash(password).addRandomSalt(SALT_BYTES).with(function);
        return h.getResult();
    }

    /**
     * Whether {@code password} matches {@code storedHash}. A stored hash that cannot be parsed never matches (and
     * still costs a dummy check, so the failure is not faster).
     */
    public boolean verify(String password, String storedHash) {
        if (password == null) {
            verifyUnknown("");
            return false;
        }
        Argon2Function stored;
        try {
            stored = Argon2Function.getInstanceFromHash(storedHash);
        } catch (RuntimeException e) {
            verifyUnknown(password);
            return false;
        }
        try {
            return stored.check(password, storedHash);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Spends the work of one check on a dummy hash and returns false; for names with no account. */
    public boolean verifyUnknown(String password) {
        function.check(password == null ? "" : password, dummyHash);
        return false;
    }

    /** Whether a stored hash was made with other parameters than this hasher's, and should be renewed at login. */
    public boolean needsRehash(String storedHash) {
        try {
            return !Argon2Function.getInstanceFromHash(storedHash).equals(function);
        } catch (RuntimeException e) {
            return true;
        }
    }
}
