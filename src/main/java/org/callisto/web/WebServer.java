package org.callisto.web;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import org.callisto.account.AccountRefusal;
import org.callisto.account.Accounts;
import org.callisto.account.SessionCookie;
import org.callisto.config.Config;
import org.callisto.journal.AccountModeration;
import org.callisto.journal.CommentStore;
import org.callisto.show.FeedbackStore;
import org.callisto.show.ListenerFeedback;
import org.callisto.journal.Comments;
import org.callisto.journal.JournalRefusal;
import org.callisto.journal.JournalStore;
import org.callisto.journal.Submissions;
import org.callisto.planet.Category;
import org.callisto.planet.PlanetStore;
import org.callisto.show.Curation;
import org.callisto.show.EpisodeEditor;
import org.callisto.show.DownloadFlusher;
import org.callisto.show.ShowStores;
import org.callisto.show.media.DownloadCounter;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The planet's web server: pages, output feeds and the stylesheet, on Javalin (Jetty) with virtual threads.
 *
 * <p>Every page and feed goes through the {@link PageCache}: validators on every response, 304s for clients that
 * have the current version, and rendered bodies (plain and gzipped) kept in memory until the planet changes. Every
 * response carries security headers; the Content-Security-Policy forbids scripts, so pages work without JavaScript
 * and aggregated HTML cannot run any.
 *
 * <p>Routes: {@code /}, {@code /category/{slug}}, {@code /feeds/{id}}, {@code /entries/{id}}, {@code /archive},
 * {@code /archive/{yyyy}/{mm}}, {@code /archive/{yyyy}/{mm}/{dd}}, {@code /subscriptions}, the feeds
 * {@code /atom.xml}, {@code /rss.xml}, {@code /category/{slug}/atom.xml|rss.xml}, {@code /feeds/{id}/atom.xml|rss.xml},
 * and {@code /static/callisto.css}.
 *
 * <p>The journal and accounts: {@code /journal}, {@code /stories/{id}}, {@code /journal/atom.xml|rss.xml},
 * {@code /submit}, {@code /editor/queue}, comments and their moderation ({@link CommentPages},
 * {@code /moderation}), {@code /login}, {@code /logout}, {@code /register}, {@code /account},
 * {@code /account/password}, and the administrators' pages under {@code /admin} ({@link AdminPages}). A
 * {@code before} handler finds the session of the {@code callisto_session} cookie ({@link WebSessions}); every POST
 * checks its form's CSRF token. Pages for a logged-in person are rendered afresh and sent
 * {@code Cache-Control: private, no-store}; only anonymous pages go through the cache. The journal's reading pages
 * ({@code /journal}, its feeds, {@code /stories/{id}}, {@code /stories/{id}/comments.atom}, {@code /moderation})
 * have a {@link PageCache} of their own, whose version is the journal's last change.
 *
 * <p>The show ({@link ShowPages}): {@code /episodes}, {@code /episodes/{number}}, the podcast feeds
 * {@code /show/feeds/NAME.xml}, {@code /show/{number}/chapters.json}, and media files and torrents from the media
 * directory at {@code /media/PATH} (GET and HEAD, with ranges).
 *
 * <p>Listener feedback ({@link FeedbackPages}): the public form {@code /feedback} and the editors' queue
 * {@code /editor/feedback}. Episode editing and curation ({@link EpisodeEditorPages}): {@code /editor/episodes} and
 * {@code /editor/episodes/{number}}.
 * directory at {@code /media/PATH} (GET and HEAD, with ranges), transcripts among them. The show's pages, feeds and
 * chapters go through a second {@link PageCache} versioned by {@link ShowStores#changes()}; its download counts
 * are written to the database every {@link #DOWNLOAD_FLUSH} and at {@link #close()}.
 */
public final class WebServer implements AutoCloseable {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src * data:; media-src *;"
            + " frame-src https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com;"
            + " script-src 'none'; style-src 'self'";
    private static final String STYLESHEET = "/static/callisto.css";
    /**
     * The listen backlog. Jetty's default (0) leaves it to the JDK, which asks for 50: when a thousand readers
     * connect at once the kernel drops the SYNs that do not fit, and those clients wait a second or more for a
     * retransmission before their first byte. nginx asks for 511; this asks for 1024 (Linux caps it at
     * {@code net.core.somaxconn}). See docs/benchmarks.md.
     */
    static final int ACCEPT_QUEUE = 1024;

    /** How often the show's download counts are written to the database (and once more at close). */
    static final Duration DOWNLOAD_FLUSH = Duration.ofSeconds(10);

    private final Javalin app;
    private final DownloadFlusher downloadFlusher;

    private WebServer(Javalin app, DownloadFlusher downloadFlusher) {
        this.app = app;
        this.downloadFlusher = downloadFlusher;
    }

    /** Starts serving on {@code config.port()} (0 picks a free port, see {@link #port()}). */
    public static WebServer start(Config config, PlanetStore store) {
        return start(config, store, Duration.ofSeconds(1), routes -> { });
    }

    /**
     * Starts serving with extra routes (the demo adds its sample blogs' feeds this way).
     */
    public static WebServer start(Config config, PlanetStore store, Consumer<RoutesConfig> extraRoutes) {
        return start(config, store, Duration.ofSeconds(1), extraRoutes);
    }

    static WebServer start(Config config, PlanetStore store, Duration changeCheck) {
        return start(config, store, changeCheck, routes -> { });
    }

    /**
     * Starts serving, noticing planet changes within {@code changeCheck}.
     */
    private static WebServer start(Config config, PlanetStore store, Duration changeCheck,
                                   Consumer<RoutesConfig> extraRoutes) {
        Site site = new Site(config, store);
        PageCache cache = new PageCache(store::lastChange, changeCheck, 20_000);
        RiverPages river = new RiverPages(site);
        FeedPages feeds = new FeedPages(site);
        EntryPages entries = new EntryPages(site);
        ArchivePages archive = new ArchivePages(site);
        SubscriptionPages subscriptions = new SubscriptionPages(site);
        FeedOutputs outputs = new FeedOutputs(site, river, feeds);
        ErrorPages errors = new ErrorPages(site);
        Accounts accounts = Accounts.of(store.database(), config, Clock.systemUTC());
        WebSessions sessions = new WebSessions(accounts, new SessionCookie(config.siteUrl()),
                "https".equalsIgnoreCase(config.siteUrl().getScheme()));
        Submissions submissions = new Submissions(new JournalStore(store.database(), Clock.systemUTC()), accounts,
                config.siteUrl().toString(), () -> store.categories().stream().map(Category::name).toList(),
                Clock.systemUTC());
        Comments comments = new Comments(new CommentStore(store.database(), Clock.systemUTC()), submissions.store(),
                accounts, config.siteUrl().toString(), Clock.systemUTC());
        PageCache journalCache = new PageCache(() -> journalChange(store, submissions.store()), changeCheck, 5_000);
        JournalPages journal = new JournalPages(site, sessions, submissions, comments);
        CommentPages commentPages = new CommentPages(site, sessions, comments, journal);
        AccountPages accountPages = new AccountPages(site, sessions, submissions, journal);
        PasswordPages passwordPages = new PasswordPages(site, sessions);
        AdminPages admin = new AdminPages(site, sessions, store, new AccountModeration(accounts, comments.store(),
                Clock.systemUTC()));
        ListenerFeedback listenerFeedback = new ListenerFeedback(new FeedbackStore(store.database()),
                Clock.systemUTC());
        FeedbackPages feedbackPages = new FeedbackPages(site, sessions, listenerFeedback);
        ShowStores showStores = ShowStores.of(store.database(), Clock.systemUTC());
        EpisodeEditor episodeEditor = new EpisodeEditor(showStores);
        EpisodeEditorPages episodeEditorPages = new EpisodeEditorPages(site, sessions, episodeEditor,
                new Curation(episodeEditor, store, submissions.store(), listenerFeedback.store(),
                        config.siteUrl().toString(), Clock.systemUTC()), Clock.systemUTC());
        // The show's pages and feeds change with the show, not the planet: a cache of their own.
        PageCache showCache = new PageCache(showStores.changes()::lastChange, changeCheck, 2_000);
        DownloadCounter downloadCounter = new DownloadCounter(Clock.systemUTC());
        ShowPages show = new ShowPages(site, showStores, config.show().mediaDir(),
                new MediaResponses(downloadCounter), Clock.systemUTC());
        DownloadFlusher downloadFlusher = DownloadFlusher.start(downloadCounter, showStores.downloads(),
                DOWNLOAD_FLUSH);
        byte[] css = resource("/web" + STYLESHEET);
        byte[] cssGzip = PageCache.CachedPage.gzip(css);
        String cssTag = PageCache.etag(STYLESHEET, java.util.Arrays.hashCode(css) & 0xffffffffL, "");

        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.concurrency.useVirtualThreads = true;
            cfg.http.compressionStrategy = CompressionStrategy.NONE; // bodies are gzipped once, when cached
            cfg.jetty.port = config.port();
            cfg.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
            });
            // Javalin's own connector, with a listen backlog that holds a burst of connections (see ACCEPT_QUEUE).
            cfg.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setPort(config.port());
                connector.setAcceptQueueSize(ACCEPT_QUEUE);
                return connector;
            });
            RoutesConfig r = cfg.routes;
            r.before(WebServer::securityHeaders);
            r.before(sessions::load);
            r.get("/", page(cache, river::river));
            r.get("/category/{slug}", page(cache, river::category));
            r.get("/feeds/{id}", page(cache, feeds::feed));
            r.get("/entries/{id}", page(cache, entries::entry));
            r.get("/archive", page(cache, archive::months));
            r.get("/archive/{yyyy}/{mm}", page(cache, archive::month));
            r.get("/archive/{yyyy}/{mm}/{dd}", page(cache, archive::day));
            r.get("/subscriptions", ctx -> {
                if (WebSessions.session(ctx) != null) {
                    personal(ctx, subscriptions.subscriptions(ctx));
                    return;
                }
                cache.serve(ctx, key(ctx), subscriptions.version(cache.version()),
                        Long.toString(System.currentTimeMillis() / 60_000), () -> subscriptions.subscriptions(ctx));
            });
            r.get("/login", accountPages::loginForm);
            r.post("/login", accountPages::login);
            r.get("/logout", accountPages::logoutForm);
            r.post("/logout", accountPages::logout);
            r.get("/register", accountPages::registerForm);
            r.post("/register", accountPages::register);
            r.get("/account", accountPages::account);
            r.get("/account/password", passwordPages::form);
            r.post("/account/password", passwordPages::change);
            admin.routes(r);
            r.get("/journal", page(journalCache, journal::journal));
            r.get("/journal/atom.xml", page(journalCache, journal::atom));
            r.get("/journal/rss.xml", page(journalCache, journal::rss));
            r.get("/stories/{id}", page(journalCache, journal::story));
            r.get("/stories/{id}/comments.atom", page(journalCache, commentPages::feed));
            r.post("/stories/{id}/comments", commentPages::post);
            r.post("/stories/{id}/lock", commentPages::lock);
            r.post("/stories/{id}/unlock", commentPages::unlock);
            r.post("/comments/{id}/edit", commentPages::edit);
            r.post("/comments/{id}/delete", commentPages::delete);
            r.post("/comments/{id}/hide", commentPages::hide);
            r.post("/comments/{id}/ban", commentPages::ban);
            r.get("/moderation", page(journalCache, commentPages::moderation));
            r.get("/submit", journal::submitForm);
            r.post("/submit", journal::submit);
            r.get("/editor/queue", journal::queue);
            r.post("/editor/queue", journal::decide);
            r.get("/editor/queue/{id}/edit", journal::editForm);
            r.post("/editor/queue/{id}/edit", journal::edit);
            r.get("/feedback", feedbackPages::form);
            r.post("/feedback", feedbackPages::send);
            r.get("/editor/feedback", feedbackPages::queue);
            r.post("/editor/feedback", feedbackPages::decide);
            r.get("/editor/episodes", episodeEditorPages::list);
            r.post("/editor/episodes", episodeEditorPages::create);
            r.get("/editor/episodes/{number}", episodeEditorPages::episode);
            r.post("/editor/episodes/{number}", episodeEditorPages::change);
            r.get("/episodes", page(showCache, show::archive));
            r.get("/episodes/{number}", page(showCache, show::episode));
            r.get("/show/feeds/{file}", cached(showCache, show::feed));
            r.get("/show/{number}/chapters.json", ctx -> {
                ctx.header("Access-Control-Allow-Origin", "*"); // podcast apps fetch chapters cross-origin
                cached(showCache, show::chapters).handle(ctx);
            });
            r.get("/show/{number}", show::oldEpisodeAddress);
            r.get("/editor/downloads", show::downloads);
            r.get("/media/<path>", show::media);
            r.head("/media/<path>", show::media);
            r.get("/atom.xml", cached(cache, outputs::planetAtom));
            r.get("/rss.xml", cached(cache, outputs::planetRss));
            r.get("/category/{slug}/atom.xml", cached(cache, outputs::categoryAtom));
            r.get("/category/{slug}/rss.xml", cached(cache, outputs::categoryRss));
            r.get("/feeds/{id}/atom.xml", cached(cache, outputs::feedAtom));
            r.get("/feeds/{id}/rss.xml", cached(cache, outputs::feedRss));
            r.get("/opml.xml", cached(cache, outputs::opml));
            extraRoutes.accept(r);
            r.get(STYLESHEET, ctx -> {
                ctx.header("ETag", cssTag);
                ctx.header("Cache-Control", "public, max-age=86400");
                ctx.header("Vary", "Accept-Encoding");
                if (cssTag.substring(2).equals(String.valueOf(ctx.header("If-None-Match")).replaceFirst("^W/", ""))) {
                    ctx.status(304);
                    return;
                }
                ctx.contentType("text/css; charset=utf-8");
                if (PageCache.acceptsGzip(ctx.header("Accept-Encoding"))) {
                    ctx.header("Content-Encoding", "gzip");
                    ctx.result(cssGzip);
                } else {
                    ctx.result(css);
                }
            });
            r.exception(PageException.class, (e, ctx) -> errors.page(ctx, e));
            r.exception(AccountRefusal.class, (e, ctx) -> errors.refusal(ctx, e.getMessage(), e.retryAfter()));
            r.exception(JournalRefusal.class, (e, ctx) -> errors.refusal(ctx, e.getMessage(),
                    java.util.Optional.empty()));
            r.exception(Exception.class, (e, ctx) -> errors.failure(ctx, e));
            r.error(404, errors::status);
            r.error(405, errors::status);
            r.error(413, ctx -> {
                drainUnreadBody(ctx);
                errors.status(ctx);
            });
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            downloadFlusher.close();
            throw e;
        }
        return new WebServer(app, downloadFlusher);
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        downloadFlusher.close(); // after the last download, before the caller closes the database
    }

    private static Handler cached(PageCache cache, Function<Context, Rendered> page) {
        return ctx -> cache.serve(ctx, key(ctx), () -> page.apply(ctx));
    }

    /**
     * A planet page: from the cache for anonymous readers; rendered afresh, and never stored by any cache, for a
     * logged-in member, whose name is in its header.
     */
    private static Handler page(PageCache cache, Function<Context, Rendered> page) {
        return ctx -> {
            if (WebSessions.session(ctx) != null) {
                personal(ctx, page.apply(ctx));
            } else {
                cache.serve(ctx, key(ctx), () -> page.apply(ctx));
            }
        };
    }

    /**
     * The version of the journal's pages: the journal's last change (stories, comments, locks, the moderation log,
     * publication times that have passed) or the planet's, whose categories every page lists, whichever is later.
     */
    private static java.time.Instant journalChange(PlanetStore planet, JournalStore journal) {
        java.time.Instant j = journal.lastChange(java.time.Instant.now());
        java.time.Instant p = planet.lastChange();
        return j.isAfter(p) ? j : p;
    }

    /**
     * Sends a page for one person: never stored by any cache, and written in one piece with its length, as the
     * page cache writes its pages (a result handed to Javalin goes out chunked, in 32 KB writes).
     */
    /** The most of a refused request body read and dropped so that its sender still receives the 413. */
    private static final long DRAIN_LIMIT = 32L * 1024 * 1024;

    /**
     * Reads and drops what is left of a request body that was refused as too large (at most {@link #DRAIN_LIMIT}).
     * Answering and closing while the client is still sending makes the kernel reset the connection, and the
     * client then loses the 413 and its explanation; nginx's lingering close does the same for the same reason.
     */
    private static void drainUnreadBody(Context ctx) {
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] sink = new byte[64 * 1024];
            long total = 0;
            int n;
            while (total < DRAIN_LIMIT && (n = in.read(sink)) > 0) {
                total += n;
            }
        } catch (IOException | RuntimeException e) {
            // the body was consumed or the connection is gone: nothing to drop
        }
    }

    private static void personal(Context ctx, Rendered page) {
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType(page.contentType());
        byte[] bytes = page.bytes();
        ctx.res().setContentLength(bytes.length);
        try {
            ctx.res().getOutputStream().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("client went away while sending " + ctx.path(), e);
        }
    }

    /** A page's identity: its path and page number; other query parameters do not change a page. */
    private static String key(Context ctx) {
        String page = ctx.queryParam("page");
        return page == null ? ctx.path() : ctx.path() + "?page=" + page;
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("X-Frame-Options", "DENY");
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("web: resource " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
