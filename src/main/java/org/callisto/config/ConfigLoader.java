package org.callisto.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Builds the one {@link Config} of a process from, in rising precedence: built-in defaults, the configuration
 * file, {@code CALLISTO_*} environment variables and command-line flags. Every value is validated here, and every
 * error names the key, the value and the fix, so a bad start fails at once and plainly.
 *
 * <p>The file is a plain {@code key = value} file (Java properties syntax, {@code #} comments); the keys are those
 * of {@link #DEFAULTS}, documented in {@code docs/configuration.md}. An environment variable overrides a key when
 * named {@code CALLISTO_} plus the key in upper case with dots as underscores, e.g. {@code CALLISTO_SERVER_PORT}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConfigLoader {

    /** Where the file is looked for when neither {@code --config} nor {@code CALLISTO_CONFIG} names one. */
    public static final List<Path> DEFAULT_LOCATIONS =
            List.of(Path.of("callisto.conf"), Path.of("/usr/local/etc/callisto/callisto.conf"));

    /** Every known key with its default value. */
    public static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("site.title", "Callisto Planet");
        d.put("site.url", "http://localhost:8080/");
        d.put("site.logo", "");
        d.put("server.port", "8080");
        d.put("server.header_timeout", "10s");
        d.put("server.idle_timeout", "30s");
        d.put("server.max_connections", "10000");
        d.put("server.max_connections_per_address", "64");
        d.put("server.bind", "");
        d.put("server.trusted_proxies", "");
        d.put("server.hsts_max_age", "365d");
        d.put("server.access_log", "off");
        d.put("data.dir", "data");
        d.put("database.url", "");
        d.put("database.user", "");
        d.put("database.password", "");
        d.put("database.pool_size", "0");
        d.put("database.pool_wait", "");
        d.put("fetch.connect_timeout", "10s");
        d.put("fetch.read_timeout", "20s");
        d.put("fetch.total_timeout", "60s");
        d.put("fetch.max_body", "15MiB");
        d.put("fetch.max_redirects", "5");
        d.put("fetch.per_host", "2");
        d.put("fetch.concurrency", "64");
        d.put("fetch.allow_loopback", "false");
        d.put("fetch.allow_private", "false");
        d.put("fetch.min_interval", "15m");
        d.put("fetch.max_interval", "24h");
        d.put("fetch.backoff_ceiling", "24h");
        d.put("fetch.lease_margin", "2m");
        d.put("journal.registration", "invite");
        d.put("journal.password_checks", "auto");
        d.put("journal.password_queue", Integer.toString(Config.JournalConfig.DEFAULT_PASSWORD_QUEUE));
        d.put("journal.invitations_per_member", Integer.toString(Config.JournalConfig.DEFAULT_INVITATIONS_PER_MEMBER));
        d.put("journal.invitation_lifetime", "14d");
        d.put("journal.flag_threshold", Integer.toString(Config.JournalConfig.DEFAULT_FLAG_THRESHOLD));
        d.put("show.media_dir", "");
        d.put("show.downloads.bots_file", "");
        d.put("show.downloads.apps_file", "");
        d.put("show.new_feed_url", "");
        d.put("show.upload_max_size", "4GiB");
        d.put("metrics.allow", "127.0.0.0/8, ::1");
        d.put("metrics.token", "");
        d.put("metrics.graphite.host", "");
        d.put("metrics.graphite.port", "2003");
        d.put("metrics.graphite.step", "60s");
        d.put("mail.host", "");
        d.put("mail.port", "587");
        d.put("mail.tls", "starttls");
        d.put("mail.user", "");
        d.put("mail.password", "");
        d.put("mail.from", "");
        d.put("mail.queue", "1000");
        d.put("mail.timeout", "30s");
        WebSubKeys.defaults(d);
        DEFAULTS = Map.copyOf(d);
        KEY_ORDER = List.copyOf(d.keySet());
    }

    private static final List<String> KEY_ORDER;

    private ConfigLoader() {}

    /**
     * Loads the configuration.
     *
     * @param explicitFile a file given with {@code --config}, or {@code null}
     * @param env          the environment (normally {@link System#getenv()})
     * @param flags        values from command-line flags, keyed like the file
     * @throws ConfigException when the file cannot be read or a value is invalid
     */
    public static Config load(Path explicitFile, Map<String, String> env, Map<String, String> flags) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : KEY_ORDER) {
            values.put(key, DEFAULTS.get(key));
        }
        Optional<Path> file = locate(explicitFile, env);
        if (file.isPresent()) {
            readFile(file.get(), values);
        }
        for (String key : KEY_ORDER) {
            String envName = envName(key);
            if (env.containsKey(envName)) {
                values.put(key, env.get(envName));
            }
        }
        for (Map.Entry<String, String> flag : flags.entrySet()) {
            if (!DEFAULTS.containsKey(flag.getKey())) {
                throw new ConfigException("unknown configuration key '" + flag.getKey() + "'");
            }
            values.put(flag.getKey(), flag.getValue());
        }
        return build(values, file.map(Path::toString).orElse("defaults"));
    }

    /** Loads defaults plus the given overrides only; for tests and embedded use. */
    public static Config of(Map<String, String> overrides) {
        return load(null, Map.of(), overrides);
    }

    /** The environment variable that overrides {@code key}. */
    public static String envName(String key) {
        return "CALLISTO_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static Optional<Path> locate(Path explicitFile, Map<String, String> env) {
        if (explicitFile != null) {
            if (!Files.isRegularFile(explicitFile)) {
                throw new ConfigException("configuration file " + explicitFile + " does not exist or is not a file;"
                        + " check the --config path");
            }
            return Optional.of(explicitFile);
        }
        String fromEnv = env.get("CALLISTO_CONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path p = Path.of(fromEnv);
            if (!Files.isRegularFile(p)) {
                throw new ConfigException("CALLISTO_CONFIG names " + p + ", which does not exist or is not a file");
            }
            return Optional.of(p);
        }
        return DEFAULT_LOCATIONS.stream().filter(Files::isRegularFile).findFirst();
    }

    private static void readFile(Path file, Map<String, String> values) {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        for (String key : props.stringPropertyNames()) {
            if (!DEFAULTS.containsKey(key)) {
                throw new ConfigException(file + ": unknown key '" + key + "'; known keys are " + KEY_ORDER);
            }
            values.put(key, props.getProperty(key).trim());
        }
    }

    private static Config build(Map<String, String> v, String source) {
        List<String> errors = new ArrayList<>();
        Parser p = new Parser(v, errors);
        String title = p.nonBlank("site.title");
        URI siteUrl = p.httpUrl("site.url");
        int port = p.intIn("server.port", 0, 65535);
        Config.ServerConfig server = new Config.ServerConfig(
                p.durationIn("server.header_timeout", "100ms", "10m"),
                p.durationIn("server.idle_timeout", "100ms", "1h"),
                p.intIn("server.max_connections", 16, 1_000_000),
                p.intIn("server.max_connections_per_address", 0, 1_000_000),
                p.bindAddress("server.bind"),
                p.cidrs("server.trusted_proxies"),
                p.durationIn("server.hsts_max_age", "0s", "3650d"),
                p.accessLog("server.access_log"));
        Path dataDir = Path.of(p.nonBlank("data.dir"));
        String dbUrl = v.get("database.url").trim();
        if (dbUrl.isEmpty()) {
            dbUrl = "jdbc:sqlite:" + dataDir.resolve("callisto.db");
        } else if (!dbUrl.startsWith("jdbc:sqlite:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            errors.add("database.url = '" + dbUrl + "' is not supported; use jdbc:sqlite:/path/to/file.db or"
                    + " jdbc:postgresql://host:port/database, or leave it empty for SQLite in data.dir");
        }
        Config.FetchConfig fetch = new Config.FetchConfig(
                p.duration("fetch.connect_timeout"),
                p.duration("fetch.read_timeout"),
                p.duration("fetch.total_timeout"),
                p.size("fetch.max_body"),
                p.intIn("fetch.max_redirects", 0, 20),
                p.intIn("fetch.per_host", 1, 64),
                p.intIn("fetch.concurrency", 1, 4096),
                p.bool("fetch.allow_loopback"),
                p.bool("fetch.allow_private"),
                p.duration("fetch.min_interval"),
                p.duration("fetch.max_interval"),
                p.duration("fetch.backoff_ceiling"),
                p.durationIn("fetch.lease_margin", "1s", "1h"));
        if (errors.isEmpty() && fetch.minInterval().compareTo(fetch.maxInterval()) > 0) {
            errors.add("fetch.min_interval (" + v.get("fetch.min_interval") + ") is longer than fetch.max_interval ("
                    + v.get("fetch.max_interval") + "); make min_interval the shorter one");
        }
        Config.JournalConfig journal = new Config.JournalConfig(
                p.registration("journal.registration"),
                p.countOrAuto("journal.password_checks", 1, 256),
                // clamped so that a bad value is reported with the others below rather than by the record
                Math.clamp(p.intIn("journal.password_queue", 0, 1024), 0, 1024),
                Math.clamp(p.intIn("journal.invitations_per_member", 0, 10_000), 0, 10_000),
                positiveOr(
                        p.durationIn("journal.invitation_lifetime", "1m", "365d"),
                        Config.JournalConfig.DEFAULT_INVITATION_LIFETIME),
                Math.clamp(p.intIn("journal.flag_threshold", 1, 1000), 1, 1000));
        String mediaDir = v.get("show.media_dir").trim();
        Config.ShowConfig show = new Config.ShowConfig(
                mediaDir.isEmpty() ? dataDir.resolve("media") : Path.of(mediaDir),
                listFile(v, "show.downloads.bots_file", errors),
                listFile(v, "show.downloads.apps_file", errors),
                newFeedUrl(v.get("show.new_feed_url").trim(), errors),
                Math.max(1, p.size("show.upload_max_size")));
        Config.MetricsConfig metrics = new Config.MetricsConfig(
                p.cidrs("metrics.allow"),
                v.get("metrics.token").trim(),
                v.get("metrics.graphite.host").trim(),
                p.intIn("metrics.graphite.port", 1, 65535),
                p.duration("metrics.graphite.step"));
        if (metrics.graphiteStep().compareTo(Duration.ofSeconds(1)) < 0) {
            errors.add("metrics.graphite.step = " + v.get("metrics.graphite.step")
                    + " is shorter than a second; use e.g. 10s or 60s");
        }
        Config.MailConfig mail = MailKeys.read(p, v, errors, siteUrl);
        String logo = siteLogo(v.get("site.logo"), errors);
        Config.WebSubConfig websub = WebSubKeys.read(p, v, errors);
        Config.PoolConfig pool = pool(p, v, errors);
        if (!errors.isEmpty()) {
            throw new ConfigException("invalid configuration (" + source + "):\n  " + String.join("\n  ", errors));
        }
        return new Config(
                title,
                siteUrl,
                port,
                dataDir,
                dbUrl,
                v.get("database.user"),
                v.get("database.password"),
                fetch,
                journal,
                show,
                server,
                metrics,
                mail,
                logo,
                websub,
                pool);
    }

    /** {@code database.pool_size} (0: the database's default) and {@code database.pool_wait} (empty: likewise). */
    private static Config.PoolConfig pool(Parser p, Map<String, String> v, List<String> errors) {
        int size = p.intIn("database.pool_size", 0, 1000);
        String wait = v.get("database.pool_wait").trim();
        if (wait.isEmpty()) {
            return new Config.PoolConfig(size, null);
        }
        return new Config.PoolConfig(size, p.durationIn("database.pool_wait", "250ms", "5m"));
    }

    /** {@code d}, or {@code fallback} when it is not positive (the error is reported with the others). */
    static Duration positiveOr(Duration d, Duration fallback) {
        return d.isNegative() || d.isZero() ? fallback : d;
    }

    /** {@code site.logo}: empty, an absolute http(s) URL, or a path on this site starting with one slash. */
    private static String siteLogo(String value, List<String> errors) {
        String logo = value == null ? "" : value.strip();
        if (logo.isEmpty()) {
            return "";
        }
        boolean path = logo.startsWith("/") && !logo.startsWith("//");
        boolean web = false;
        try {
            URI uri = new URI(logo);
            web = uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
            path = path && uri.getScheme() == null;
        } catch (URISyntaxException e) {
            path = false;
        }
        if (!path && !web) {
            errors.add("site.logo = '" + logo + "' is neither an http(s) URL nor a path on this site; use e.g."
                    + " https://example.org/logo.svg or /media/logo.png, or leave it empty for no logo");
        }
        return logo;
    }

    /** Parses typed values, collecting every error instead of stopping at the first. */
    record Parser(Map<String, String> v, List<String> errors) {
        String nonBlank(String key) {
            String s = v.get(key);
            if (s == null || s.isBlank()) {
                errors.add(key + " is empty; give it a value (default: " + DEFAULTS.get(key) + ")");
                return DEFAULTS.get(key);
            }
            return s.trim();
        }

        URI httpUrl(String key) {
            String s = nonBlank(key);
            try {
                URI u = new URI(s);
                if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                    errors.add(key + " = '" + s
                            + "' is not an absolute http(s) URL; write e.g. https://planet.example.org/");
                }
                return u;
            } catch (URISyntaxException e) {
                errors.add(key + " = '" + s + "' is not a URL (" + e.getReason()
                        + "); write e.g. https://planet.example.org/");
                return URI.create(DEFAULTS.get(key));
            }
        }

        int intIn(String key, int min, int max) {
            String s = nonBlank(key);
            try {
                int n = Integer.parseInt(s);
                if (n < min || n > max) {
                    errors.add(key + " = " + n + " is out of range; use a whole number from " + min + " to " + max);
                }
                return n;
            } catch (NumberFormatException e) {
                errors.add(key + " = '" + s + "' is not a whole number; use one from " + min + " to " + max);
                return min;
            }
        }

        /** A whole number in range, or {@code auto} for the number of processors this process may use. */
        int countOrAuto(String key, int min, int max) {
            String s = nonBlank(key);
            if (s.equalsIgnoreCase("auto")) {
                return Math.clamp(Runtime.getRuntime().availableProcessors(), min, max);
            }
            try {
                int n = Integer.parseInt(s);
                if (n < min || n > max) {
                    errors.add(key + " = " + n + " is out of range; use auto (one per processor) or a whole number"
                            + " from " + min + " to " + max);
                    return min;
                }
                return n;
            } catch (NumberFormatException e) {
                errors.add(key + " = '" + s + "' is not a whole number; use auto (one per processor) or a number"
                        + " from " + min + " to " + max);
                return min;
            }
        }

        boolean bool(String key) {
            String s = nonBlank(key).toLowerCase(Locale.ROOT);
            return switch (s) {
                case "true", "yes", "on", "1" -> true;
                case "false", "no", "off", "0" -> false;
                default -> {
                    errors.add(key + " = '" + s + "' is not a boolean; use true or false");
                    yield false;
                }
            };
        }

        Config.Registration registration(String key) {
            String s = nonBlank(key).toLowerCase(Locale.ROOT);
            return switch (s) {
                case "open" -> Config.Registration.OPEN;
                case "invite" -> Config.Registration.INVITE;
                case "closed" -> Config.Registration.CLOSED;
                default -> {
                    errors.add(key + " = '" + s + "' is not a registration policy; use open, invite or closed");
                    yield Config.Registration.INVITE;
                }
            };
        }

        Config.MailTls mailTls(String key) {
            String s = nonBlank(key).toLowerCase(Locale.ROOT);
            return switch (s) {
                case "none" -> Config.MailTls.NONE;
                case "starttls" -> Config.MailTls.STARTTLS;
                case "tls", "ssl", "smtps" -> Config.MailTls.TLS;
                default -> {
                    errors.add(key + " = '" + s + "' is not a TLS mode; use none, starttls (port 587) or tls"
                            + " (port 465)");
                    yield Config.MailTls.STARTTLS;
                }
            };
        }

        /**
         * A listen address: empty for every address, else an IP literal (IPv6 with or without brackets). Literals
         * only, so that a start never waits on DNS and the address bound is the one written.
         */
        String bindAddress(String key) {
            String s = v.get(key).trim();
            if (s.isEmpty()) {
                return "";
            }
            String literal = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
            try {
                return java.net.InetAddress.ofLiteral(literal).getHostAddress();
            } catch (IllegalArgumentException e) {
                errors.add(key + " = '" + s + "' is not an IP address; write e.g. 127.0.0.1, 0.0.0.0, ::1 or ::, or"
                        + " leave it empty for every address");
                return "";
            }
        }

        /** {@code off}, {@code stdout} or a file path (its directory must exist). */
        String accessLog(String key) {
            String s = v.get(key).trim();
            if (s.isEmpty() || s.equalsIgnoreCase("off") || s.equalsIgnoreCase("stdout")) {
                return s.isEmpty() ? "off" : s.toLowerCase(Locale.ROOT);
            }
            Path dir = Path.of(s).toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                errors.add(key + " = '" + s + "': the directory " + dir + " does not exist; create it, or use off or"
                        + " stdout");
            }
            return s;
        }

        /** A comma-separated list of address ranges; empty for none. */
        List<Cidr> cidrs(String key) {
            List<Cidr> out = new ArrayList<>();
            for (String part : v.get(key).split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    out.add(Cidr.parse(part));
                } catch (IllegalArgumentException e) {
                    errors.add(key + ": " + e.getMessage() + " (separate ranges with commas)");
                }
            }
            return out;
        }

        Duration duration(String key) {
            String s = nonBlank(key);
            try {
                return Durations.parse(s);
            } catch (IllegalArgumentException e) {
                errors.add(
                        key + " = '" + s + "' is not a duration; write a number with a unit: 500ms, 20s, 15m, 24h, 7d");
                return Durations.parse(DEFAULTS.get(key));
            }
        }

        Duration durationIn(String key, String min, String max) {
            Duration d = duration(key);
            if (d.compareTo(Durations.parse(min)) < 0 || d.compareTo(Durations.parse(max)) > 0) {
                errors.add(key + " = '" + v.get(key).trim() + "' is out of range; use a duration from " + min + " to "
                        + max);
            }
            return d;
        }

        long size(String key) {
            String s = nonBlank(key);
            try {
                return Durations.parseSize(s);
            } catch (IllegalArgumentException e) {
                errors.add(key + " = '" + s + "' is not a size; write a number with a unit: 512KiB, 15MiB, 1GiB");
                return Durations.parseSize(DEFAULTS.get(key));
            }
        }
    }

    /** {@code show.new_feed_url}: empty for a feed that did not move, else an absolute http(s) URL. */
    private static URI newFeedUrl(String value, List<String> errors) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            URI u = new URI(value);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                return u;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        errors.add("show.new_feed_url = '" + value + "' is not an absolute http(s) URL; write the feed's new address,"
                + " e.g. https://new-host.example/feed.xml, or leave it empty");
        return null;
    }

    /** A user-agent list file named by {@code key}: null when empty (the shipped list), else a readable file. */
    private static Path listFile(Map<String, String> v, String key, List<String> errors) {
        String value = v.get(key).trim();
        if (value.isEmpty()) {
            return null;
        }
        Path file = Path.of(value);
        if (!java.nio.file.Files.isRegularFile(file) || !java.nio.file.Files.isReadable(file)) {
            errors.add(key + " = " + value + " is not a readable file; give the path of a user-agent list (see"
                    + " docs/show-media.md) or leave it empty for the list shipped with Callisto");
        }
        return file;
    }
}
