package org.callisto.show;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShowSettingsStoreTest {

    static ShowSettings settings() {
        return new ShowSettings(
                "BSD Weekly",
                "News, interviews and tips from the BSD world.",
                "en",
                "The BSD Weekly crew",
                "Jo Host",
                "host@bsdweekly.example",
                "https://bsdweekly.example/art.png",
                List.of("Technology", "News/Tech News"),
                false,
                "https://www.patreon.com/bsdweekly",
                "Support the show on Patreon",
                "feedback@bsdweekly.example",
                PodcastGuid.of("https://bsdweekly.example/show/feed/mp3.xml"),
                true);
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void settingsRoundTripAndSavingAgainReplacesThem(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ShowSettingsStore store = new ShowSettingsStore(db, Clock.systemUTC());
            assertThat(store.settings()).isEmpty();
            store.saveSettings(settings());
            store.saveSettings(settings());
            assertThat(store.settings()).contains(settings());

            ShowSettings bare = new ShowSettings(
                    "Bare",
                    "No extras.",
                    "de",
                    "Crew",
                    "Owner",
                    "o@example.org",
                    "https://example.org/a.png",
                    List.of("Technology"),
                    true,
                    null,
                    null,
                    null,
                    PodcastGuid.of("https://example.org/feed.xml"),
                    false);
            store.saveSettings(bare);
            assertThat(store.settings()).contains(bare);
        }
    }
}
