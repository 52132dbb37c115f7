package org.callisto.account;

import org.callisto.config.Config;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;

/**
 * A fresh database with {@link Accounts} on it, a standing {@link TestClock} and a cheap argon2id hasher (the
 * production parameters are tested in {@link PasswordHasherTest}). Close it after the test.
 */
final class TestAccounts implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";

    final Database db;
    final TestClock clock = new TestClock();
    final PasswordHasher hasher = new PasswordHasher(1024, 1, 1);
    final Accounts accounts;

    TestAccounts(String kind, Config.Registration registration) {
        this.db = TestDatabases.open(kind);
        this.accounts = new Accounts(new AccountStore(db), hasher, new RateLimiter(clock), registration, clock);
    }

    /** An account with {@link #PASSWORD}, made directly in the store whatever the registration policy. */
    User user(String name, Role role) {
        AccountStore.Creation c = accounts.store().createUser(name, hasher.hash(PASSWORD), role, clock.instant(), null);
        return ((AccountStore.Created) c).user();
    }

    Session login(String name) {
        return accounts.login(name, PASSWORD, "10.0.0.9", null, "JUnit");
    }

    @Override
    public void close() {
        db.close();
    }
}
