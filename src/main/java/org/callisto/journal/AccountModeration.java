package org.callisto.journal;

import java.time.Clock;
import org.callisto.account.Accounts;
import org.callisto.account.Role;
import org.callisto.account.Session;
import org.callisto.account.User;

/**
 * What administrators do to accounts on the admin pages: ban, lift a ban, change a role. Each needs a reason and
 * adds a row to the public moderation log ({@code ban}, {@code unban}, {@code role-member|editor|admin}, target
 * kind {@code user}) after {@link Accounts} has made the change; a refused action changes and logs nothing.
 *
 * <p>Refusals are {@link JournalRefusal}s (not an administrator, no reason) and
 * {@link org.callisto.account.AccountRefusal}s (the rules of {@link Accounts}); both messages can be shown as they
 * are. Thread-safe.
 */
public final class AccountModeration {
    private final Accounts accounts;
    private final CommentStore log;
    private final Clock clock;

    public AccountModeration(Accounts accounts, CommentStore log, Clock clock) {
        this.accounts = accounts;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Bans an account: it can no longer log in and its sessions end.
     *
     * @throws JournalRefusal when the session is not an administrator's or the reason is missing or too long
     */
    public User ban(Session admin, long userId, String reason) {
        String why = check(admin, reason, "ban");
        User banned = accounts.ban(admin, userId, why);
        log.append(clock.instant(), admin.user().id(), "ban", "user", userId, why);
        return banned;
    }

    /**
     * Lifts a ban.
     *
     * @throws JournalRefusal when the session is not an administrator's, the reason is missing, or the account is
     *                        not banned
     */
    public User unban(Session admin, long userId, String reason) {
        String why = check(admin, reason, "lifting a ban");
        User target = accounts.store()
                .user(userId)
                .orElseThrow(() -> new JournalRefusal(
                        "there is no account" + " number " + userId + "; check the number in the list of accounts"));
        if (!target.banned()) {
            throw new JournalRefusal("the account " + target.username() + " is not banned; nothing was changed");
        }
        User lifted = accounts.unban(admin, userId);
        log.append(clock.instant(), admin.user().id(), "unban", "user", userId, why);
        return lifted;
    }

    /**
     * Gives an account a role ({@link Accounts#setRole}: the last administrator keeps the role).
     *
     * @throws JournalRefusal when the session is not an administrator's or the reason is missing
     */
    public User setRole(Session admin, long userId, Role role, String reason) {
        String why = check(admin, reason, "a change of role");
        User changed = accounts.setRole(admin, userId, role);
        log.append(clock.instant(), admin.user().id(), "role-" + role.key(), "user", userId, why);
        return changed;
    }

    private static String check(Session admin, String reason, String what) {
        if (admin == null || admin.user().role() != Role.ADMIN) {
            throw new JournalRefusal("only administrators can ban accounts, lift bans and change roles here");
        }
        if (reason == null || reason.isBlank()) {
            throw new JournalRefusal("give a reason for " + what + "; it is shown in the public moderation log");
        }
        if (reason.length() > Comments.MAX_REASON) {
            throw new JournalRefusal("the reason is " + reason.length() + " characters long; shorten it to at most "
                    + Comments.MAX_REASON);
        }
        return reason.strip();
    }
}
