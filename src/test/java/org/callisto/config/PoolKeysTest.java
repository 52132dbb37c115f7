package org.callisto.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code database.pool_size} and {@code database.pool_wait}: defaults, values, and errors that name the key. */
class PoolKeysTest {
    @Test
    void theDefaultsLeaveTheChoiceToTheDatabase() {
        Config.PoolConfig pool = ConfigLoader.of(Map.of()).pool();
        assertThat(pool.size()).isZero();
        assertThat(pool.maxWait()).isNull();
    }

    @Test
    void aSizeAndAWaitAreReadAndKeptByTheWithMethods() {
        Config config = ConfigLoader.of(Map.of("database.pool_size", "24", "database.pool_wait", "2s"));
        assertThat(config.pool()).isEqualTo(new Config.PoolConfig(24, Duration.ofSeconds(2)));
        assertThat(config.withPort(9999).pool()).isEqualTo(config.pool());
        assertThat(config.withServer(config.server()).pool()).isEqualTo(config.pool());
    }

    @Test
    void badValuesAreRefusedNamingTheKeyAndTheRange() {
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("database.pool_size", "many")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("database.pool_size = 'many' is not a whole number");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("database.pool_size", "-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("database.pool_size = -1 is out of range");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("database.pool_wait", "10ms")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("database.pool_wait = '10ms' is out of range; use a duration from 250ms to 5m");
    }
}
