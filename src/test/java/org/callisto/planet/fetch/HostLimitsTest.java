package org.callisto.planet.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HostLimitsTest {

    private static final long SHORT = TimeUnit.MILLISECONDS.toNanos(50);

    @Test
    void grantsUpToTheLimitPerHostThenWaits() throws InterruptedException {
        HostLimits limits = new HostLimits(2);

        HostLimits.Permit a = limits.acquire("example.org", SHORT);
        HostLimits.Permit b = limits.acquire("EXAMPLE.org", SHORT);
        HostLimits.Permit c = limits.acquire("example.org", SHORT);

        assertThat(a).isNotNull();
        assertThat(b).isNotNull();
        assertThat(c).as("third permit for the same host").isNull();
        assertThat(limits.acquire("other.example", SHORT))
                .as("another host is independent")
                .isNotNull();
    }

    @Test
    void returnedPermitCanBeTakenAgainAndIdleHostsAreForgotten() throws InterruptedException {
        HostLimits limits = new HostLimits(1);

        HostLimits.Permit a = limits.acquire("example.org", SHORT);
        a.close();
        HostLimits.Permit b = limits.acquire("example.org", SHORT);

        assertThat(b).isNotNull();
        b.close();
        assertThat(limits.activeHosts()).isZero();
    }
}
