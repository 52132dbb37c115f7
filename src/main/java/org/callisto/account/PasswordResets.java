package org.callisto.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.callisto.mail.MailAddress;
import org.callisto.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password reset by mail. {@link #request} takes a mail address and answers the same, in the same time, whether or
 * not an account has it: after the rate limits (per mail address, {@link RateRule#RESET_MAILBOX}, and per client
 * address, {@link RateRule#RESET_CLIENT}, both counted whether or not the address is known) the lookup, the token
 * and the mail are made on a virtual thread of their own, so nothing the caller waits for depends on the address.
 * Every account with that address (not banned) gets a mail with a link that works once, for
 * {@link #LINK_LIFETIME}; only a SHA-256 of its token is stored.
 *
 * <p>Following the link and giving a new password twice ({@link #reset}) sets it (argon2id, in the bounded
 * {@link PasswordChecks} pool), uses up every reset link of the account, ends every session of the account and
 * marks the address verified, in one transaction.
 *
 * <p>Thread-safe.
 */
public final class PasswordResets {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordResets.class);
    /** How long a reset link works. */
    public static final Duration LINK_LIFETIME = Duration.ofHours(1);
    /** Lookups and mails being made at once; beyond it a request is dropped and logged. */
    static final int IN_FLIGHT = 32;

    static final String LINK_UNUSABLE =
            "this password reset link is not valid; copy the whole link from the mail, or ask for a new one";
    static final String LINK_USED = "this password reset link was used already; each link works once. If you did"
            + " not use it, ask for a new one now and change your password";
    static final String LINK_EXPIRED = "this password reset link has expired (links work for "
            + LINK_LIFETIME.toMinutes() + " minutes); ask for a new one";

    private final Accounts accounts;
    private final MailSettingsStore settings;
    private final MailTokenStore tokens;
    private final Mailer mailer;
    private final MailLinks links;
    private final String siteTitle;
    private final Clock clock;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);

    public PasswordResets(
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

    /** Whether resets can be asked for: only with mail configured. */
    public boolean enabled() {
        return mailer.enabled();
    }

    /**
     * Asks for reset links for every account with {@code email}; returns at once, the same way whether or not one
     * has it.
     *
     * @param clientAddress the client's address, for its limit; may be null
     * @throws AccountRefusal when mail is off, the address is malformed, or a limit is reached
     */
    public void request(String email, String clientAddress) {
        if (!mailer.enabled()) {
            throw new AccountRefusal("password reset by mail is off on this site (no mail server is configured);"
                    + " ask an administrator to set a new password");
        }
        String address = MemberMail.checkAddress(email, "Your mail address");
        RateLimiter limiter = accounts.limiter();
        if (limiter.acquire("reset:addr:" + AddressKey.of(clientAddress), RateRule.RESET_CLIENT)
                instanceof RateDecision.RateLimited limited) {
            throw limited.refusal();
        }
        if (limiter.acquire("reset:mail:" + MailAddress.key(address), RateRule.RESET_MAILBOX)
                instanceof RateDecision.RateLimited limited) {
            throw limited.refusal();
        }
        if (!inFlight.tryAcquire()) {
            LOG.warn("password reset: {} requests in flight; dropped one for *@{}", IN_FLIGHT, domain(address));
            return;
        }
        Thread.ofVirtual().name("password-reset").start(() -> {
            try {
                mailLinks(address);
            } catch (RuntimeException e) {
                LOG.warn("password reset: cannot make the links for *@{}: {}", domain(address), e.toString());
            } finally {
                inFlight.release();
            }
        });
    }

    /** Makes and mails a link for each account with the address; nothing for none. */
    void mailLinks(String address) {
        List<User> users = settings.usersWithEmail(address);
        for (User user : users) {
            String token = Secrets.newToken();
            Instant now = clock.instant();
            tokens.create(
                    Secrets.digest(token),
                    user.id(),
                    MailTokenStore.Purpose.RESET,
                    address,
                    now,
                    now.plus(LINK_LIFETIME));
            mailer.send(
                    address,
                    "Reset your password on " + siteTitle,
                    "Hello " + user.username() + ",\n\n"
                            + "someone, probably you, asked to reset the password of the account " + user.username()
                            + " on " + siteTitle + ".\n"
                            + "To choose a new password, open this link within " + LINK_LIFETIME.toMinutes()
                            + " minutes. It works once:\n\n"
                            + links.reset(token) + "\n\n"
                            + "If you did not ask, ignore this mail: your password stays as it is.\n\n"
                            + "-- \n" + siteTitle + " " + links.site() + "\n");
        }
    }

    /**
     * The account a reset link is for, for the page that asks for the new password.
     *
     * @throws AccountRefusal saying whether the link is unknown, was used already, or expired
     */
    public User check(String token) {
        MailTokenStore.Token t = usable(token);
        return accounts.store()
                .user(t.userId())
                .filter(u -> !u.banned())
                .orElseThrow(() -> new AccountRefusal(LINK_UNUSABLE));
    }

    /**
     * Sets a new password through a reset link, ends every session of the account and uses the link up.
     *
     * @return the account, whose owner may now log in with the new password
     * @throws AccountRefusal when the link cannot be used, the passwords differ or break the rules;
     *                        {@link PasswordChecksBusy} when the pool is full. Nothing changes then.
     */
    public User reset(String token, String password, String again) {
        User user = check(token);
        if (password == null || password.isEmpty()) {
            throw new AccountRefusal("enter the new password");
        }
        if (again == null || !password.equals(again)) {
            throw new AccountRefusal("the two new passwords differ; type the same password twice");
        }
        PasswordRules.check(password, user.username());
        String hash = accounts.passwordChecks().run(() -> accounts.hasher().hash(password));
        if (!tokens.resetPassword(Secrets.digest(token.strip()), hash, clock.instant())) {
            usable(token); // says why: used meanwhile, or expired
            throw new AccountRefusal(LINK_USED);
        }
        return user;
    }

    private MailTokenStore.Token usable(String token) {
        if (!Secrets.plausible(token)) {
            throw new AccountRefusal(LINK_UNUSABLE);
        }
        MailTokenStore.Token t = tokens.find(Secrets.digest(token.strip()), MailTokenStore.Purpose.RESET)
                .orElseThrow(() -> new AccountRefusal(LINK_UNUSABLE));
        if (t.usedAt().isPresent()) {
            throw new AccountRefusal(LINK_USED);
        }
        if (!clock.instant().isBefore(t.expiresAt())) {
            throw new AccountRefusal(LINK_EXPIRED);
        }
        return t;
    }

    private static String domain(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "?" : address.substring(at + 1);
    }
}
