package org.callisto.account;

/**
 * Who may give roles and ban accounts: administrators give roles (never leaving the site without an administrator
 * that is not banned), editors ban members, administrators ban anyone but themselves. Refusals are
 * {@link AccountRefusal}s that can be shown as they are. Thread-safe: the store is.
 */
final class AccountRoles {
    private final AccountStore store;

    AccountRoles(AccountStore store) {
        this.store = store;
    }

    /** The refusal when the last administrator would lose the role. */
    static final String LAST_ADMIN = "this is the only administrator account that is not banned, so it keeps"
            + " the admin role; make another account an administrator first";

    /**
     * Gives an account a role; only administrators may. Administrators may give up their own role, but the last
     * administrator that is not banned may not, so a site never loses its last administrator (checked in the same
     * statement that changes the role).
     *
     * @throws AccountRefusal when the actor may not, there is no such account, it has that role already, or the
     *                        change would leave the site without an administrator
     */
    public User setRole(Session actor, long userId, Role role) {
        requireSession(actor);
        if (role == null) {
            throw new AccountRefusal("choose a role: member, editor or admin");
        }
        if (actor.user().role() != Role.ADMIN) {
            throw new AccountRefusal("only administrators can change roles");
        }
        User target = target(userId);
        if (target.role() == role) {
            throw new AccountRefusal("the account " + target.username() + " is " + article(role) + " " + role.key()
                    + " already; nothing was changed");
        }
        if (!store.setRoleKeepingAnAdmin(userId, role)) {
            throw new AccountRefusal(LAST_ADMIN);
        }
        return target(userId);
    }

    private static String article(Role role) {
        return role == Role.MEMBER ? "a" : "an";
    }

    /**
     * Bans an account and ends its sessions. Editors may ban members; administrators may ban anyone but
     * themselves.
     *
     * @throws AccountRefusal when the reason is missing, the actor may not, or there is no such account
     */
    public User ban(Session actor, long userId, String reason) {
        requireSession(actor);
        if (reason == null || reason.isBlank()) {
            throw new AccountRefusal("give a reason for the ban; it is kept with the account");
        }
        User target = target(userId);
        Role role = actor.user().role();
        if (actor.user().id() == userId) {
            throw new AccountRefusal("you cannot ban your own account");
        }
        if (!role.atLeast(Role.EDITOR) || role == Role.EDITOR && target.role() != Role.MEMBER) {
            throw new AccountRefusal(
                    "only editors can ban members, and only administrators can ban editors" + " and administrators");
        }
        store.setBanned(userId, true, reason.strip());
        return target(userId);
    }

    /** Lifts a ban; the same people who may ban an account may lift its ban. */
    public User unban(Session actor, long userId) {
        requireSession(actor);
        User target = target(userId);
        Role role = actor.user().role();
        if (!role.atLeast(Role.EDITOR) || role == Role.EDITOR && target.role() != Role.MEMBER) {
            throw new AccountRefusal("only editors can lift bans of members, and only administrators those of"
                    + " editors and administrators");
        }
        store.setBanned(userId, false, null);
        return target(userId);
    }

    private User target(long userId) {
        return store.user(userId)
                .orElseThrow(() -> new AccountRefusal(
                        "there is no account number " + userId + "; check the number in the list of accounts"));
    }

    private static void requireSession(Session session) {
        if (session == null) {
            throw new AccountRefusal("log in first");
        }
    }
}
