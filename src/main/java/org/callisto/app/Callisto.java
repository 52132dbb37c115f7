package org.callisto.app;

import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.callisto.account.Accounts;
import org.callisto.account.MailLinks;
import org.callisto.account.MemberMail;
import org.callisto.account.Membership;
import org.callisto.account.RateLimitStore;
import org.callisto.account.RateLimiter;
import org.callisto.config.Config;
import org.callisto.config.ConfigException;
import org.callisto.db.Database;
import org.callisto.db.DatabaseCheck;
import org.callisto.db.Dialect;
import org.callisto.db.WorkLeases;
import org.callisto.html.HtmlSanitizer;
import org.callisto.journal.AccountModeration;
import org.callisto.journal.CommentStore;
import org.callisto.journal.Comments;
import org.callisto.journal.JournalStore;
import org.callisto.journal.MemberNoteStore;
import org.callisto.journal.NotificationMail;
import org.callisto.journal.NotificationStore;
import org.callisto.journal.Notifications;
import org.callisto.journal.Profiles;
import org.callisto.journal.Submissions;
import org.callisto.journal.TagStore;
import org.callisto.journal.VoteStore;
import org.callisto.journal.Votes;
import org.callisto.mail.Mailer;
import org.callisto.mail.Mailers;
import org.callisto.planet.Category;
import org.callisto.planet.CategoryStore;
import org.callisto.planet.EntryFilters;
import org.callisto.planet.EntryStore;
import org.callisto.planet.FeedLeases;
import org.callisto.planet.FeedRefresher;
import org.callisto.planet.FilterStore;
import org.callisto.planet.HostSlotStore;
import org.callisto.planet.PlanetChangeTime;
import org.callisto.planet.PlanetStatistics;
import org.callisto.planet.RefreshMetrics;
import org.callisto.planet.RefreshRound;
import org.callisto.planet.RefreshScheduler;
import org.callisto.planet.SubscriptionStore;
import org.callisto.planet.fetch.FeedFetcher;
import org.callisto.planet.fetch.FetchSchedule;
import org.callisto.planet.parse.FeedParser;
import org.callisto.search.SearchBackfill;
import org.callisto.search.SearchService;
import org.callisto.show.Curation;
import org.callisto.show.DownloadFlusher;
import org.callisto.show.EpisodeEditor;
import org.callisto.show.EpisodePublishing;
import org.callisto.show.EpisodePublishingStore;
import org.callisto.show.EpisodeUploads;
import org.callisto.show.FeedbackStore;
import org.callisto.show.ListenerFeedback;
import org.callisto.show.MarkdownImport;
import org.callisto.show.Renditions;
import org.callisto.show.ShowStores;
import org.callisto.show.Transcripts;
import org.callisto.show.media.DownloadCounter;
import org.callisto.show.media.MediaException;
import org.callisto.show.media.UserAgentRules;
import org.callisto.web.SiteServices;
import org.callisto.web.WebServer;
import org.callisto.websub.WebSub;

/**
 * The composition root: built once from one {@link Config} and one {@link Clock}, it opens the database and makes
 * every store and service of the planet, the accounts, the journal and the show. {@code serve}, {@code demo} and
 * every command take what they need from it; nothing else constructs a service.
 *
 * <p>What holds threads or sockets is made on first use and then owned here: the feed fetcher (an HTTP client),
 * the refresh scheduler, the download flusher and the web server; the mailer is made at once. {@link #close()}
 * stops them in the order that loses nothing (scheduler, web server, the last flush of download counts, fetcher,
 * then the mailer with what it has queued) and closes the database last.
 *
 * <p>Thread-safe once built.
 */
public final class Callisto implements AutoCloseable {
    /** How often the scheduler looks for due feeds. */
    static final Duration SCHEDULER_TICK = Duration.ofSeconds(30);

    private FeedLeases leases;
    /** How often the show's download counts are written to the database (and once more at close). */
    static final Duration DOWNLOAD_FLUSH = Duration.ofSeconds(10);

    private final Config config;
    private final Clock clock;
    private final Database database;
    private final SubscriptionStore subscriptions;
    private final CategoryStore categories;
    private final EntryStore entries;
    private final PlanetStatistics statistics;
    private final PlanetChangeTime planetChanges;
    private final FilterStore filterStore;
    private final EntryFilters entryFilters;
    private final Accounts accounts;
    private final Mailer mailer;
    private final Membership membership;
    private final Submissions submissions;
    private final Comments comments;
    private final Notifications notifications;
    private final Votes votes;
    private final Profiles profiles;
    private final AccountModeration moderation;
    private final ShowStores show;
    private final ListenerFeedback feedback;
    private final EpisodeEditor episodeEditor;
    private final Curation curation;
    private final DownloadCounter downloads;
    private final MeterRegistries meters;
    /** What {@link #close()} stops, in the order started; stopped last first. */
    private final List<AutoCloseable> started = new ArrayList<>();

