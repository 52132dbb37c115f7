package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.callisto.app.Callisto;
import org.callisto.config.Config;
import org.callisto.config.ConfigLoader;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes (two {@link Callisto} roots, two web servers on loopback) on one real PostgreSQL database count against
 * the same rate limits as one node: whichever node answers, the sixth registration from one address is refused, and
 * failed logins are counted across both.
 */
class SharedLimitsTwoNodesTest {
    private static final List<Callisto> NODES = new ArrayList<>();
    private static final List<URI> BASES = new ArrayList<>();

    @BeforeAll
    static void start() {
        String url = TestDatabases.postgresUrl();
        Config config = ConfigLoader.of(Map.of(
                "server.port", "0",
                "site.url", "http://planet.test/",
                "journal.registration", "open",
                "database.url", url,
                "database.user", "postgres"));
        for (int n = 0; n < 2; n++) {
            Callisto node = Callisto.open(config, Database.open(url, "postgres", ""), Clock.systemUTC());
            NODES.add(node);
            BASES.add(
                    URI.create("http://127.0.0.1:" + node.startWeb(routes -> {}).port() + "/"));
        }
    }

    @AfterAll
    static void stop() {
        NODES.forEach(Callisto::close);
    }

    private static WebClient client(int node, String from) {
        return new WebClient(BASES.get(node), InetAddress.ofLiteral(from));
    }

    private static HttpResponse<String> register(WebClient c, String name) {
        return c.submit("/register", "/register", "username", name, "password", JournalWebTest.PASSWORD);
    }

    @Test
    void theSixthRegistrationFromOneAddressIsRefusedWhicheverNodeAnswers() {
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> r = register(client(i % 2, "127.0.0.21"), "spread" + i);
            assertThat(r.statusCode())
                    .as("registration %d on node %d: %s", i, i % 2, r.body())
                    .isEqualTo(303);
        }
        for (int node = 0; node < 2; node++) {
            HttpResponse<String> refused = register(client(node, "127.0.0.21"), "spread6n" + node);
            assertThat(refused.statusCode()).as("the sixth on node %d", node).isEqualTo(429);
            assertThat(refused.body()).contains("too many new accounts from your address");
        }
        assertThat(register(client(1, "127.0.0.22"), "elsewhere").statusCode())
                .as("another address still registers")
                .isEqualTo(303);
    }

    @Test
    void failedLoginsAreCountedAcrossBothNodes() {
        assertThat(register(client(0, "127.0.0.31"), "owner").statusCode()).isEqualTo(303);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = client(i % 2, "127.0.0.32")
                    .submit("/login", "/login", "username", "owner", "password", "wrong password " + i);
            assertThat(r.statusCode())
                    .as("wrong password %d on node %d", i, i % 2)
                    .isEqualTo(400);
        }
        for (int node = 0; node < 2; node++) {
            HttpResponse<String> throttled = client(node, "127.0.0.32")
                    .submit("/login", "/login", "username", "owner", "password", "wrong password again");
            assertThat(throttled.statusCode())
                    .as("node %d after five failures on both", node)
                    .isEqualTo(429);
            assertThat(throttled.body()).contains("too many login attempts for this account; try again in");
            assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        }
        HttpResponse<String> owner = client(1, "127.0.0.33")
                .submit("/login", "/login", "username", "owner", "password", JournalWebTest.PASSWORD);
        assertThat(owner.statusCode()).as("the owner from another address").isEqualTo(303);
    }
}
