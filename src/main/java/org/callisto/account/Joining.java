package org.callisto.account;

import java.time.Clock;
import java.util.Optional;
import org.callisto.mail.MailAddress;

/**
 * Joining the journal: registration under the policy of {@link Accounts#register}, with an optional mail address,
 * ending logged in. The address is checked before the account is made, so a bad one leaves no half-made account;
 * it is verified at once when the invitation was mailed to it (the invitee has shown they read that mailbox),
 * otherwise a verification link is mailed when mail is on.
 *
 * <p>Thread-safe.
 */
public final class Joining {
    private final Accounts accounts;
    private final Invitations invitations;
    private final MemberMail mail;
    private final MailSettingsStore settings;
    private final Clock clock;

    public Joining(
            Accounts accounts, Invitations invitations, MemberMail mail, MailSettingsStore settings, Clock clock) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Makes an account and logs it in. The browser's old session, if any, ends.
     *
     * @param email            the member's mail address; null or blank for none
     * @param clientAddress    the client's address, for the registration limit; may be null
     * @param currentSessionId the id in the browser's session cookie before, or null
     * @param userAgent        the browser's User-Agent, kept with the session; may be null
     * @return the new session
     * @throws AccountRefusal as {@link Accounts#register} does, or for a malformed mail address
     */
    public Session register(
            String username,
            String password,
            String invitationCode,
            String email,
            String clientAddress,
            String currentSessionId,
            String userAgent) {
        String address = email == null || email.isBlank() ? null : MemberMail.checkAddress(email, "Mail address");
        Optional<String> invitedAt = invitationCode == null ? Optional.empty() : invitations.emailFor(invitationCode);
        User user = accounts.register(username, password, invitationCode, clientAddress);
        if (address != null) {
            boolean proven =
                    invitedAt.isPresent() && MailAddress.key(invitedAt.get()).equals(MailAddress.key(address));
            settings.setEmail(user.id(), address, proven ? clock.instant() : null);
            if (!proven) {
                try {
                    mail.sendVerification(user, address);
                } catch (AccountRefusal limited) {
                    // a brand-new account cannot have hit the limit; nothing to tell the new member
                }
            }
        }
        if (currentSessionId != null) {
            accounts.logout(currentSessionId);
        }
        return accounts.newSession(user, userAgent);
    }
}