    private final SearchService search;
    /** This process's name among the nodes sharing the database (leases, slots, clean-up). */
    private final String node = NodeName.of();
    /** The rate limits and login backoff, in the database so that every node counts against the same figures. */
    private final RateLimitStore rateLimits;

    private FeedFetcher fetcher;
    private RefreshRound round;
    private FeedRefresher refresher;
    private WebSub websub;

    private Callisto(Config config, Database database, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        meters = MeterRegistries.of(config.metrics());
        database.bindMetrics(meters.registry());
        String siteUrl = config.siteUrl().toString();
        subscriptions = new SubscriptionStore(database, clock);
        categories = new CategoryStore(database);
        entries = new EntryStore(database, clock);
        statistics = new PlanetStatistics(database);
        search = new SearchService(database, clock);
        planetChanges = new PlanetChangeTime(database);
        filterStore = new FilterStore(database, clock);
        entryFilters = new EntryFilters(filterStore, clock);
        rateLimits = new RateLimitStore(database);
        accounts = Accounts.of(database, rateLimits, config, clock);
        mailer = Mailers.of(config.mail(), clock);
        membership = Membership.of(database, accounts, config, mailer, clock);
        JournalStore stories = new JournalStore(database, clock);
        CommentStore commentStore = new CommentStore(database, clock);
        // notification mail goes through the member's own mail settings (verified address, notifications on)
        MemberMail memberMail = membership.mail();
        MailLinks mailLinks = membership.links();
        NotificationMail notificationMail = n -> memberMail.notify(
                n.userId(),
                "[" + config.siteTitle() + "] " + n.summary(),
                n.summary() + "\n\n" + mailLinks.site().resolve(n.path().substring(1)));
        notifications = new Notifications(
                new NotificationStore(database), commentStore, accounts.store(), notificationMail, clock);
        submissions = new Submissions(
                stories,
                new TagStore(database, clock),
                notifications,
                accounts,
                siteUrl,
                () -> categories.categories().stream().map(Category::name).toList(),
                clock);
        comments = new Comments(commentStore, stories, accounts, notifications, siteUrl, clock);
        VoteStore voteStore = new VoteStore(database, clock);
        votes = new Votes(voteStore, stories, commentStore, config.journal().flagThreshold(), clock);
        profiles =
                new Profiles(accounts.store(), stories, commentStore, voteStore, new MemberNoteStore(database), clock);
        moderation = new AccountModeration(accounts, comments.store(), clock);
        show = ShowStores.of(database, clock);
        downloads = new DownloadCounter(
                clock,
                show.downloadKeys(),
                userAgents(config.show().botsFile(), UserAgentRules.shippedBots()),
                userAgents(config.show().appsFile(), UserAgentRules.shippedApps()));
        meters.registry().gauge("callisto.downloads.listeners", downloads, DownloadCounter::listeners);
        meters.registry().more().counter("callisto.downloads.counted", List.of(), downloads, DownloadCounter::counted);
        meters.registry()
                .more()
                .counter("callisto.downloads.bot.requests", List.of(), downloads, DownloadCounter::botRequests);
        feedback = new ListenerFeedback(new FeedbackStore(database), RateLimiter.shared(clock, rateLimits), clock);
        episodeEditor = new EpisodeEditor(show);
        curation = new Curation(episodeEditor, entries, submissions.store(), feedback.store(), siteUrl, clock);
    }

