package org.callisto.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void defaultsGiveSqliteInTheDataDirectory() {
        Config c = ConfigLoader.of(Map.of());
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.siteTitle()).isEqualTo("Callisto Planet");
        assertThat(c.databaseUrl()).isEqualTo("jdbc:sqlite:" + Path.of("data", "callisto.db"));
        assertThat(c.fetch().maxBodyBytes()).isEqualTo(15L * 1024 * 1024);
        assertThat(c.fetch().maxRedirects()).isEqualTo(5);
        assertThat(c.userAgent()).contains("Callisto/").contains("http://localhost:8080/");
    }

    @Test
    void fileThenEnvironmentThenFlagsWin(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("callisto.conf");
        Files.writeString(
                file, "# comment\nsite.title = Planet FreeBSD\nserver.port = 9000\ndata.dir = /var/db/callisto\n");
        Config fromFile = ConfigLoader.load(file, Map.of(), Map.of());
        assertThat(fromFile.siteTitle()).isEqualTo("Planet FreeBSD");
        assertThat(fromFile.dataDir()).isEqualTo(Path.of("/var/db/callisto"));
        assertThat(fromFile.databaseUrl()).isEqualTo("jdbc:sqlite:/var/db/callisto/callisto.db");

        Config fromEnv = ConfigLoader.load(file, Map.of("CALLISTO_SERVER_PORT", "9100"), Map.of());
        assertThat(fromEnv.port()).isEqualTo(9100);

        Config fromFlag =
                ConfigLoader.load(file, Map.of("CALLISTO_SERVER_PORT", "9100"), Map.of("server.port", "9200"));
        assertThat(fromFlag.port()).isEqualTo(9200);
    }

    @Test
    void configFileNamedByTheEnvironmentIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("other.conf");
        Files.writeString(file, "fetch.min_interval = 30m\n");
        Config c = ConfigLoader.load(null, Map.of("CALLISTO_CONFIG", file.toString()), Map.of());
        assertThat(c.fetch().minInterval()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void everyBadValueIsReportedWithItsKeyAndTheFix() {
        assertThatThrownBy(() -> ConfigLoader.of(Map.of(
                        "server.port",
                        "99999",
                        "fetch.max_body",
                        "lots",
                        "site.url",
                        "ftp://x",
                        "fetch.allow_loopback",
                        "maybe")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("server.port = 99999 is out of range; use a whole number from 0 to 65535")
                .hasMessageContaining("fetch.max_body = 'lots' is not a size")
                .hasMessageContaining("site.url = 'ftp://x' is not an absolute http(s) URL")
                .hasMessageContaining("fetch.allow_loopback = 'maybe' is not a boolean");
    }

    @Test
    void siteLogoIsEmptyByDefaultAnHttpUrlOrAPathAndAnythingElseIsNamed() {
        assertThat(ConfigLoader.of(Map.of()).siteLogo()).isEmpty();
        assertThat(ConfigLoader.of(Map.of("site.logo", " https://example.org/logo.svg "))
                        .siteLogo())
                .isEqualTo("https://example.org/logo.svg");
        assertThat(ConfigLoader.of(Map.of("site.logo", "/media/logo.png")).siteLogo())
                .isEqualTo("/media/logo.png");
        for (String bad : java.util.List.of("javascript:alert(1)", "//evil.example/x.png", "logo.png", "data:,x")) {
            assertThatThrownBy(() -> ConfigLoader.of(Map.of("site.logo", bad)))
                    .as(bad)
                    .hasMessageContaining("site.logo = '" + bad + "' is neither an http(s) URL nor a path");
        }
    }

    @Test
    void unknownKeysInTheFileAreErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("callisto.conf");
        Files.writeString(file, "server.prot = 80\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'server.prot'");
    }

    @Test
    void missingConfigFileIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.conf"), Map.of(), Map.of()))
                .hasMessageContaining("does not exist");
    }

    @Test
    void unsupportedDatabaseUrlIsAnError() {
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("database.url", "jdbc:mysql://x/y")))
                .hasMessageContaining("database.url = 'jdbc:mysql://x/y' is not supported");
    }

    @Test
    void minimumIntervalLongerThanMaximumIsAnError() {
        assertThatThrownBy(() -> ConfigLoader.of(Map.of("fetch.min_interval", "2d", "fetch.max_interval", "1h")))
                .hasMessageContaining("fetch.min_interval (2d) is longer than fetch.max_interval (1h)");
    }
}
