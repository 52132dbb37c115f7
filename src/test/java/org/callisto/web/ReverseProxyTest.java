package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Behind a reverse proxy, over real HTTP on loopback: the site listens on 127.0.0.1 and trusts 127.0.0.2 as its
 * proxy; 127.0.0.3 is anyone else. Clients bind their sockets to those addresses to be those peers.
 */
class ReverseProxyTest {
    private static final InetAddress PROXY = loopback("127.0.0.2");
    private static final InetAddress STRANGER = loopback("127.0.0.3");
    private static Path accessLog;
    private static PlanetSite site;

    @BeforeAll
    static void start() throws IOException {
        accessLog = Files.createTempDirectory("callisto-access").resolve("access.log");
        site = new PlanetSite(
                "sqlite",
                Map.of(
                        "journal.registration", "open",
                        "server.bind", "127.0.0.1",
                        "server.trusted_proxies", "127.0.0.2/32, 10.0.0.0/8",
                        "server.hsts_max_age", "180d",
                        "server.access_log", accessLog.toString(),
                        "metrics.token", "s3cret"));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static InetAddress loopback(String literal) {
        return InetAddress.ofLiteral(literal);
    }

    /** Whether the access log holds {@code text} within five seconds (Jetty writes a line after the response). */
    private static boolean awaitLog(String text) throws IOException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.readString(accessLog).contains(text)) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static HttpResponse<String> register(WebClient client, String name) {
        return client.submit("/register", "/register", "username", name, "password", JournalWebTest.PASSWORD);
    }

    @Test
    void sixRegistrationsThroughTheTrustedProxyFromSixClientsAllSucceed() {
        for (int i = 1; i <= 6; i++) {
            WebClient viaProxy = new WebClient(site.uri("/"), PROXY, "X-Forwarded-For", "198.51.100." + i);
            assertThat(register(viaProxy, "proxied" + i).statusCode())
                    .as("registration %d from its own forwarded address", i)
                    .isEqualTo(303);
        }
    }

    @Test
    void forwardedHeadersFromAnUntrustedPeerDoNotChangeTheLimit() {
        int refused = 0;
        for (int i = 1; i <= 6; i++) {
            WebClient spoofer = new WebClient(
                    site.uri("/"), STRANGER, "X-Forwarded-For", "203.0.113." + i, "Forwarded", "for=203.0.113." + i);
            HttpResponse<String> r = register(spoofer, "spoofer" + i);
            if (r.statusCode() != 303) {
                refused++;
                assertThat(r.body()).contains("new accounts from your address");
            }
        }
        assertThat(refused)
                .as("the sixth registration from one peer is refused")
                .isEqualTo(1);
    }

    @Test
    void theClientIsTheRightmostUntrustedHopSoAWrittenLeftmostAddressChangesNothing() {
        int refused = 0;
        for (int i = 1; i <= 6; i++) {
            // the client wrote the first address itself; the proxy appended the one it saw (192.0.2.50) and an
            // inner trusted proxy (10.1.2.3) its own
            WebClient c =
                    new WebClient(site.uri("/"), PROXY, "X-Forwarded-For", "192.0.2." + i + ", 192.0.2.50, 10.1.2.3");
            if (register(c, "chained" + i).statusCode() != 303) {
                refused++;
            }
        }
        assertThat(refused).isEqualTo(1);
    }

    @Test
    void rfc7239ForwardedGivesTheAddressSchemeAndHstsAndCookiesBecomeSecure() throws IOException {
        WebClient c = new WebClient(
                site.uri("/"),
                PROXY,
                "Forwarded",
                "for=\"[2001:db8::7]:4711\";proto=https;host=planet.example.org, for=10.1.2.3");
        HttpResponse<String> page = c.get("/login");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=15552000");
        assertThat(page.headers().allValues("Set-Cookie"))
                .anySatisfy(v -> assertThat(v).endsWith("; Secure"));
        assertThat(awaitLog("[2001:db8:0:0:0:0:0:7] - - [")).isTrue();

        HttpResponse<String> plain = new WebClient(site.uri("/"), STRANGER, "X-Forwarded-Proto", "https").get("/login");
        assertThat(plain.headers().firstValue("Strict-Transport-Security"))
                .as("an untrusted peer's proto is ignored")
                .isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie"))
                .noneSatisfy(v -> assertThat(v).contains("Secure"));
    }

    @Test
    void theAccessLogNamesTheForwardedClientAndIgnoresASpoofer() throws IOException {
        new WebClient(site.uri("/"), PROXY, "X-Forwarded-For", "198.51.100.77").get("/?page=1");
        new WebClient(site.uri("/"), STRANGER, "X-Forwarded-For", "198.51.100.88").get("/?page=2");
        awaitLog("GET /?page=1 ");
        awaitLog("GET /?page=2 ");
        List<String> lines = Files.readAllLines(accessLog);
        assertThat(lines)
                .anySatisfy(
                        l -> assertThat(l).startsWith("198.51.100.77 - ").contains("\"GET /?page=1 HTTP/1.1\" 200"));
        assertThat(lines)
                .anySatisfy(l -> assertThat(l).startsWith("127.0.0.3 - ").contains("GET /?page=2 "));
        assertThat(lines).noneSatisfy(l -> assertThat(l).startsWith("198.51.100.88"));
    }

    @Test
    void metricsAccessUsesTheTcpPeerNeverTheForwardedAddress() {
        // the proxy is on loopback, which metrics.allow admits, but what it forwards comes from the world
        HttpResponse<String> viaProxy =
                new WebClient(site.uri("/"), PROXY, "X-Forwarded-For", "127.0.0.1").get("/metrics");
        assertThat(viaProxy.statusCode()).isEqualTo(404);
        HttpResponse<String> withToken = new WebClient(
                        site.uri("/"), PROXY, "X-Forwarded-For", "198.51.100.9", "Authorization", "Bearer s3cret")
                .get("/metrics");
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(new WebClient(site.uri("/"), STRANGER).get("/metrics").statusCode())
                .isEqualTo(200);
    }

    @Test
    void theServerListensOnlyOnTheBoundAddress() {
        int port = site.server.port();
        assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(loopback("127.0.0.2"), port), 2_000);
                    }
                })
                .isInstanceOf(IOException.class);
    }

    @Test
    void unreadableHopsFallBackToTheLastKnownAddress() {
        ForwardedHeaders headers =
                new ForwardedHeaders(List.of(org.callisto.config.Cidr.parse("127.0.0.2")), java.time.Duration.ZERO);
        assertThat(ForwardedHeaders.forwardedHops(List.of("for=unknown, for=\"_hidden\", for=192.0.2.1:80")))
                .extracting(ForwardedHeaders.Hop::address)
                .containsExactly(null, null, loopback("192.0.2.1"));
        assertThat(ForwardedHeaders.nodeAddress("[::1]:8080")).isEqualTo(loopback("::1"));
        assertThat(ForwardedHeaders.nodeAddress("not an address")).isNull();
        org.eclipse.jetty.http.HttpFields garbage =
                org.eclipse.jetty.http.HttpFields.build().add("X-Forwarded-For", "1.2.3.4, <script>");
        assertThat(headers.clientHop(garbage, PROXY).address())
                .as("a garbage nearest hop leaves the proxy as the client")
                .isEqualTo(PROXY);
    }
}