    /** The user-agent list in {@code file}, or {@code shipped} when the configuration names none. */
    private static UserAgentRules userAgents(java.nio.file.Path file, UserAgentRules shipped) {
        if (file == null) {
            return shipped;
        }
        try {
            return UserAgentRules.read(file);
        } catch (MediaException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** Opens the configured database (migrating it) on the system clock and builds every service. */
    public static Callisto open(Config config) {
        Clock clock = Clock.systemUTC();
        return open(config, Database.open(config, clock), clock);
    }

    /**
     * Builds every service on an open database, which the returned root then owns and closes; tests pass a
     * database of their own and a clock they control.
     */
    public static Callisto open(Config config, Database database, Clock clock) {
        SearchBackfill.run(database);
        return new Callisto(config, database, clock);
    }

    /**
     * A feed fetcher of its own, for a command that fetches without a database ({@code parse}): the planet's
     * fetcher with all its guards, limits and timeouts, on the system clock. The caller closes it.
     */
    public static FeedFetcher standaloneFetcher(Config config) {
        return new FeedFetcher(config, Clock.systemUTC());
    }

    public Config config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    /** The one meter registry: everything that records metrics records them here. */
    public MeterRegistry meters() {
        return meters.registry();
    }

    // ---- the planet

    /** The planet's feeds and their fetch state. */
    public SubscriptionStore subscriptions() {
        return subscriptions;
    }

    public CategoryStore categories() {
        return categories;
    }

    public EntryStore entries() {
        return entries;
    }

    /** The filter rules and the entries they dropped. */
    public FilterStore filterStore() {
        return filterStore;
    }

    /** The filter rules as the refresh applies them; {@link EntryFilters#changed()} after changing a rule. */
    public EntryFilters entryFilters() {
        return entryFilters;
    }

    /** Figures about the planet: counts per period, entries per week, the last fetch. */
    public PlanetStatistics statistics() {
        return statistics;
    }

    /** One refresh round's runner: fetcher, parser, sanitizer and refresher, made on first use. */
    public synchronized RefreshRound round() {
        if (round == null) {
            // On PostgreSQL several nodes may fetch for one planet: fetch.per_host then holds for all of them
            fetcher = database.dialect() == Dialect.POSTGRES
                    ? new FeedFetcher(
                            config, clock, new HostSlotStore(database, clock, leases().node(), leases().lease()))
                    : new FeedFetcher(config, clock);
            started.add(fetcher);
            refresher = new FeedRefresher(
                    subscriptions,
                    entries,
                    fetcher,
                    new FeedParser(),
                    HtmlSanitizer.aggregated(),
                    new FetchSchedule(config.fetch(), clock),
                    clock,
                    websub().pushes(),
                    entryFilters);
            round = new RefreshRound(
                    refresher, config.fetch().concurrency(), new RefreshMetrics(meters.registry(), subscriptions));
        }
        return round;
    }

    /**
     * WebSub, both ways: the subscriber (told by the refresh pipeline which hubs feeds name; pushed documents go
     * through the same pipeline) and the site's hub; {@link WebSub#off()} unless {@code websub.enabled}. Made on first
     * use; its timer and client stop at {@link #close()}.
     */
    public synchronized WebSub websub() {
        if (websub == null) {
            websub = WebSub.start(
                    config,
                    clock,
                    database,
                    subscriptions,
                    (feed, body, type) -> refresher().acceptPushed(feed, body, type));
            started.add(websub);
        }
        return websub;
    }

    private synchronized FeedRefresher refresher() {
        round();
        return refresher;
    }

    /**
     * This process's leases on due feeds: a claim holds for the longest fetch ({@code fetch.total_timeout}) plus the
     * margin to store it ({@code fetch.lease_margin}, two minutes by default).
     */
    public synchronized FeedLeases leases() {
        if (leases == null) {
            leases = new FeedLeases(
                    database, subscriptions, clock, node, config.fetch().lease());
        }
        return leases;
    }

    /** Starts refreshing due feeds on their schedules until {@link #close()}. */
    public synchronized RefreshScheduler startScheduler() {
        return startScheduler(s -> {});
    }

    /** As {@link #startScheduler()}, telling {@code afterRound} of each round (quickly: it runs on the loop). */
    public synchronized RefreshScheduler startScheduler(
            java.util.function.Consumer<org.callisto.planet.RefreshRound.Summary> afterRound) {
        RefreshScheduler scheduler = new RefreshScheduler(leases(), round(), SCHEDULER_TICK, afterRound).start();
        started.add(scheduler);
        return scheduler;
    }

    // ---- accounts and the journal

    public Accounts accounts() {
        return accounts;
    }

    /** Invitations, registration that logs in, members' addresses, notification mail and password reset. */
    public Membership membership() {
        return membership;
    }

    /**
     * The one mailer: SMTP with a bounded queue when {@code mail.host} is set, else one that sends nothing. For
     * notification mail to members use {@link Membership#mail()}'s {@code notify}, which adds the unsubscribe link.
     */
    public Mailer mailer() {
        return mailer;
    }

    public Submissions submissions() {
        return submissions;
    }

    public Notifications notifications() {
        return notifications;
    }

    public Votes votes() {
        return votes;
    }

    public Comments comments() {
        return comments;
    }

    // ---- the show

    /** The show's stores: settings, episodes, notes, guests, transcripts, renditions, download counts. */
    public ShowStores show() {
        return show;
    }

    public ListenerFeedback feedback() {
        return feedback;
    }

    public EpisodeEditor episodeEditor() {
        return episodeEditor;
    }

    public Curation curation() {
        return curation;
    }

    /** Adds media files to episodes, from the configured media directory. */
    public Renditions renditions() {
        return new Renditions(show.episodes(), show.renditions(), config.show().mediaDir(), config.siteUrl(), clock);
    }

    /** Adds transcripts to episodes, from the configured media directory. */
    public Transcripts transcripts() {
        return new Transcripts(
                show.episodes(), show.transcripts(), config.show().mediaDir());
    }

    /** Publishing the show from the browser: episodes' publication and the files editors upload for them. */
    public SiteServices.Publishing publishing() {
        EpisodePublishingStore extras = new EpisodePublishingStore(database, clock);
        return new SiteServices.Publishing(
                new EpisodePublishing(show.episodes(), extras, submissions, comments.store(), config.siteUrl(), clock),
                new EpisodeUploads(
                        show.episodes(),
                        renditions(),
                        transcripts(),
                        extras,
                        config.show().mediaDir(),
                        config.show().uploadMaxBytes()));
    }

    /** Imports past episodes' show notes kept as Markdown. */
    public MarkdownImport markdownImport() {
        return new MarkdownImport(show.imports(), feedback.store(), clock);
    }

    // ---- the site

    /**
     * Starts the web server on {@code config.port()}, with the download flusher it feeds; both stop at
     * {@link #close()}.
     *
     * @param extraRoutes routes added to the site's own (the demo serves its sample blogs this way)
     */
    public WebServer startWeb(Consumer<RoutesConfig> extraRoutes) {
        return startWeb(WebServer.CHANGE_CHECK, extraRoutes);
    }

    /** {@link #startWeb(Consumer)} with page caches that notice a change within {@code changeCheck}. */
    public synchronized WebServer startWeb(Duration changeCheck, Consumer<RoutesConfig> extraRoutes) {
        DownloadFlusher flusher = DownloadFlusher.start(downloads, show, clock, DOWNLOAD_FLUSH);
        started.add(flusher);
        started.add(CleanUps.start(new WorkLeases(database, clock, node), accounts.store(), rateLimits, clock));
        WebServer web = WebServer.start(config, siteServices(), changeCheck, extraRoutes);
        started.add(web);
        websub().serveTopicsFrom(new LoopbackTopics(config.server().bind(), web.port()));
        return web;
    }

    /** The rate limits and login backoff shared by every node on the database. */
    public RateLimitStore rateLimits() {
        return rateLimits;
    }

    /** The clean-up of expired sessions and rate limits, unscheduled, for tests that run it by hand. */
    CleanUps cleanUps() {
        return CleanUps.unscheduled(new WorkLeases(database, clock, node), accounts.store(), rateLimits, clock);
    }

    /** The search over the planet, the journal and the show. */
    public SearchService search() {
        return search;
    }

    /** The services the web layer serves. */
    public SiteServices siteServices() {
        return new SiteServices(
                clock,
                subscriptions,
                categories,
                entries,
                statistics,
                planetChanges,
                entryFilters,
                accounts,
                membership,
                submissions,
                comments,
                new SiteServices.Community(notifications, votes, profiles),
                moderation,
                feedback,
                show,
                episodeEditor,
                curation,
                downloads,
                new DatabaseCheck(database),
                search,
                meters.registry(),
                meters::scrape,
                websub(),
                publishing());
    }

    /**
     * Stops what was started, last started first (so the web server stops before the last flush of its download
     * counts, and the scheduler before the fetcher it uses), then closes the database.
     */
    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        for (AutoCloseable c : started.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException(
                            "app: cannot stop " + c.getClass().getSimpleName() + ": " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        started.clear();
        try {
            mailer.close(); // sends what is queued, for at most mail.timeout
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = new IllegalStateException("app: cannot stop the mailer: " + e.getMessage(), e);
            } else {
                failure.addSuppressed(e);
            }
        }
        try {
            meters.close(); // the last push to Graphite, while the database still answers the gauges
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = new IllegalStateException("app: cannot stop the metrics: " + e.getMessage(), e);
            } else {
                failure.addSuppressed(e);
            }
        }
        database.close();
        if (failure != null) {
            throw failure;
        }
    }
}
