package org.callisto.account;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.callisto.mail.MailAddress;
import org.callisto.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members' mail addresses and the mail sent to them: changing the address (which mails a verification link),
 * following that link, the notification-mail setting, one-click unsubscribing (RFC 8058), and
 * {@link #notify(long, String, String)}, through which the rest of the program sends notification mail.
 *
 * <p>Unsubscribe links carry the account's id signed with the site's key ({@link ServerKey}), so they need no
 * table and work for as long as the key does; they only ever turn notification mail off.
 *
 * <p>Thread-safe: the stores, mailer and limiter are.
 */
public final class MemberMail {
    private static final Logger LOG = LoggerFactory.getLogger(MemberMail.class);
    /** How long a verification link works. */
    public static final Duration VERIFICATION_LIFETIME = Duration.ofDays(7);

    static final String VERIFY_UNUSABLE = "this confirmation link is not valid; open the newest link mailed to you,"
            + " or ask for a new one on your account page";

    private final Accounts accounts;
    private final MailSettingsStore settings;
    private final MailTokenStore tokens;
    private final Mailer mailer;
    private final MailLinks links;
    private final String siteTitle;
    private final Clock clock;

    public MemberMail(
            Accounts accounts,
            MailSettingsStore settings,
            MailTokenStore tokens,
            Mailer mailer,
            MailLinks links,
            String siteTitle,
            Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.tokens = tokens;
        this.mailer = mailer;
        this.links = links;
        this.siteTitle = siteTitle;
        this.clock = clock;
    }

    /** Whether mail is configured; without it nothing is mailed and addresses cannot be verified. */
    public boolean enabled() {
        return mailer.enabled();
    }

    /** The mail settings of an account. */
    public MailSettings settings(long userId) {
        return settings.settings(userId).orElse(new MailSettings(Optional.empty(), Optional.empty(), false));
    }

    /**
     * Sets the session's account's mail address (a blank one removes it) and mails a verification link to it when
     * mail is configured. Giving the same, verified, address again changes nothing.
     *
     * @return whether a verification link was mailed
     * @throws AccountRefusal for a malformed address, or too many verification mails lately
     */
    public boolean changeAddress(Session session, String email) {
        if (session == null) {
            throw new AccountRefusal("log in first");
        }
        long userId = session.user().id();
        if (email == null || email.isBlank()) {
            settings.setEmail(userId, null, null);
            return false;
        }
        String address = checkAddress(email, "Mail address");
        MailSettings now = settings(userId);
        if (now.verified() && MailAddress.key(now.email().get()).equals(MailAddress.key(address))) {
            return false;
        }
        settings.setEmail(userId, address, null);
        return sendVerification(session.user(), address);
    }

    /**
     * Checks an address a member typed.
     *
     * @param field the form field's label (or the command's option), named first in the refusal
     */
    static String checkAddress(String email, String field) {
        try {
            return MailAddress.check(email);
        } catch (IllegalArgumentException e) {
            throw new AccountRefusal(field + ": " + e.getMessage());
        }
    }

    /**
     * Mails a link that verifies {@code address} for the account, if mail is on. Returns whether it was queued.
     *
     * @throws AccountRefusal when the account had too many verification mails lately
     */
    boolean sendVerification(User user, String address) {
        if (!mailer.enabled()) {
            return false;
        }
        if (accounts.limiter().acquire(RateRule.userKey("verify-mail", user.id()), RateRule.VERIFICATION_MAIL)
                instanceof RateDecision.RateLimited limited) {
            throw limited.refusal();
        }
        String token = Secrets.newToken();
        Instant now = clock.instant();
        tokens.create(
                Secrets.digest(token),
                user.id(),
                MailTokenStore.Purpose.VERIFY,
                address,
                now,
                now.plus(VERIFICATION_LIFETIME));
        return mailer.send(
                address,
                "Confirm your mail address for " + siteTitle,
                "Hello " + user.username() + ",\n\n"
                        + "this address was given for the account " + user.username() + " on " + siteTitle + ".\n"
                        + "To confirm it, open this link within " + VERIFICATION_LIFETIME.toDays() + " days:\n\n"
                        + links.verify(token) + "\n\n"
                        + "If that was not you, ignore this mail: nothing will be sent to this address.\n\n"
                        + "-- \n" + siteTitle + " " + links.site() + "\n");
    }

    /**
     * Follows a verification link: the address it was mailed to becomes verified, if it is still the account's.
     *
     * @return the account's settings after
     * @throws AccountRefusal saying whether the link is unknown, was used already, or expired
     */
    public MailSettings verify(String token) {
        if (!Secrets.plausible(token)) {
            throw new AccountRefusal(VERIFY_UNUSABLE);
        }
        String hash = Secrets.digest(token.strip());
        Instant now = clock.instant();
        Optional<MailTokenStore.Token> used = tokens.verify(hash, now);
        if (used.isEmpty()) {
            Optional<MailTokenStore.Token> found = tokens.find(hash, MailTokenStore.Purpose.VERIFY);
            if (found.isEmpty()) {
                throw new AccountRefusal(VERIFY_UNUSABLE);
            }
            if (found.get().usedAt().isPresent()) {
                throw new AccountRefusal("this confirmation link was used already; your account page shows whether"
                        + " the address is confirmed");
            }
            throw new AccountRefusal("this confirmation link has expired (links work for "
                    + VERIFICATION_LIFETIME.toDays() + " days); ask for a new one on your account page");
        }
        MailSettings after = settings(used.get().userId());
        if (!after.verified()) {
            throw new AccountRefusal("this link confirmed an address the account no longer has; the account's"
                    + " address is the one on your account page, and a link was mailed to it");
        }
        return after;
    }

    /** Turns the session's account's notification mail on or off. */
    public void setNotifyByMail(Session session, boolean on) {
        if (session == null) {
            throw new AccountRefusal("log in first");
        }
        settings.setNotifyByMail(session.user().id(), on);
    }

    // ---- unsubscribing

    /** The token of an account's unsubscribe link: its id and the id's signature. */
    public String unsubscribeToken(long userId) {
        return userId + "." + accounts.serverKey().sign("unsubscribe", Long.toString(userId));
    }

    /** The one-click unsubscribe address of an account, for notification mail's {@code List-Unsubscribe}. */
    public URI unsubscribeUrl(long userId) {
        return links.unsubscribe(unsubscribeToken(userId));
    }

    /**
     * The account an unsubscribe token names.
     *
     * @throws AccountRefusal when the token is malformed, forged, or names no account
     */
    public User unsubscribeTarget(String token) {
        String t = token == null ? "" : token.strip();
        int dot = t.indexOf('.');
        long userId;
        try {
            userId = dot > 0 && dot < 20 ? Long.parseLong(t.substring(0, dot)) : -1;
        } catch (NumberFormatException e) {
            userId = -1;
        }
        if (userId < 0
                || t.length() > Secrets.MAX_TOKEN_LENGTH
                || !accounts.serverKey().verify("unsubscribe", Long.toString(userId), t.substring(dot + 1))) {
            throw new AccountRefusal("this unsubscribe link is not valid; copy the whole link from the mail, or"
                    + " turn notification mail off on your account page");
        }
        return accounts.store()
                .user(userId)
                .orElseThrow(() -> new AccountRefusal("the account of this unsubscribe link no longer exists,"
                        + " so no more mail will be sent to it"));
    }

    /**
     * Turns notification mail off for the account an unsubscribe token names (RFC 8058 one-click); doing it again
     * changes nothing.
     *
     * @throws AccountRefusal as {@link #unsubscribeTarget} does
     */
    public User unsubscribe(String token) {
        User user = unsubscribeTarget(token);
        settings.setNotifyByMail(user.id(), false);
        return user;
    }

    // ---- notification mail, for the rest of the program

    /**
     * Mails a notification to a member if mail is configured, the member has a verified address and has not
     * turned notification mail off. The mail carries the member's one-click unsubscribe link
     * ({@code List-Unsubscribe} and {@code List-Unsubscribe-Post}) and a line saying how to stop such mail.
     *
     * @param userId  the member to tell
     * @param subject one line
     * @param text    the body, plain text; the foot is added here
     * @return whether a mail was queued
     */
    public boolean notify(long userId, String subject, String text) {
        if (!mailer.enabled()) {
            return false;
        }
        MailSettings s = settings(userId);
        if (!s.verified() || !s.notifyByMail()) {
            return false;
        }
        URI unsubscribe = unsubscribeUrl(userId);
        try {
            return mailer.send(
                    s.email().get(),
                    subject,
                    text + "\n\n-- \n" + siteTitle + " " + links.site() + "\n"
                            + "You get this mail because notification mail is on for your account. To stop it, open\n"
                            + unsubscribe + "\nor turn it off on your account page.\n",
                    unsubscribe);
        } catch (IllegalArgumentException e) {
            LOG.warn("mail: notification to account {} not sent: {}", userId, e.getMessage());
            return false;
        }
    }
}
