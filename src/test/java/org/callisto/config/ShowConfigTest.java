package org.callisto.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShowConfigTest {

    @Test
    void theMediaDirectoryDefaultsToMediaInTheDataDirectory() {
        Config c = ConfigLoader.of(Map.of("data.dir", "/srv/callisto"));
        assertThat(c.show().mediaDir()).isEqualTo(Path.of("/srv/callisto/media"));
        assertThat(ConfigLoader.of(Map.of("show.media_dir", "/srv/podcast"))
                        .show()
                        .mediaDir())
                .isEqualTo(Path.of("/srv/podcast"));
    }

    @Test
    void copiesKeepTheMediaDirectoryAndNoShowGroupGetsTheDefault() {
        Config c = ConfigLoader.of(Map.of("show.media_dir", "/srv/podcast"));
        assertThat(c.withPort(9090).show()).isEqualTo(c.show());
        assertThat(c.withFetch(c.fetch()).show()).isEqualTo(c.show());
        Config old = c.toBuilder().dataDir(Path.of("d")).show(null).build();
        assertThat(old.show().mediaDir()).isEqualTo(Path.of("d", "media"));
    }
}
