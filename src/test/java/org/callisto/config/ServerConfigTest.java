package org.callisto.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void theServerIsGuardedByDefault() {
        Config.ServerConfig s = ConfigLoader.of(Map.of()).server();
        assertThat(s.headerTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.maxConnections()).isEqualTo(10_000);
        assertThat(s.maxConnectionsPerAddress()).isEqualTo(64);
        assertThat(s).isEqualTo(Config.ServerConfig.DEFAULTS);
    }

    @Test
    void theGuardsAreSetByKeyAndKeptByCopies() {
        Config c = ConfigLoader.of(Map.of(
                "server.header_timeout", "2s",
                "server.idle_timeout", "1m",
                "server.max_connections", "500",
                "server.max_connections_per_address", "0"));
        assertThat(c.server()).isEqualTo(new Config.ServerConfig(Duration.ofSeconds(2), Duration.ofMinutes(1), 500, 0));
        assertThat(c.withPort(9090).server()).isEqualTo(c.server());
        assertThat(c.withFetch(c.fetch()).server()).isEqualTo(c.server());
        Config older = c.toBuilder().server(null).build();
        assertThat(older.server()).isEqualTo(Config.ServerConfig.DEFAULTS);
    }

    @Test
    void badValuesAreRefusedNamingTheKeyAndTheRange() {
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("server.header_timeout", "0s")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("server.header_timeout = '0s' is out of range; use a duration from 100ms to 10m");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("server.idle_timeout", "forever")))
                .hasMessageContaining("server.idle_timeout = 'forever' is not a duration");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("server.max_connections", "3")))
                .hasMessageContaining("server.max_connections = 3 is out of range; use a whole number from 16");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("server.max_connections_per_address", "-1")))
                .hasMessageContaining("server.max_connections_per_address = -1 is out of range");
    }

    @Test
    void listenAddressProxiesHstsAndAccessLogAreParsedAndCheckedByKey() {
        Config.ServerConfig defaults = ConfigLoader.of(Map.of()).server();
        assertThat(defaults.bind())
                .as("every address, as before the key existed")
                .isEmpty();
        assertThat(defaults.trustedProxies()).isEmpty();
        assertThat(defaults.hstsMaxAge()).isEqualTo(Duration.ofDays(365));
        assertThat(defaults.accessLog()).isEqualTo("off");

        Config.ServerConfig s = ConfigLoader.of(Map.of(
                        "server.bind", "[::1]",
                        "server.trusted_proxies", "10.0.0.0/8, ::1",
                        "server.hsts_max_age", "0s",
                        "server.access_log", "STDOUT"))
                .server();
        assertThat(s.bind()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(s.trustedProxies()).extracting(Cidr::text).containsExactly("10.0.0.0/8", "::1");
        assertThat(s.hstsMaxAge()).isZero();
        assertThat(s.accessLog()).isEqualTo("stdout");
        assertThat(ConfigLoader.of(Map.of("server.bind", "0.0.0.0")).server().bind())
                .isEqualTo("0.0.0.0");

        assertThatThrownBy(() -> ConfigLoader.of(Map.of("server.bind", "localhost")))
                .hasMessageContaining("server.bind = 'localhost' is not an IP address; write e.g. 127.0.0.1");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("server.trusted_proxies", "10.0.0.0/33")))
                .hasMessageContaining("server.trusted_proxies: '10.0.0.0/33' has a bad prefix length");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("server.access_log", "/no/such/dir/access.log")))
                .hasMessageContaining("server.access_log = '/no/such/dir/access.log': the directory /no/such/dir"
                        + " does not exist");
    }
}
