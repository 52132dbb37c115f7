package org.callisto.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
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
    void copiesKeepTheJournalSettingsAndTheOldConstructorGetsTheDefaults() {
        Config open = ConfigLoader.of(Map.of("journal.registration", "open"));
        assertThat(open.withPort(9090).journal().registration()).isEqualTo(Config.Registration.OPEN);
        assertThat(open.withFetch(open.fetch()).journal()).isEqualTo(open.journal());
        Config old = new Config(
                "t", URI.create("http://localhost/"), 1, Path.of("d"), "jdbc:sqlite:x", "", "", open.fetch());
        assertThat(old.journal()).isEqualTo(Config.JournalConfig.DEFAULTS);
    }
}
