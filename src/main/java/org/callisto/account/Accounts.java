package org.callisto.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.callisto.config.Config;
import org.callisto.db.Database;

/**
 * The accounts of the journal: registration under the configured policy, login and logout, server-side sessions,
 * password changes, invitations, roles and bans, and the rate limits on logins, submissions and comments.
 *
 * <p>Every method that takes what a person typed checks it first and ends with an {@link AccountRefusal} whose
 * message can be shown as it is; no other exception comes from bad input. Answers never reveal whether another
 * account exists: a failed login says the same for an unknown name and a wrong password, and costs the same
 * argon2id work ({@link PasswordHasher#verifyUnknown}). Registration cannot hide a taken name, but answers it with
 * the same words as a reserved one, after the same hashing work.
 *
 * <p>Every argon2id hash and check runs in the bounded pool of {@link PasswordChecks}; when it is full, the login,
 * registration or password change ends at once in {@link PasswordChecksBusy}. Failed logins are limited as OWASP's
 * authentication guidance describes: per account and address ({@link BackoffRule#LOGIN_PAIR}), per address over
 * all accounts ({@link RateRule#LOGIN_ADDRESS}), and per account over every browser it does not recognise
 * ({@link BackoffRule#LOGIN_ACCOUNT}), with growing delays; a browser that logged in to the account before shows a
 * {@link DeviceCookies device cookie} and is limited by its own failures only, so strangers cannot lock the owner
 * out.
 *
 * <p>Thread-safe: the store, hasher, pool, limiters and key are.
 */
public final class Accounts {
    /** A session ends after this long without use. */
    public static final Duration SESSION_IDLE = Duration.ofDays(30);
    /** A session ends this long after login, however much it is used. */
    public static final Duration SESSION_MAX_AGE = Duration.ofDays(90);
    /** How long an invitation can be used. */
    public static final Duration INVITATION_LIFETIME = Duration.ofDays(14);
    /** Sessions are written back at most this often when used. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    /** Longest user agent kept with a session. */
    static final int MAX_USER_AGENT = 512;
    /** Longest name accepted at login before refusing without a lookup. */
    private static final int MAX_LOGIN_NAME = 256;

    static final String LOGIN_FAILED = "the username or password is not right";
    static final String NAME_UNAVAILABLE = "this username cannot be used; choose another";
    static final String INVITATION_UNUSABLE =
            "this invitation code is not valid, was already used or has expired;" + " ask a member for a new one";

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final RateLimiter limiter;
    private final FailureBackoff backoff;
    private final PasswordChecks checks;
    private final FormTokens formTokens;
    private final DeviceCookies devices;
    private final Config.Registration registration;
    private final Clock clock;
    private final AccountRoles roles;
    private final ServerKey key;

    /** Accounts with the default password pool (one check per processor, a short queue). */
    public Accounts(
            AccountStore store,
            PasswordHasher hasher,
            RateLimiter limiter,
            Config.Registration registration,
            Clock clock) {
        this(
                store,
                hasher,
                limiter,
                new PasswordChecks(
                        Runtime.getRuntime().availableProcessors(), Config.JournalConfig.DEFAULT_PASSWORD_QUEUE),
                registration,
                clock);
    }

    /**
     * Accounts whose argon2id work runs in {@code checks}. Loads the site's signing key from the database, making
     * it on first use.
     */
    public Accounts(
            AccountStore store,
            PasswordHasher hasher,
            RateLimiter limiter,
            PasswordChecks checks,
            Config.Registration registration,
            Clock clock) {
        this(store, hasher, limiter, new FailureBackoff(clock), checks, registration, clock);
    }

    /** Accounts whose login failures are counted by {@code backoff} (shared by the nodes on one database). */
    public Accounts(
            AccountStore store,
            PasswordHasher hasher,
            RateLimiter limiter,
            FailureBackoff backoff,
            PasswordChecks checks,
            Config.Registration registration,
            Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.limiter = limiter;
        this.backoff = backoff;
        this.checks = checks;
        this.key = ServerKey.load(store, clock.instant());
        this.formTokens = new FormTokens(key);
        this.devices = new DeviceCookies(key);
        this.registration = registration;
        this.clock = clock;
        this.roles = new AccountRoles(store);
    }

