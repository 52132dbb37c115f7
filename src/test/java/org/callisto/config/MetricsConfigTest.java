package org.callisto.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code metrics.*} keys: safe defaults, and each bad value named with its fix. */
class MetricsConfigTest {

    @Test
    void byDefaultOnlyLoopbackMayReadMetricsWithNoTokenAndNothingIsPushed() {
        Config.MetricsConfig m = ConfigLoader.of(Map.of()).metrics();
        assertThat(m.allow()).extracting(Cidr::toString).containsExactly("127.0.0.0/8", "::1");
        assertThat(m.token()).isEmpty();
        assertThat(m.graphite()).isFalse();
        assertThat(m.graphitePort()).isEqualTo(2003);
        assertThat(m.graphiteStep()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void rangesTokenAndGraphiteAreRead() {
        Config.MetricsConfig m = ConfigLoader.of(Map.of(
                        "metrics.allow", "10.0.0.0/8, 192.0.2.7 ,2001:db8::/32",
                        "metrics.token", "abc",
                        "metrics.graphite.host", "carbon.example.org",
                        "metrics.graphite.port", "2103",
                        "metrics.graphite.step", "10s"))
                .metrics();
        assertThat(m.allow()).hasSize(3);
        assertThat(m.token()).isEqualTo("abc");
        assertThat(m.graphiteHost()).isEqualTo("carbon.example.org");
        assertThat(m.graphitePort()).isEqualTo(2103);
        assertThat(m.graphiteStep()).isEqualTo(Duration.ofSeconds(10));
        assertThat(m.toString()).as("the token is never printed").doesNotContain("abc");
    }

    @Test
    void anEmptyAllowListLetsNoAddressInWithoutTheToken() {
        assertThat(ConfigLoader.of(Map.of("metrics.allow", "")).metrics().allow())
                .isEmpty();
    }

    @Test
    void badValuesAreNamedWithTheirFix() {
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("metrics.allow", "10.0.0.0/33")))
                .hasMessageContaining("metrics.allow")
                .hasMessageContaining("10.0.0.0/33")
                .hasMessageContaining("0 to 32");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("metrics.allow", "localhost")))
                .hasMessageContaining("metrics.allow")
                .hasMessageContaining("'localhost' is not an IP address range");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("metrics.graphite.port", "70000")))
                .hasMessageContaining("metrics.graphite.port = 70000 is out of range");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("metrics.graphite.step", "500ms")))
                .hasMessageContaining("metrics.graphite.step")
                .hasMessageContaining("shorter than a second");
    }

    @Test
    void rangesMatchByPrefixAndFamily() throws Exception {
        Cidr ten = Cidr.parse("10.0.0.0/8");
        assertThat(ten.contains(InetAddress.ofLiteral("10.200.1.2"))).isTrue();
        assertThat(ten.contains(InetAddress.ofLiteral("11.0.0.1"))).isFalse();
        assertThat(ten.contains(InetAddress.ofLiteral("::1"))).isFalse();
        Cidr odd = Cidr.parse("192.168.4.0/22");
        assertThat(odd.contains(InetAddress.ofLiteral("192.168.7.255"))).isTrue();
        assertThat(odd.contains(InetAddress.ofLiteral("192.168.8.0"))).isFalse();
        assertThat(Cidr.parse("::1").contains(InetAddress.ofLiteral("::1"))).isTrue();
        assertThat(Cidr.parse("0.0.0.0/0").contains(InetAddress.ofLiteral("203.0.113.1")))
                .isTrue();
    }
}
