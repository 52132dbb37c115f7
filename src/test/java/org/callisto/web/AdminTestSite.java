package org.callisto.web;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.callisto.account.Accounts;
import org.callisto.account.Role;
import org.callisto.account.Session;
import org.callisto.account.User;

/**
 * A {@link PlanetSite} with open registration, an administrator {@code root} and helpers to make accounts of any
 * role and log them in through the login form. Close it after the test.
 */
final class AdminTestSite implements AutoCloseable {
    static final String PASSWORD = JournalWebTest.PASSWORD;
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    final PlanetSite site;
    final Accounts accounts;

    AdminTestSite(String kind) {
        site = new PlanetSite(kind, Map.of("journal.registration", "open"));
        accounts = Accounts.of(site.db, site.config, Clock.systemUTC());
        accounts.createAdmin("root", PASSWORD);
    }

    /** An account with {@link #PASSWORD} and the given role. */
    User account(String name, Role role) {
        User user = accounts.register(
                name,
                PASSWORD,
                null,
                "10.8." + (ADDRESSES.get() / 200) + "." + (ADDRESSES.incrementAndGet() % 200 + 1));
        if (role != Role.MEMBER) {
            Session root = accounts.login("root", PASSWORD, "10.9.9.9", null, null);
            user = accounts.setRole(root, user.id(), role);
            accounts.logout(root.id());
        }
        return user;
    }

    WebClient client() {
        return new WebClient(site.uri("/"));
    }

    /** A browser logged in as {@code name} through the login form. */
    WebClient loggedIn(String name) {
        WebClient c = client();
        JournalWebTest.login(c, name);
        return c;
    }

    @Override
    public void close() {
        site.close();
    }
}