    /** The accounts of a site: its database, registration policy and password pool, with times from {@code clock}. */
    public static Accounts of(Database db, Config config, Clock clock) {
        return of(db, new RateLimitStore(db), config, clock);
    }

    /**
     * The accounts of a site whose rate limits and login backoff live in {@code limits}, so that every node on the
     * database counts against the same figures.
     */
    public static Accounts of(Database db, RateLimitStore limits, Config config, Clock clock) {
        return new Accounts(
                new AccountStore(db),
                new PasswordHasher(),
                RateLimiter.shared(clock, limits),
                FailureBackoff.shared(clock, limits),
                new PasswordChecks(
                        config.journal().passwordChecks(), config.journal().passwordQueue()),
                config.journal().registration(),
                clock);
    }

    public AccountStore store() {
        return store;
    }

    /** The pool every password hash and check runs in. */
    public PasswordChecks passwordChecks() {
        return checks;
    }

    /** The signed double-submit tokens of the forms sent before login. */
    public FormTokens formTokens() {
        return formTokens;
    }

    /** The cookies that let a browser that logged in before be recognised at the next login. */
    public DeviceCookies devices() {
        return devices;
    }

    public Config.Registration registration() {
        return registration;
    }

    // ---- registration

    /**
     * Creates a member account under the registration policy.
     *
     * @param invitationCode required when registration is by invitation; when open, used if given
     * @param address        the client's address, for the per-address limit; may be null
     * @throws AccountRefusal when registration is closed, a field is missing or wrong, the name cannot be used,
     *                        the invitation cannot be used, or too many accounts came from the address
     */
    public User register(String username, String password, String invitationCode, String address) {
        if (registration == Config.Registration.CLOSED) {
            throw new AccountRefusal("registration is closed on this site; an administrator can create accounts");
        }
        String name = UsernameRules.check(username);
        PasswordRules.check(password, name);
        String invitationHash = null;
        boolean hasCode = invitationCode != null && !invitationCode.isBlank();
        if (registration == Config.Registration.INVITE && !hasCode) {
            throw new AccountRefusal("an invitation code is needed to register here; ask a member for one");
        }
        if (hasCode) {
            if (!Secrets.plausible(invitationCode)) {
                throw new AccountRefusal(INVITATION_UNUSABLE);
            }
            invitationHash = Secrets.digest(invitationCode.strip());
        }
        RateDecision decision =
                limiter.acquire("register:addr:" + AddressKey.of(address), RateRule.REGISTRATION_ADDRESS);
        if (decision instanceof RateDecision.RateLimited limited) {
            throw limited.refusal();
        }
        String hash = checks.run(() -> hasher.hash(password));
        if (UsernameRules.reserved(name)) {
            throw new AccountRefusal(NAME_UNAVAILABLE);
        }
        return switch (store.createUser(name, hash, Role.MEMBER, now(), invitationHash)) {
            case AccountStore.Created created -> created.user();
            case AccountStore.NameTaken taken -> throw new AccountRefusal(NAME_UNAVAILABLE);
            case AccountStore.InvitationUnusable unusable -> throw new AccountRefusal(INVITATION_UNUSABLE);
        };
    }

    /**
     * Creates an administrator whatever the registration policy; for {@code callisto admin create}, run by the
     * operator, so a taken name is said plainly.
     *
     * @throws AccountRefusal when a field is missing or wrong or the name is taken
     */
    public User createAdmin(String username, String password) {
        String name = UsernameRules.check(username);
        PasswordRules.check(password, name);
        return switch (store.createUser(name, checks.run(() -> hasher.hash(password)), Role.ADMIN, now(), null)) {
            case AccountStore.Created created -> created.user();
            case AccountStore.NameTaken taken ->
                throw new AccountRefusal("the username '" + name
                        + "' is already taken (names are compared ignoring case); choose another");
            case AccountStore.InvitationUnusable unusable -> throw new IllegalStateException("no invitation given");
        };
    }

    // ---- demo accounts

