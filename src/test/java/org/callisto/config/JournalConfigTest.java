package org.callisto.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalConfigTest {

    @Test
    void registrationIsByInvitationUnlessConfiguredOtherwise() {
        assertThat(ConfigLoader.of(Map.of()).journal().registration()).isEqualTo(Config.Registration.INVITE);
        assertThat(ConfigLoader.of(Map.of("journal.registration", "open"))
                        .journal()
                        .registration())
                .isEqualTo(Config.Registration.OPEN);
        assertThat(ConfigLoader.of(Map.of("journal.registration", " Closed "))
                        .journal()
                        .registration())
                .isEqualTo(Config.Registration.CLOSED);
        assertThat(ConfigLoader.load(null, Map.of("CALLISTO_JOURNAL_REGISTRATION", "open"), Map.of())
                        .journal()
                        .registration())
                .isEqualTo(Config.Registration.OPEN);
    }

    @Test
    void anUnknownPolicyNamesTheKeyAndTheChoices() {
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("journal.registration", "sometimes")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("journal.registration = 'sometimes' is not a registration policy;"
                        + " use open, invite or closed");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("journal.registration", "")))
                .hasMessageContaining("journal.registration is empty");
    }

    @Test
    void copiesKeepTheJournalSettingsAndNoJournalGroupGetsTheDefaults() {
        Config open = ConfigLoader.of(Map.of("journal.registration", "open"));
        assertThat(open.withPort(9090).journal().registration()).isEqualTo(Config.Registration.OPEN);
        assertThat(open.withFetch(open.fetch()).journal()).isEqualTo(open.journal());
        Config old = open.toBuilder().journal(null).build();
        assertThat(old.journal()).isEqualTo(Config.JournalConfig.DEFAULTS);
    }

    @Test
    void thePasswordPoolIsOnePerProcessorWithAShortQueueUnlessConfigured() {
        Config.JournalConfig defaults = ConfigLoader.of(Map.of()).journal();
        assertThat(defaults.passwordChecks())
                .isEqualTo(Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 256));
        assertThat(defaults.passwordQueue()).isEqualTo(8);
        Config.JournalConfig set = ConfigLoader.of(
                        Map.of("journal.password_checks", "3", "journal.password_queue", "0"))
                .journal();
        assertThat(set.passwordChecks()).isEqualTo(3);
        assertThat(set.passwordQueue()).isZero();
        assertThat(ConfigLoader.load(null, Map.of("CALLISTO_JOURNAL_PASSWORD_CHECKS", "AUTO"), Map.of())
                        .journal()
                        .passwordChecks())
                .isEqualTo(defaults.passwordChecks());
    }

    @Test
    void aBadPasswordPoolSizeNamesTheKeyAndTheRange() {
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("journal.password_checks", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("journal.password_checks = 0 is out of range; use auto (one per processor) or"
                        + " a whole number from 1 to 256");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("journal.password_checks", "many")))
                .hasMessageContaining("journal.password_checks = 'many' is not a whole number");
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("journal.password_queue", "-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("journal.password_queue = -1 is out of range; use a whole number from 0 to 1024");
    }
}
