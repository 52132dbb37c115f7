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
    final Accounts accounts;

    TestAccounts(String kind, Config.Registration registration) {
        this.db = TestDatabases.open(kind);
        this.accounts = new Accounts(new AccountStore(db), new PasswordHasher(1024, 1, 1), new RateLimiter(clock),
                registration, clock);
    }

    /** A member made through open registration rules but without a policy check. */
    User member(String name) {
        User admin = accounts.store().userByName("founder").orElseGet(() -> accounts.createAdmin("founder", PASSWORD));
        Session s = accounts.login("founder", PASSWORD, "10.0.0.1", null, null);
        IssuedInvitation inv = accounts.invite(s);
        accounts.logout(s.id());
        if (accounts.registration() == Config.Registration.CLOSED) {
            throw new IllegalStateException("cannot make members while registration is closed");
        }
        User u = accounts.register(name, PASSWORD, inv.code(), "10.0.0." + (name.length() + 1));
        assert admin != null;
        return u;
    }

    Session login(String name) {
        return accounts.login(name, PASSWORD, "10.0.0.9", null, "JUnit");
    }

    @Override
    public void close() {
        db.close();
    }
}