    /** The ban reason of demo accounts outside {@code callisto demo}. */
    public static final String DEMO_BAN_REASON = "demo account; it can only log in while callisto demo runs";

    /**
     * Creates or takes up again an account for {@code callisto demo}, marked as a demo account: reserved names
     * are allowed, the registration policy does not apply, and an existing demo account gets the new password and
     * role and loses any ban. Outside the demo, {@link #disableDemoAccounts} bans them.
     *
     * @throws AccountRefusal when a field is wrong, or the name belongs to an account that is not a demo account
     */
    public User demoAccount(String username, String password, Role role) {
        String name = UsernameRules.check(username);
        PasswordRules.check(password, name);
        String hash = checks.run(() -> hasher.hash(password));
        Optional<User> existing = store.userByName(name);
        if (existing.isPresent()) {
            User user = existing.get();
            if (!store.demo(user.id())) {
                throw new AccountRefusal("the username '" + name + "' belongs to an account that callisto demo did"
                        + " not make; run the demo with a new --data directory");
            }
            store.setPasswordHash(user.id(), hash, now());
            store.setRole(user.id(), role);
            store.setBanned(user.id(), false, null);
            return store.user(user.id()).orElseThrow();
        }
        return switch (store.createUser(name, hash, role, now(), null)) {
            case AccountStore.Created created -> {
                store.markDemo(created.user().id());
                yield created.user();
            }
            case AccountStore.NameTaken taken ->
                throw new AccountRefusal(
                        "the username '" + name + "' was taken while the demo started; start it again");
            case AccountStore.InvitationUnusable unusable -> throw new IllegalStateException("no invitation given");
        };
    }

    /**
     * Bans every account made by {@code callisto demo} and ends their sessions, so that a demo's data served by
     * {@code callisto serve} has no accounts with known passwords. Returns how many accounts it banned now.
     */
    public int disableDemoAccounts() {
        return store.banDemoAccounts(DEMO_BAN_REASON);
    }

    // ---- login, sessions, logout

    /** {@link #login(String, String, String, String, String, String)} from a browser without a device cookie. */
    public Session login(String username, String password, String address, String currentSessionId, String userAgent) {
        return login(username, password, address, currentSessionId, userAgent, null);
    }

    /**
     * Logs in and returns a new session. The session the browser had before, if any, is ended, so a session id
     * planted before login is worthless after it.
     *
     * <p>A browser whose {@code deviceCookie} this site made for this account is limited by its own failures only
     * ({@link BackoffRule#LOGIN_DEVICE}). Any other is limited per address ({@link RateRule#LOGIN_ADDRESS}), per
     * account and address ({@link BackoffRule#LOGIN_PAIR}) and per account ({@link BackoffRule#LOGIN_ACCOUNT}),
     * and every failure counts against all three. A refusal for waiting costs no password check and lengthens no
     * wait. After a success the browser should get a new device cookie ({@link DeviceCookies#newValue}).
     *
     * @param address          the client's address, for the per-address limits; may be null
     * @param currentSessionId the id in the browser's cookie before login, or null
     * @param userAgent        the browser's User-Agent, kept with the session; may be null
     * @param deviceCookie     the value of the browser's {@link DeviceCookies#NAME} cookie, or null
     * @throws AccountRefusal with one message for an unknown name and a wrong password, or for a banned account,
     *                        a missing field or too many attempts; {@link PasswordChecksBusy} when the pool is full
     */
    public Session login(
            String username,
            String password,
            String address,
            String currentSessionId,
            String userAgent,
            String deviceCookie) {
        if (username == null || username.isBlank()) {
            throw new AccountRefusal("enter your username");
        }
        if (password == null || password.isEmpty()) {
            throw new AccountRefusal("enter your password");
        }
        if (username.length() > MAX_LOGIN_NAME || password.length() > PasswordRules.MAX_LENGTH) {
            throw new AccountRefusal(LOGIN_FAILED);
        }
        String key = UsernameRules.key(username);
        Optional<AccountStore.Credentials> found = store.credentials(key);
        Optional<DeviceCookies.Device> device = devices.recognise(deviceCookie)
                .filter(d -> found.isPresent() && found.get().user().id() == d.userId());
        LoginKeys keys = new LoginKeys(key, AddressKey.of(address), device.map(DeviceCookies.Device::nonce));
        keys.check(limiter, backoff);
        boolean ok = checks.run(() -> found.isPresent()
                ? hasher.verify(password, found.get().passwordHash())
                : hasher.verifyUnknown(password));
        if (!ok) {
            keys.fail(limiter, backoff);
            throw new AccountRefusal(LOGIN_FAILED);
        }
        User user = found.get().user();
        if (user.banned()) {
            throw new AccountRefusal(
                    "this account is banned; write to the site's administrators if you think" + " that is a mistake");
        }
        keys.succeed(backoff);
        if (hasher.needsRehash(found.get().passwordHash())) {
            store.setPasswordHash(user.id(), checks.run(() -> hasher.hash(password)), now());
        }
        if (currentSessionId != null && Secrets.plausible(currentSessionId)) {
            store.deleteSession(Secrets.digest(currentSessionId));
        }
        return newSession(user, userAgent);
    }

