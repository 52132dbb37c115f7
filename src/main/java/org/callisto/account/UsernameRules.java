package org.callisto.account;

import java.util.Locale;
import java.util.Set;

/**
 * What a username may be: 3 to 32 characters of ASCII letters, digits, {@code _}, {@code -} and {@code .}, unique
 * regardless of case. ASCII only, so that two names cannot look alike with different letters. Stateless.
 */
public final class UsernameRules {
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 32;
    /** Names no one may register, to keep them from impersonating the site; answered like a taken name. */
    static final Set<String> RESERVED = Set.of(
            "admin",
            "administrator",
            "root",
            "callisto",
            "editor",
            "editors",
            "moderator",
            "moderators",
            "system",
            "staff",
            "support",
            "anonymous",
            "deleted",
            "nobody",
            "null");

    private UsernameRules() {}

    /**
     * Checks a username and returns it without surrounding spaces.
     *
     * @throws AccountRefusal saying what is wrong and what is allowed
     */
    public static String check(String username) {
        if (username == null || username.isBlank()) {
            throw new AccountRefusal("enter a username");
        }
        String name = username.strip();
        if (name.length() > MAX_LENGTH) {
            throw new AccountRefusal("the username is too long (" + name.length() + " characters); use " + MIN_LENGTH
                    + " to " + MAX_LENGTH + " characters");
        }
        if (name.length() < MIN_LENGTH) {
            throw new AccountRefusal("the username '" + name + "' is too short; use " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!allowed(c)) {
                String shown = Character.isWhitespace(c) || Character.isISOControl(c)
                        ? String.format("U+%04X", (int) c)
                        : "'" + c + "'";
                throw new AccountRefusal("the username contains " + shown + ", which is not allowed; use letters"
                        + " a-z and A-Z, digits and the signs _ - .");
            }
        }
        return name;
    }

    /** The key a name is unique by: lower case. */
    public static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    static boolean reserved(String username) {
        return RESERVED.contains(key(username));
    }

    private static boolean allowed(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.';
    }
}
