package org.callisto.account;

import java.util.Locale;

/**
 * What a user may do in the journal. Each role may do everything the roles before it may: members submit and
 * comment, editors also run the editor queue and moderate, admins also manage accounts and roles.
 */
public enum Role {
    MEMBER,
    EDITOR,
    ADMIN;

    /** The name stored in the database and shown in the CLI: {@code member}, {@code editor}, {@code admin}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role includes everything {@code other} may do. */
    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    /**
     * The role of a stored or typed name, ignoring case.
     *
     * @throws AccountRefusal naming the value and the known roles when it is none of them
     */
    public static Role of(String key) {
        if (key != null) {
            for (Role r : values()) {
                if (r.key().equalsIgnoreCase(key.strip())) {
                    return r;
                }
            }
        }
        throw new AccountRefusal("'" + key + "' is not a role; use member, editor or admin");
    }
}