    /** The site's signing key, for the other signed tokens of accounts (unsubscribe links). */
    ServerKey serverKey() {
        return key;
    }

    /** The rate limits shared by every account service. */
    RateLimiter limiter() {
        return limiter;
    }

    /** The argon2id hasher; run it in {@link #passwordChecks()}. */
    PasswordHasher hasher() {
        return hasher;
    }

    /** A new session for an account that proved itself otherwise than by a password here (a new registration). */
    Session newSession(User user, String userAgent) {
        Instant now = now();
        String id = Secrets.newToken();
        String csrf = Secrets.newToken();
        Instant expires = now.plus(SESSION_IDLE);
        String agent = userAgent == null || userAgent.isBlank()
                ? null
                : userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent;
        store.createSession(Secrets.digest(id), user.id(), csrf, now, expires, agent);
        return new Session(id, user, csrf, now, now, expires);
    }

    /**
     * The live session of a cookie's id, its expiry slid forward on use (at most once a minute, never beyond
     * {@link #SESSION_MAX_AGE} after login). Empty for a missing, malformed, unknown or expired id, or a banned
     * account.
     */
    public Optional<Session> session(String sessionId) {
        if (!Secrets.plausible(sessionId)) {
            return Optional.empty();
        }
        Instant now = now();
        String idHash = Secrets.digest(sessionId);
        Optional<AccountStore.SessionRow> found = store.session(idHash, now);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AccountStore.SessionRow row = found.get();
        Instant lastSeen = row.lastSeenAt();
        Instant expires = row.expiresAt();
        if (Duration.between(lastSeen, now).compareTo(TOUCH_INTERVAL) >= 0) {
            Instant cap = row.createdAt().plus(SESSION_MAX_AGE);
            Instant slid = now.plus(SESSION_IDLE);
            expires = slid.isAfter(cap) ? cap : slid;
            lastSeen = now;
            store.touchSession(idHash, lastSeen, expires);
        }
        return Optional.of(new Session(sessionId, row.user(), row.csrfSecret(), row.createdAt(), lastSeen, expires));
    }

    /** Ends the session of a cookie's id; nothing happens for a missing or unknown id. */
    public void logout(String sessionId) {
        if (Secrets.plausible(sessionId)) {
            store.deleteSession(Secrets.digest(sessionId));
        }
    }

    // ---- passwords

