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
 * @param mail          how mail is sent (SMTP), or {@link MailConfig#OFF}
 * @param siteLogo      the address of the logo shown beside the site's name in every page's header
 *                      ({@code site.logo}): an http(s) URL or a path on this site; empty for none
 * @param websub        WebSub, both ways: subscribing to feeds' hubs and the site's own hub
 * @param pool          the database connection pool's size and wait ({@code database.pool_size},
 *                      {@code database.pool_wait})
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
        MetricsConfig metrics,
        MailConfig mail,
        String siteLogo,
        WebSubConfig websub,
        PoolConfig pool) {

    public Config {
        journal = journal == null ? JournalConfig.DEFAULTS : journal;
        websub = websub == null ? WebSubConfig.DEFAULTS : websub;
        pool = pool == null ? PoolConfig.DEFAULTS : pool;
        show = show == null && dataDir != null ? ShowConfig.under(dataDir) : show;
        siteLogo = siteLogo == null ? "" : siteLogo;
        server = server == null ? ServerConfig.DEFAULTS : server;
        metrics = metrics == null ? MetricsConfig.DEFAULTS : metrics;
        mail = mail == null ? MailConfig.OFF : mail;
    }

    /**
     * The database connection pool of one process.
     *
     * @param size the most connections the process holds ({@code database.pool_size}); 0 means the default for the
     *             database: 16 for PostgreSQL, 8 for SQLite
     * @param maxWait the longest a request waits for a free connection before it is answered 503 with
     *             {@code Retry-After} ({@code database.pool_wait}); {@code null} means the default for the database:
     *             1.5 s for PostgreSQL, 30 s for SQLite (whose connections are files, so a wait is for other
     *             threads, never for a server)
     */
    public record PoolConfig(int size, Duration maxWait) {
        /** The defaults of each database. */
        public static final PoolConfig DEFAULTS = new PoolConfig(0, null);
    }

    /** Returns a copy with a different connection pool. */
    public Config withPool(PoolConfig newPool) {
        return toBuilder().pool(newPool).build();
    }

    /**
     * How the journal admits members and checks their passwords.
     *
     * @param registration   who may create an account: anyone, holders of an invitation, or nobody
     * @param passwordChecks argon2id checks and hashes run at once ({@code journal.password_checks}); at least 1
     * @param passwordQueue  checks that may wait for one of those ({@code journal.password_queue}); beyond them a
     *                       login, registration or password change is answered "busy" at once
     * @param invitationsPerMember invitations a member may have open at once, issued and neither used, expired
     *                       nor revoked ({@code journal.invitations_per_member}); administrators have no quota
     * @param invitationLifetime how long an invitation can be used ({@code journal.invitation_lifetime})
     * @param flagThreshold  distinct members whose flags bring a story or comment to the moderators' queue
     *                       ({@code journal.flag_threshold}); at least 1
     */
    public record JournalConfig(
            Registration registration,
            int passwordChecks,
            int passwordQueue,
            int invitationsPerMember,
            Duration invitationLifetime,
            int flagThreshold) {
        /** Waiting checks by default: a short queue, so that a flood is answered "busy" instead of waiting. */
        public static final int DEFAULT_PASSWORD_QUEUE = 8;
        /** Open invitations per member by default. */
        public static final int DEFAULT_INVITATIONS_PER_MEMBER = 5;
        /** How long an invitation can be used by default. */
        public static final Duration DEFAULT_INVITATION_LIFETIME = Duration.ofDays(14);
        /** Flags from this many members bring an item to the moderators by default. */
        public static final int DEFAULT_FLAG_THRESHOLD = 3;

        /** The settings with the default flag threshold. */
        public JournalConfig(
                Registration registration,
                int passwordChecks,
                int passwordQueue,
                int invitationsPerMember,
                Duration invitationLifetime) {
            this(
                    registration,
                    passwordChecks,
                    passwordQueue,
                    invitationsPerMember,
                    invitationLifetime,
                    DEFAULT_FLAG_THRESHOLD);
        }

        /** Invitation-only registration, one password check per processor. */
        public static final JournalConfig DEFAULTS = new JournalConfig(Registration.INVITE);

        public JournalConfig {
            if (flagThreshold < 1) {
                throw new IllegalArgumentException(
                        "journal.flag_threshold = " + flagThreshold + " is out of range; use 1 or more");
            }
            if (passwordChecks < 1 || passwordQueue < 0) {
                throw new IllegalArgumentException("journal.password_checks = " + passwordChecks
                        + " and journal.password_queue = " + passwordQueue
                        + " are out of range; use at least 1 check and a queue of 0 or more");
            }
            if (invitationsPerMember < 0
                    || invitationLifetime == null
                    || invitationLifetime.isNegative()
                    || invitationLifetime.isZero()) {
                throw new IllegalArgumentException("journal.invitations_per_member = " + invitationsPerMember
                        + " and journal.invitation_lifetime = " + invitationLifetime
                        + " are out of range; use 0 or more invitations and a positive lifetime such as 14d");
            }
        }

        /** A password pool with the default invitation quota and lifetime. */
        public JournalConfig(Registration registration, int passwordChecks, int passwordQueue) {
            this(
                    registration,
                    passwordChecks,
                    passwordQueue,
                    DEFAULT_INVITATIONS_PER_MEMBER,
                    DEFAULT_INVITATION_LIFETIME);
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
     * @param newFeedUrl where the show's feed moved to ({@code show.new_feed_url}): announced with
     *                   {@code itunes:new-feed-url}, and the old feed URLs answer 301 to it; null when it did not move
     * @param uploadMaxBytes the largest file editors may upload from the browser ({@code show.upload_max_size})
     */
    public record ShowConfig(Path mediaDir, Path botsFile, Path appsFile, URI newFeedUrl, long uploadMaxBytes) {
        /** The default largest upload: 4 GiB, an hour of HD video. */
        public static final long DEFAULT_UPLOAD_MAX = 4L << 30;

        public ShowConfig {
            if (uploadMaxBytes < 1) {
                throw new IllegalArgumentException(
                        "show.upload_max_size must be at least 1 byte, got " + uploadMaxBytes);
            }
        }

        /** Where the show keeps its files, with the given lists, its feed not moved, the default upload limit. */
        public ShowConfig(Path mediaDir, Path botsFile, Path appsFile) {
            this(mediaDir, botsFile, appsFile, null, DEFAULT_UPLOAD_MAX);
        }

        /** A copy whose feed moved to {@code url} (null: not moved). */
        public ShowConfig withNewFeedUrl(URI url) {
            return new ShowConfig(mediaDir, botsFile, appsFile, url, uploadMaxBytes);
        }

        /** The default: {@code media} in the data directory, the shipped lists. */
        public static ShowConfig under(Path dataDir) {
            return new ShowConfig(dataDir.resolve("media"), null, null);
        }

        /** This configuration with another upload limit. */
        public ShowConfig withUploadMax(long bytes) {
            return new ShowConfig(mediaDir, botsFile, appsFile, newFeedUrl, bytes);
        }

        /** Where the show keeps its files, with the shipped lists. */
        public ShowConfig(Path mediaDir) {
            this(mediaDir, null, null);
        }
    }

    /**
     * How the web server listens, guards its connections against slow and numerous clients, and trusts proxies.
     *
     * @param headerTimeout            time a request's headers may take to arrive in full, counted from the
     *                                 request's first byte; not merely the silence between two bytes
     * @param idleTimeout              longest silence on a connection (between bytes, or between two requests)
     * @param maxConnections           open connections at most; past it the oldest idle connection is closed to
     *                                 make room (lowered at start to fit under the process's open-files limit)
     * @param maxConnectionsPerAddress open connections at most from one client address; 0 means no cap
     * @param bind                     the address to listen on, an IP literal ({@code 127.0.0.1}, {@code ::1});
     *                                 empty for every address of the machine, IPv4 and IPv6
     * @param trustedProxies           peers whose {@code Forwarded}, {@code X-Forwarded-For}, {@code -Proto} and
     *                                 {@code -Host} headers are believed; from anyone else they are ignored
     * @param hstsMaxAge               the {@code max-age} of {@code Strict-Transport-Security} on HTTPS requests;
     *                                 zero sends none
     * @param accessLog                where a line per request goes: {@code off}, {@code stdout}, or a file path
     */
    public record ServerConfig(
            Duration headerTimeout,
            Duration idleTimeout,
            int maxConnections,
            int maxConnectionsPerAddress,
            String bind,
            List<Cidr> trustedProxies,
            Duration hstsMaxAge,
            String accessLog) {
        /** The access log setting that logs nothing. */
        public static final String ACCESS_LOG_OFF = "off";
        /** The access log setting that writes to standard output. */
        public static final String ACCESS_LOG_STDOUT = "stdout";

        /**
         * 10 s for headers, 30 s of silence, 10,000 connections, 64 from one address; every address, no proxy
         * trusted, HSTS for a year, no access log.
         */
        public static final ServerConfig DEFAULTS =
                new ServerConfig(Duration.ofSeconds(10), Duration.ofSeconds(30), 10_000, 64);

        public ServerConfig {
            bind = bind == null ? "" : bind;
            trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
            hstsMaxAge = hstsMaxAge == null ? Duration.ofDays(365) : hstsMaxAge;
            accessLog = accessLog == null || accessLog.isBlank() ? ACCESS_LOG_OFF : accessLog;
        }

        /** The guards alone, with the defaults for listening, proxies, HSTS and the access log. */
        public ServerConfig(
                Duration headerTimeout, Duration idleTimeout, int maxConnections, int maxConnectionsPerAddress) {
            this(headerTimeout, idleTimeout, maxConnections, maxConnectionsPerAddress, "", List.of(), null, null);
        }

        /** Returns a copy that listens on {@code address} and believes forwarding headers from {@code proxies}. */
        public ServerConfig withProxies(String address, List<Cidr> proxies) {
            return new ServerConfig(
                    headerTimeout,
                    idleTimeout,
                    maxConnections,
                    maxConnectionsPerAddress,
                    address,
                    proxies,
                    hstsMaxAge,
                    accessLog);
        }

        /** Returns a copy that logs each request to {@code where} ({@code off}, {@code stdout} or a file). */
        public ServerConfig withAccessLog(String where) {
            return new ServerConfig(
                    headerTimeout,
                    idleTimeout,
                    maxConnections,
                    maxConnectionsPerAddress,
                    bind,
                    trustedProxies,
                    hstsMaxAge,
                    where);
        }
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

    /**
     * How mail is sent: an SMTP server, or none ({@link #OFF}), in which case password reset, address verification,
     * invitation mail and notification mail are off and the pages say so.
     *
     * @param host     the SMTP server; empty when mail is off ({@code mail.host})
     * @param port     its port ({@code mail.port})
     * @param tls      how the connection is protected ({@code mail.tls})
     * @param user     the SMTP login; empty for none ({@code mail.user})
     * @param password its password ({@code mail.password}); never printed
     * @param from     the sender address of every mail ({@code mail.from})
     * @param queue    mails that may wait to be sent; beyond them a mail is dropped and logged ({@code mail.queue})
     * @param timeout  how long connecting to and talking with the server may take ({@code mail.timeout})
     */
    public record MailConfig(
            String host,
            int port,
            MailTls tls,
            String user,
            String password,
            String from,
            int queue,
            Duration timeout) {
        /** No mail. */
        public static final MailConfig OFF =
                new MailConfig("", 587, MailTls.STARTTLS, "", "", "", 1000, Duration.ofSeconds(30));

        public MailConfig {
            host = host == null ? "" : host;
            user = user == null ? "" : user;
            password = password == null ? "" : password;
            from = from == null ? "" : from;
            if (queue < 1 || timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("mail.queue = " + queue + " and mail.timeout = " + timeout
                        + " are out of range; use a queue of at least 1 and a positive timeout");
            }
        }

        /** Whether mail is configured. */
        public boolean enabled() {
            return !host.isEmpty();
        }

        @Override
        public String toString() { // never print the password
            return enabled()
                    ? "MailConfig[" + tls.name().toLowerCase(java.util.Locale.ROOT) + "://"
                            + (user.isEmpty() ? "" : user + ":***@") + host + ":" + port + ", from=" + from
                            + ", queue=" + queue + "]"
                    : "MailConfig[off]";
        }
    }

    /** How the SMTP connection is protected ({@code mail.tls}). */
    public enum MailTls {
        /** Plain SMTP; only for a server on the same machine or a test. */
        NONE,
        /** Plain SMTP upgraded with STARTTLS, which must succeed (usually port 587). */
        STARTTLS,
        /** TLS from the first byte, "SMTPS" (usually port 465). */
        TLS
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
     * @param leaseMargin      how long past {@code totalTimeout} a node's claim on a due feed holds
     *                         ({@code fetch.lease_margin}): the feeds of a node that died are fetched by the others
     *                         after {@link #lease()} plus one scheduler tick
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
            Duration backoffCeiling,
            Duration leaseMargin) {
        /** How long a node's claim on a due feed holds: the longest fetch, and the margin to store its outcome. */
        public Duration lease() {
            return totalTimeout.plus(leaseMargin);
        }

        /** A copy with a different longest fetch (the lease follows it). */
        public FetchConfig withTotalTimeout(Duration newTotal) {
            return new FetchConfig(
                    connectTimeout,
                    readTimeout,
                    newTotal,
                    maxBodyBytes,
                    maxRedirects,
                    perHostLimit,
                    concurrency,
                    allowLoopback,
                    allowPrivate,
                    minInterval,
                    maxInterval,
                    backoffCeiling,
                    leaseMargin);
        }
    }

    /** The User-Agent sent with every fetch: names Callisto and the site, as polite crawlers do. */
    public String userAgent() {
        return "Callisto/" + Version.VERSION + " (+" + siteUrl + ")";
    }

    /** Returns a copy with a different port. */
    public Config withPort(int newPort) {
        return toBuilder().port(newPort).build();
    }

    /** Returns a copy with different fetch settings. */
    public Config withFetch(FetchConfig newFetch) {
        return toBuilder().fetch(newFetch).build();
    }

    /** Returns a copy with different server settings. */
    public Config withServer(ServerConfig newServer) {
        return toBuilder().server(newServer).build();
    }

    /** Returns a copy with different metrics settings. */
    public Config withMetrics(MetricsConfig newMetrics) {
        return toBuilder().metrics(newMetrics).build();
    }

    /** Returns a copy with different mail settings. */
    public Config withMail(MailConfig newMail) {
        return toBuilder().mail(newMail).build();
    }

    /** Returns a copy with different WebSub settings. */
    public Config withWebSub(WebSubConfig newWebSub) {
        return toBuilder().websub(newWebSub).build();
    }

    /**
     * WebSub, both ways ({@code websub.*}): subscribing to the hubs that planet feeds name, and the site's own hub at
     * {@code /websub/hub} for its output feeds.
     *
     * @param enabled            whether WebSub is on at all ({@code websub.enabled}); off, no feed names a hub and
     *                           nothing subscribes
     * @param hub                whether the site runs its own hub and its feeds advertise it ({@code websub.hub})
     * @param lease              the lease asked of hubs, and granted by ours when a subscriber asks none
     *                           ({@code websub.lease})
     * @param maxLease           the longest lease our hub grants ({@code websub.max_lease})
     * @param pollIntervalFactor how many times longer a feed whose updates are pushed waits between polls
     *                           ({@code websub.poll_interval_factor})
     * @param retries            further attempts to deliver a notification after a failed one ({@code websub.retries})
     * @param retryDelay         the wait before the first retry, doubled for each next one ({@code websub.retry_delay})
     * @param concurrency        notifications and verifications sent at once ({@code websub.concurrency})
     * @param checkInterval      how often leases due for renewal and changed topics are looked for
     *                           ({@code websub.check_interval})
     */
    public record WebSubConfig(
            boolean enabled,
            boolean hub,
            Duration lease,
            Duration maxLease,
            double pollIntervalFactor,
            int retries,
            Duration retryDelay,
            int concurrency,
            Duration checkInterval) {
        /** WebSub off; the values the keys default to. */
        public static final WebSubConfig DEFAULTS = new WebSubConfig(
                false,
                true,
                Duration.ofDays(10),
                Duration.ofDays(30),
                4,
                5,
                Duration.ofSeconds(30),
                8,
                Duration.ofSeconds(10));

        /** Whether planet feeds that name a hub are subscribed to. */
        public boolean subscribes() {
            return enabled;
        }

        /** Whether the site's own hub runs and its feeds advertise it. */
        public boolean runsHub() {
            return enabled && hub;
        }
    }

    /** A builder holding this configuration's values, to change a few of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A configuration under construction: starts from an existing one and changes what its setters are given.
     *
     * <p>Not thread-safe; use it in one thread and keep the {@link Config} it builds.
     */
    public static final class Builder {
        private String siteTitle;
        private URI siteUrl;
        private int port;
        private Path dataDir;
        private String databaseUrl;
        private String databaseUser;
        private String databasePassword;
        private FetchConfig fetch;
        private JournalConfig journal;
        private ShowConfig show;
        private ServerConfig server;
        private MetricsConfig metrics;
        private MailConfig mail;
        private String siteLogo;
        private WebSubConfig websub;
        private PoolConfig pool;

        private Builder(Config c) {
            siteTitle = c.siteTitle;
            siteUrl = c.siteUrl;
            port = c.port;
            dataDir = c.dataDir;
            databaseUrl = c.databaseUrl;
            databaseUser = c.databaseUser;
            databasePassword = c.databasePassword;
            fetch = c.fetch;
            journal = c.journal;
            show = c.show;
            server = c.server;
            metrics = c.metrics;
            mail = c.mail;
            siteLogo = c.siteLogo;
            websub = c.websub;
            pool = c.pool;
        }

        /** Sets {@link Config#siteTitle()}. */
        public Builder siteTitle(String value) {
            siteTitle = value;
            return this;
        }

        /** Sets {@link Config#siteUrl()}. */
        public Builder siteUrl(URI value) {
            siteUrl = value;
            return this;
        }

        /** Sets {@link Config#port()}. */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /** Sets {@link Config#dataDir()}. */
        public Builder dataDir(Path value) {
            dataDir = value;
            return this;
        }

        /** Sets {@link Config#databaseUrl()}. */
        public Builder databaseUrl(String value) {
            databaseUrl = value;
            return this;
        }

        /** Sets {@link Config#databaseUser()}. */
        public Builder databaseUser(String value) {
            databaseUser = value;
            return this;
        }

        /** Sets {@link Config#databasePassword()}. */
        public Builder databasePassword(String value) {
            databasePassword = value;
            return this;
        }

        /** Sets {@link Config#fetch()}. */
        public Builder fetch(FetchConfig value) {
            fetch = value;
            return this;
        }

        /** Sets {@link Config#journal()}. */
        public Builder journal(JournalConfig value) {
            journal = value;
            return this;
        }

        /** Sets {@link Config#show()}. */
        public Builder show(ShowConfig value) {
            show = value;
            return this;
        }

        /** Sets {@link Config#server()}. */
        public Builder server(ServerConfig value) {
            server = value;
            return this;
        }

        /** Sets {@link Config#metrics()}. */
        public Builder metrics(MetricsConfig value) {
            metrics = value;
            return this;
        }

        /** Sets {@link Config#mail()}. */
        public Builder mail(MailConfig value) {
            mail = value;
            return this;
        }

        /** Sets {@link Config#siteLogo()}. */
        public Builder siteLogo(String value) {
            siteLogo = value;
            return this;
        }

        /** Sets {@link Config#websub()}. */
        public Builder websub(WebSubConfig value) {
            websub = value;
            return this;
        }

        /** Sets {@link Config#pool()}. */
        public Builder pool(PoolConfig value) {
            pool = value;
            return this;
        }

        /** The configuration, with the defaults of the record's constructor for the groups left null. */
        public Config build() {
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
                    metrics,
                    mail,
                    siteLogo,
                    websub,
                    pool);
        }
    }
}
