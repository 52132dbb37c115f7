package org.callisto.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The whole configuration of one Callisto process: parsed and validated once by {@link ConfigLoader},
 * then passed explicitly to whatever needs it. There are no global settings anywhere else.
 *
 * <p>Immutable and therefore thread-safe.
 *
 * @param siteTitle     the title shown on every page and in output feeds
 * @param siteUrl       the public base URL of the site, used in output feeds and the User-Agent
 * @param port          the HTTP port {@code serve} listens on
 * @param dataDir       the directory holding the SQLite database and other state
 * @param databaseUrl   a JDBC URL; {@code jdbc:sqlite:...} or {@code jdbc:postgresql://...}
 * @param databaseUser  user for PostgreSQL, empty for SQLite
 * @param databasePassword password for PostgreSQL, empty for SQLite
 * @param fetch         how the planet fetches feeds
 * @param journal       how the journal admits members
 * @param show          where the show's media files live
 * @param server        how the web server guards its connections (timeouts and caps)
 * @param metrics       who may read {@code /metrics} and where metrics are pushed
 */
public record Config(
        String siteTitle,
        URI siteUrl,
        int port,
        Path dataDir,
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        FetchConfig fetch,
        JournalConfig journal,
        ShowConfig show,
        ServerConfig server,
        MetricsConfig metrics) {

    public Config {
        show = show == null && dataDir != null ? ShowConfig.under(dataDir) : show;
        server = server == null ? ServerConfig.DEFAULTS : server;
        metrics = metrics == null ? MetricsConfig.DEFAULTS : metrics;
    }

    /**
     * A configuration with the server's default guards and the metrics' defaults; the constructor of the settings
     * before they existed.
     */
    public Config(
            String siteTitle,
            URI siteUrl,
            int port,
            Path dataDir,
            String databaseUrl,
            String databaseUser,
            String databasePassword,
            FetchConfig fetch,
            JournalConfig journal,
            ShowConfig show) {
        this(
                siteTitle,
                siteUrl,
                port,
                dataDir,
                databaseUrl,
                databaseUser,
                databasePassword,
                fetch,
                journal,
                show,
                null,
                null);
    }

    /** A configuration with the show's defaults; the constructor of the settings before the show's pages existed. */
    public Config(
            String siteTitle,
            URI siteUrl,
            int port,
            Path dataDir,
            String databaseUrl,
            String databaseUser,
            String databasePassword,
            FetchConfig fetch,
            JournalConfig journal) {
        this(
                siteTitle,
                siteUrl,
                port,
                dataDir,
                databaseUrl,
                databaseUser,
                databasePassword,
                fetch,
                journal,
                (ShowConfig) null);
    }

    /** A configuration with the journal's defaults; the constructor of the settings before the journal existed. */
    public Config(
            String siteTitle,
            URI siteUrl,
            int port,
            Path dataDir,
            String databaseUrl,
            String databaseUser,
            String databasePassword,
            FetchConfig fetch) {
        this(
                siteTitle,
                siteUrl,
                port,
                dataDir,
                databaseUrl,
                databaseUser,
                databasePassword,
                fetch,
                JournalConfig.DEFAULTS);
    }

    /**
     * How the journal admits members and checks their passwords.
     *
     * @param registration   who may create an account: anyone, holders of an invitation, or nobody
     * @param passwordChecks argon2id checks and hashes run at once ({@code journal.password_checks}); at least 1
     * @param passwordQueue  checks that may wait for one of those ({@code journal.password_queue}); beyond them a
     *                       login, registration or password change is answered "busy" at once
     */
    public record JournalConfig(Registration registration, int passwordChecks, int passwordQueue) {
        /** Waiting checks by default: a short queue, so that a flood is answered "busy" instead of waiting. */
        public static final int DEFAULT_PASSWORD_QUEUE = 8;

        /** Invitation-only registration, one password check per processor. */
        public static final JournalConfig DEFAULTS = new JournalConfig(Registration.INVITE);

        public JournalConfig {
            if (passwordChecks < 1 || passwordQueue < 0) {
                throw new IllegalArgumentException("journal.password_checks = " + passwordChecks
                        + " and journal.password_queue = " + passwordQueue
                        + " are out of range; use at least 1 check and a queue of 0 or more");
            }
        }

        /** A registration policy with the default password pool: one check per processor and a short queue. */
        public JournalConfig(Registration registration) {
            this(registration, Runtime.getRuntime().availableProcessors(), DEFAULT_PASSWORD_QUEUE);
        }
    }

    /**
     * Where the show keeps its files.
     *
     * @param mediaDir the directory of episode media files and their torrents, served at {@code {site.url}media/}
     * @param botsFile the list of bots whose downloads are not counted, or null for the list shipped with Callisto
     * @param appsFile the list of podcast apps downloads are attributed to, or null for the shipped list
     */
    public record ShowConfig(Path mediaDir, Path botsFile, Path appsFile) {
        /** The default: {@code media} in the data directory, the shipped lists. */
        public static ShowConfig under(Path dataDir) {
            return new ShowConfig(dataDir.resolve("media"), null, null);
        }

        /** Where the show keeps its files, with the shipped lists. */
        public ShowConfig(Path mediaDir) {
            this(mediaDir, null, null);
        }
    }

    /**
     * How the web server guards its connections against slow and numerous clients.
     *
     * @param headerTimeout            time a request's headers may take to arrive in full, counted from the
     *                                 request's first byte; not merely the silence between two bytes
     * @param idleTimeout              longest silence on a connection (between bytes, or between two requests)
     * @param maxConnections           open connections at most; past it the oldest idle connection is closed to
     *                                 make room (lowered at start to fit under the process's open-files limit)
     * @param maxConnectionsPerAddress open connections at most from one client address; 0 means no cap
     */
    public record ServerConfig(
            Duration headerTimeout, Duration idleTimeout, int maxConnections, int maxConnectionsPerAddress) {
        /** 10 s for headers, 30 s of silence, 10,000 connections, 64 from one address. */
        public static final ServerConfig DEFAULTS =
                new ServerConfig(Duration.ofSeconds(10), Duration.ofSeconds(30), 10_000, 64);
    }

    /**
     * Metrics: who may read {@code /metrics} and whether they are also pushed to Graphite.
     *
     * @param allow          address ranges that may read {@code /metrics} without a token
     * @param token          a bearer token that opens {@code /metrics} from anywhere; empty for none
     * @param graphiteHost   the carbon host to push to in its plaintext protocol; empty for no push
     * @param graphitePort   carbon's plaintext port
     * @param graphiteStep   how often metrics are pushed
     */
    public record MetricsConfig(
            List<Cidr> allow, String token, String graphiteHost, int graphitePort, Duration graphiteStep) {
        /** Loopback only, no token, no Graphite. */
        public static final MetricsConfig DEFAULTS = new MetricsConfig(
                List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1/128")), "", "", 2003, Duration.ofSeconds(60));

        public MetricsConfig {
            allow = List.copyOf(allow);
            token = token == null ? "" : token;
            graphiteHost = graphiteHost == null ? "" : graphiteHost;
        }

        /** Whether metrics are pushed to Graphite. */
        public boolean graphite() {
            return !graphiteHost.isEmpty();
        }

        /** Returns a copy with different allowed ranges and token. */
        public MetricsConfig withAccess(List<Cidr> newAllow, String newToken) {
            return new MetricsConfig(newAllow, newToken, graphiteHost, graphitePort, graphiteStep);
        }

        /** Returns a copy that pushes to {@code host:port} every {@code step}. */
        public MetricsConfig withGraphite(String host, int port, Duration step) {
            return new MetricsConfig(allow, token, host, port, step);
        }

        @Override
        public String toString() { // never print the token
            return "MetricsConfig[allow=" + allow + ", token=" + (token.isEmpty() ? "none" : "set") + ", graphite="
                    + (graphite() ? graphiteHost + ":" + graphitePort + " every " + graphiteStep : "off") + "]";
        }
    }

    /** Who may create an account ({@code journal.registration}). */
    public enum Registration {
        /** Anyone may register. */
        OPEN,
        /** Only with an unused, unexpired invitation issued by a member. */
        INVITE,
        /** Nobody may register; accounts are created by administrators. */
        CLOSED
    }

    /**
     * How feeds are fetched and scheduled.
     *
     * @param connectTimeout   time allowed to open a connection
     * @param readTimeout      longest silence allowed while reading a response
     * @param totalTimeout     time allowed for a whole fetch, redirects included
     * @param maxBodyBytes     bodies larger than this are refused while streaming
     * @param maxRedirects     redirects followed before giving up
     * @param perHostLimit     concurrent requests to one host
     * @param concurrency      fetches in flight at once
     * @param allowLoopback    whether feeds may live on 127.0.0.0/8 and ::1 (tests, demo)
     * @param allowPrivate     whether feeds may live on private, link-local or unique-local networks
     * @param minInterval      shortest interval between two fetches of a feed
     * @param maxInterval      longest interval between two fetches of a feed
     * @param backoffCeiling   longest wait after repeated errors
     */
    public record FetchConfig(
            Duration connectTimeout,
            Duration readTimeout,
            Duration totalTimeout,
            long maxBodyBytes,
            int maxRedirects,
            int perHostLimit,
            int concurrency,
            boolean allowLoopback,
            boolean allowPrivate,
            Duration minInterval,
            Duration maxInterval,
            Duration backoffCeiling) {}

    /** The User-Agent sent with every fetch: names Callisto and the site, as polite crawlers do. */
    public String userAgent() {
        return "Callisto/" + Version.VERSION + " (+" + siteUrl + ")";
    }

    /** Returns a copy with a different port. */
    public Config withPort(int newPort) {
        return new Config(
                siteTitle,
                siteUrl,
                newPort,
                dataDir,
                databaseUrl,
                databaseUser,
                databasePassword,
                fetch,
                journal,
                show,
                server,
                metrics);
    }

    /** Returns a copy with different fetch settings. */
    public Config withFetch(FetchConfig newFetch) {
        return new Config(
                siteTitle,
                siteUrl,
                port,
                dataDir,
                databaseUrl,
                databaseUser,
                databasePassword,
                newFetch,
                journal,
                show,
                server,
                metrics);
    }

    /** Returns a copy with different metrics settings. */
    public Config withMetrics(MetricsConfig newMetrics) {
        return new Config(
                siteTitle,
                siteUrl,
                port,
                dataDir,
                databaseUrl,
                databaseUser,
                databasePassword,
                fetch,
                journal,
                show,
                server,
                newMetrics);
    }
}