    /**
     * Changes the password of a logged-in account after checking the current one, and ends every other session
     * of the account (the one in use stays).
     *
     * @throws AccountRefusal when a field is missing, the current password is wrong, the new one breaks the rules,
     *                        or too many wrong current passwords were tried
     */
    public void changePassword(Session session, String currentPassword, String newPassword) {
        requireSession(session);
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw new AccountRefusal("enter your current password");
        }
        User user = session.user();
        PasswordRules.check(newPassword, user.username());
        String accountKey = "login:user:" + UsernameRules.key(user.username());
        if (limiter.check(accountKey, RateRule.LOGIN_ACCOUNT) instanceof RateDecision.RateLimited limited) {
            throw limited.refusal();
        }
        Optional<AccountStore.Credentials> found = store.credentials(user.id());
        // one task: the check and, when it passes, the new hash, so a change waits for the pool once
        String newHash = found.isEmpty() || currentPassword.length() > PasswordRules.MAX_LENGTH
                ? null
                : checks.run(() ->
                        hasher.verify(currentPassword, found.get().passwordHash()) ? hasher.hash(newPassword) : null);
        if (newHash == null) {
            limiter.record(accountKey, RateRule.LOGIN_ACCOUNT);
            throw new AccountRefusal("the current password is not right");
        }
        store.setPasswordHash(user.id(), newHash, now());
        store.deleteSessionsOf(user.id(), Secrets.digest(session.id()));
    }

    /**
     * Changes the password as {@link #changePassword} does, and then also replaces the session in use with a new
     * one (a new id), so that every session id from before the change is worthless: a stolen cookie does not
     * survive the change. For the password page, which sets the new session's cookie.
     *
     * @param userAgent the browser's User-Agent, kept with the new session; may be null
     * @return the new session
     * @throws AccountRefusal as {@link #changePassword} does; nothing changes then
     */
    public Session changePasswordAndRenewSession(
            Session session, String currentPassword, String newPassword, String userAgent) {
        changePassword(session, currentPassword, newPassword);
        store.deleteSession(Secrets.digest(session.id()));
        User user = store.user(session.user().id())
                .orElseThrow(
                        () -> new AccountRefusal("the account of this" + " session no longer exists; register again"));
        return newSession(user, userAgent);
    }

    // ---- invitations

    /**
     * Issues an invitation from the session's account, valid for {@link #INVITATION_LIFETIME}.
     *
     * @throws AccountRefusal when registration is closed, or the member issued too many lately
     */
    public IssuedInvitation invite(Session session) {
        requireSession(session);
        if (registration == Config.Registration.CLOSED) {
            throw new AccountRefusal("registration is closed on this site, so invitations cannot be used");
        }
        User inviter = session.user();
        if (limiter.acquire(RateRule.userKey("invite", inviter.id()), RateRule.INVITATION)
                instanceof RateDecision.RateLimited limited) {
            throw limited.refusal();
        }
        String code = Secrets.newToken();
        Instant now = now();
        Invitation invitation =
                store.createInvitation(Secrets.digest(code), inviter.id(), now, now.plus(INVITATION_LIFETIME));
        return new IssuedInvitation(code, invitation);
    }

    /** The invitations an account issued, newest first. */
    public List<Invitation> invitationsBy(User user) {
        return store.invitationsBy(user.id());
    }

    /** The refusal when the last administrator would lose the role. */
    public static final String LAST_ADMIN = AccountRoles.LAST_ADMIN;

    /** Gives an account a role; see {@link AccountRoles#setRole}. */
    public User setRole(Session actor, long userId, Role role) {
        return roles.setRole(actor, userId, role);
    }

    /** Bans an account and ends its sessions; see {@link AccountRoles#ban}. */
    public User ban(Session actor, long userId, String reason) {
        return roles.ban(actor, userId, reason);
    }

    /** Lifts a ban; see {@link AccountRoles#unban}. */
    public User unban(Session actor, long userId) {
        return roles.unban(actor, userId);
    }

    // ---- rate limits of the journal

    /**
     * Counts one story submission by the session's account.
     *
     * @throws AccountRefusal saying how long to wait when the account submitted too many lately
     */
    public void allowSubmission(Session session) {
        limit(session, "submit", RateRule.SUBMISSION);
    }

    /**
     * Counts one comment by the session's account.
     *
     * @throws AccountRefusal saying how long to wait when the account commented too much lately
     */
    public void allowComment(Session session) {
        limit(session, "comment", RateRule.COMMENT);
    }

    private void limit(Session session, String action, RateRule rule) {
        requireSession(session);
        if (limiter.acquire(RateRule.userKey(action, session.user().id()), rule)
                instanceof RateDecision.RateLimited limited) {
            throw limited.refusal();
        }
    }

    // ---- helpers

    private static void requireSession(Session session) {
        if (session == null) {
            throw new AccountRefusal("log in first");
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
