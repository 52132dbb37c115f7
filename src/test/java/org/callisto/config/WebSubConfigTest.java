package org.callisto.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebSubConfigTest {

    @Test
    void webSubIsOffUntilEnabledAndTheHubThenRunsByDefault() {
        assertThat(ConfigLoader.of(Map.of()).websub().subscribes()).isFalse();
        assertThat(ConfigLoader.of(Map.of()).websub().runsHub()).isFalse();
        Config.WebSubConfig on = ConfigLoader.of(Map.of("websub.enabled", "true", "websub.poll_interval_factor", "2.5"))
                .websub();
        assertThat(on.subscribes()).isTrue();
        assertThat(on.runsHub()).isTrue();
        assertThat(on.pollIntervalFactor()).isEqualTo(2.5);
        assertThat(on.lease()).isEqualTo(Duration.ofDays(10));
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("websub.poll_interval_factor", "0.5")))
                .hasMessageContaining("websub.poll_interval_factor = '0.5'");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("websub.lease", "40d", "websub.max_lease", "30d")))
                .hasMessageContaining("websub.lease (40d) is longer than websub.max_lease (30d)");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("websub.retries", "99")))
                .hasMessageContaining("websub.retries = 99");
    }

    @Test
    void otherCopiesKeepTheWebSubSettings() {
        Config c = ConfigLoader.of(Map.of("websub.enabled", "true"));
        assertThat(c.withPort(1234).websub().enabled()).isTrue();
        assertThat(c.withMail(Config.MailConfig.OFF).websub().enabled()).isTrue();
    }
}
