package org.callisto.account;

/**
 * What a new password may be: 10 to 1024 characters, not only spaces, and not the username. Long passphrases are
 * welcome; the upper bound only keeps hashing cheap to refuse. Stateless.
 */
public final class PasswordRules {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 1024;

    private PasswordRules() {}

    /**
     * Checks a new password for the account {@code username}.
     *
     * @throws AccountRefusal saying what is wrong and what is needed
     */
    public static void check(String password, String username) {
        if (password == null || password.isEmpty()) {
            throw new AccountRefusal("enter a password");
        }
        if (password.length() > MAX_LENGTH) {
            throw new AccountRefusal(
                    "the password is too long (" + password.length() + " characters); use at most " + MAX_LENGTH);
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new AccountRefusal(
                    "the password is too short (" + length + " characters); use at least " + MIN_LENGTH);
        }
        if (password.isBlank()) {
            throw new AccountRefusal("the password is only spaces; use at least " + MIN_LENGTH + " other characters");
        }
        if (username != null && password.strip().equalsIgnoreCase(username.strip())) {
            throw new AccountRefusal("the password must not be the username; choose another");
        }
    }
}
