package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The connection guard over real loopback sockets, with small numbers: slow headers are cut off at the header
 * timeout however often a byte arrives, one address past its cap is refused while others are served, and past the
 * total cap the oldest idle connection makes room. Storage plays no part, so SQLite only.
 */
class ConnectionGuardTest {
    private static final String PAGE = "GET / HTTP/1.1\r\nHost: planet.test\r\nConnection: close\r\n\r\n";

    @Test
    void headersTricklingInOneByteAtATimeAreCutOffAtTheHeaderTimeout() throws Exception {
        try (PlanetSite site =
                        new PlanetSite("sqlite", Map.of("server.header_timeout", "1s", "server.idle_timeout", "30s"));
                RawHttp slow = RawHttp.connect("127.0.0.2", site.server.port())) {
            slow.send("GET / HTTP/1.1\r\n");
            long start = System.nanoTime();
            boolean closed = false;
            // a byte every 200 ms keeps the 30 s idle timeout from ever firing; only the header timeout can
            for (int i = 0; i < 25 && !closed; i++) {
                try {
                    slow.send("X");
                } catch (java.io.IOException gone) {
                    closed = true;
                    break;
                }
                closed = slow.closedWithin(Duration.ofMillis(200));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(closed).as("closed after %s", took).isTrue();
            assertThat(took).isLessThan(Duration.ofMillis(3_500));
        }
    }

    @Test
    void aKeptAliveConnectionGetsTheSameDeadlineForItsNextRequest() throws Exception {
        try (PlanetSite site =
                        new PlanetSite("sqlite", Map.of("server.header_timeout", "1s", "server.idle_timeout", "30s"));
                RawHttp c = RawHttp.connect("127.0.0.2", site.server.port())) {
            c.send("GET /static/callisto.css HTTP/1.1\r\nHost: planet.test\r\n\r\n");
            java.io.InputStream in = c.socket.getInputStream();
            byte[] buffer = new byte[65536];
            int first = in.read(buffer); // the stylesheet, connection kept alive
            assertThat(new String(buffer, 0, Math.max(0, first), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .startsWith("HTTP/1.1 200");
            Thread.sleep(300); // let the rest of the answer arrive; the check below drains it
            c.send("GET / HTTP/1.1\r\n");
            boolean closed = false;
            for (int i = 0; i < 25 && !closed; i++) {
                try {
                    c.send("X");
                } catch (java.io.IOException gone) {
                    closed = true;
                    break;
                }
                closed = c.closedWithin(Duration.ofMillis(200));
            }
            assertThat(closed).isTrue();
        }
    }

    @Test
    void anAddressPastItsCapIsRefusedWhileOtherAddressesAreServed() throws Exception {
        try (PlanetSite site = new PlanetSite("sqlite", Map.of("server.max_connections_per_address", "3"))) {
            int port = site.server.port();
            List<RawHttp> held = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    RawHttp c = RawHttp.connect("127.0.0.2", port);
                    c.send("GET / HTTP/1.1\r\n"); // and never more
                    held.add(c);
                }
                // Answered at once, before the client sends anything. The server accepts connections on its own
                // threads, so a fourth that arrives before the three are counted is admitted: it then hears
                // nothing, is closed, and is tried again once they are (at most 10 tries).
                String refused = null;
                for (int attempt = 0; attempt < 10 && refused == null; attempt++) {
                    try (RawHttp fourth = RawHttp.connect("127.0.0.2", port)) {
                        refused = fourth.readUntilClosed(Duration.ofSeconds(1));
                    } catch (java.io.IOException stillOpen) {
                        refused = null; // admitted before the others were counted
                    }
                }
                assertThat(refused)
                        .as("a fourth connection from 127.0.0.2 is refused")
                        .isNotNull();
                assertThat(RawHttp.status(refused)).as(refused).isEqualTo(429);
                assertThat(refused)
                        .contains("127.0.0.2", "at most 3", "server.max_connections_per_address")
                        .contains("Content-Security-Policy: " + SecurityHeaders.CONTENT_SECURITY_POLICY);
                assertThat(RawHttp.header(refused, "Retry-After")).isNotNull();

                assertThat(RawHttp.status(RawHttp.exchange("127.0.0.3", port, PAGE)))
                        .isEqualTo(200);
                assertThat(RawHttp.status(RawHttp.exchange("127.0.0.1", port, PAGE)))
                        .isEqualTo(200);

                held.removeFirst().close(); // one slot of 127.0.0.2 comes free
                int status = -1;
                for (int i = 0; i < 50 && status != 200; i++) {
                    status = RawHttp.status(RawHttp.exchange("127.0.0.2", port, PAGE));
                    if (status != 200) {
                        Thread.sleep(50);
                    }
                }
                assertThat(status).isEqualTo(200);
            } finally {
                for (RawHttp c : held) {
                    c.close();
                }
            }
        }
    }

    @Test
    void anAddressAtItsCapRecyclesItsOwnIdleKeptAliveConnections() throws Exception {
        try (PlanetSite site = new PlanetSite("sqlite", Map.of("server.max_connections_per_address", "3"))) {
            int port = site.server.port();
            List<RawHttp> browsers = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) { // three browsers behind one NAT address, each keeping its connection
                    RawHttp c = RawHttp.connect("127.0.0.6", port);
                    c.send("GET /static/callisto.css HTTP/1.1\r\nHost: planet.test\r\n\r\n");
                    assertThat(c.readFor(Duration.ofMillis(300))).startsWith("HTTP/1.1 200");
                    browsers.add(c);
                }
                Thread.sleep(ConnectionGuard.SHED_MIN_IDLE.toMillis() + 1_200); // idle, and seen idle by the checks
                String page = RawHttp.exchange("127.0.0.6", port, PAGE);
                assertThat(RawHttp.status(page)).as(page).isEqualTo(200);
                assertThat(browsers.getFirst().closedWithin(Duration.ofSeconds(2)))
                        .as("the oldest idle kept-alive connection made room")
                        .isTrue();
                assertThat(browsers.getLast().closedWithin(Duration.ofMillis(100)))
                        .isFalse();
            } finally {
                for (RawHttp c : browsers) {
                    c.close();
                }
            }
        }
    }

    @Test
    void pastTheTotalCapTheOldestIdleConnectionMakesRoom() throws Exception {
        try (PlanetSite site = new PlanetSite(
                "sqlite", Map.of("server.max_connections", "16", "server.max_connections_per_address", "0"))) {
            int port = site.server.port();
            List<RawHttp> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 16; i++) {
                    idle.add(RawHttp.connect("127.0.0.4", port));
                    if (i == 0) {
                        Thread.sleep(100); // the first is the oldest by a clear margin
                    }
                }
                for (int i = 0; i < 50 && site.server.openConnections() < 16; i++) {
                    Thread.sleep(20);
                }
                assertThat(site.server.openConnections()).isEqualTo(16);
                Thread.sleep(ConnectionGuard.SHED_MIN_IDLE.toMillis() + 200);

                String page = RawHttp.exchange("127.0.0.5", port, PAGE);
                assertThat(RawHttp.status(page)).isEqualTo(200);
                assertThat(idle.getFirst().closedWithin(Duration.ofSeconds(2)))
                        .as("the oldest idle connection was closed")
                        .isTrue();
                assertThat(idle.get(15).closedWithin(Duration.ofMillis(100)))
                        .as("the newest idle connection is still open")
                        .isFalse();
            } finally {
                for (RawHttp c : idle) {
                    c.close();
                }
            }
        }
    }

    @Test
    void theCapLeavesFilesForTheRestOfTheProcess() {
        assertThat(ConnectionGuard.effectiveCap(10_000, 1_024)).isEqualTo(768);
        assertThat(ConnectionGuard.effectiveCap(10_000, 20_000)).isEqualTo(10_000);
        assertThat(ConnectionGuard.effectiveCap(50_000, 20_000)).isEqualTo(18_000);
        assertThat(ConnectionGuard.effectiveCap(10_000, 1_048_576)).isEqualTo(10_000);
        assertThat(ConnectionGuard.effectiveCap(10_000, 100)).isEqualTo(16);
    }

    @Test
    void ipv6ClientsCountPerSlash64() throws Exception {
        assertThat(ConnectionGuard.addressKey(InetAddress.getByName("2001:db8:1:2::1")))
                .isEqualTo(ConnectionGuard.addressKey(InetAddress.getByName("2001:db8:1:2:ffff:ffff:ffff:ffff")))
                .isNotEqualTo(ConnectionGuard.addressKey(InetAddress.getByName("2001:db8:1:3::1")));
        assertThat(ConnectionGuard.addressKey(InetAddress.getByName("192.0.2.7")))
                .isEqualTo(InetAddress.getByName("192.0.2.7"));
    }
}
