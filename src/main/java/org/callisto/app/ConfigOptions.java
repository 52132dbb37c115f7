package org.callisto.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.callisto.config.Config;
import org.callisto.config.ConfigLoader;
import picocli.CommandLine.Option;

/**
 * The options every command that needs the configuration shares: {@code --config}, {@code --data} and
 * {@code --database-url}. Mix it into a command with {@code @Mixin ConfigOptions config;} and call {@link #config()}
 * (or {@link #config(Map)} with the flags of other mixins such as {@link PortOption}).
 *
 * <p>A wrong value ends the command through a {@link org.callisto.config.ConfigException}, which {@link Main} prints
 * without a stack trace and turns into exit code 2.
 *
 * <p>Not thread-safe: picocli fills it in once per command line; read it from the command's thread.
 */
public final class ConfigOptions {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "Configuration file (default: $CALLISTO_CONFIG, ./callisto.conf, /usr/local/etc/callisto/callisto.conf).")
    Path configFile;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Data directory (data.dir), holding the SQLite database.")
    Path dataDir;

    @Option(
            names = "--database-url",
            paramLabel = "URL",
            description = "JDBC URL of the database (database.url): jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB.")
    String databaseUrl;

    /** The configuration from file, environment and these flags. */
    public Config config() {
        return config(Map.of());
    }

    /**
     * The configuration from file, environment, these flags and {@code moreFlags} (keys as in the file).
     *
     * @throws org.callisto.config.ConfigException naming the key, value and fix when anything is wrong
     */
    public Config config(Map<String, String> moreFlags) {
        return ConfigLoader.load(configFile, System.getenv(), flags(moreFlags));
    }

    /** Opens the configured database (migrating it) and builds every service on it; the caller closes it. */
    public Callisto open() {
        return Callisto.open(config());
    }

    /** The configuration keys these options set, plus {@code moreFlags}. */
    Map<String, String> flags(Map<String, String> moreFlags) {
        Map<String, String> flags = new LinkedHashMap<>();
        if (dataDir != null) {
            flags.put("data.dir", dataDir.toString());
        }
        if (databaseUrl != null) {
            flags.put("database.url", databaseUrl);
        }
        flags.putAll(moreFlags);
        return flags;
    }
}
