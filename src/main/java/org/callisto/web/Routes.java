package org.callisto.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.MethodNotAllowedResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.callisto.account.AccountRefusal;
import org.callisto.account.SessionCookie;
import org.callisto.config.Config;
import org.callisto.journal.JournalRefusal;

/**
 * The routing table: every path the site answers, in one list, each with the handler that answers it and whether
 * its page is shared (served from a {@link PageCache}) or personal. To add a page, add a handler method to the
 * {@code *Pages} class of its capability and one line here.
 *
 * <p>Three page caches, each versioned by the last change of what its pages show: the planet's ({@code /},
 * archives, output feeds), the journal's ({@code /journal}, stories, comment feeds, {@code /moderation}; also moved
 * by a planet change, since every page lists the categories) and the show's ({@code /episodes}, podcast feeds,
 * chapters). Anonymous readers get cached pages; a logged-in member gets every page rendered afresh and never stored
 * ({@link Responses#personal}).
 *
 * <p>Built once per server; thread-safe.
 */
final class Routes {
    private final Site site;
    private final PageCache planetCache;
    private final PageCache journalCache;
    private final PageCache showCache;
    private final ReadyPages ready;
    private final WebSessions sessions;
    private final RiverPages river;
    private final FeedPages feeds;
    private final EntryPages entries;
    private final ArchivePages archive;
    private final SubscriptionPages subscriptions;
    private final FeedOutputs outputs;
    private final ErrorPages errors;
    private final JournalPages journal;
    private final CommentPages comments;
    private final CommunityPages community;
    private final AccountPages accounts;
    private final PasswordPages passwords;
    private final MemberMailPages memberMail;
    private final InvitationPages invitations;
    private final ResetPages resets;
    private final AdminPages admin;
    private final FilterPages filters;
    private final FeedbackPages feedback;
    private final EpisodeEditorPages episodeEditor;
    private final EpisodePublishingPages publishingPages;
    private final ShowPages show;
    private final Stylesheet stylesheet = new Stylesheet();
    private final HealthPages health;
    private final HttpMetrics httpMetrics;
    private final MetricsPage metrics;
    private final SiteServices services;
    private final SearchPages search;
    private final HubLinks hubLinks;
    private final WebSubPages websub;

    /** Builds the pages around {@code services}; the page caches notice a change within {@code changeCheck}. */
    Routes(Config config, SiteServices services, Duration changeCheck) {
        this.services = services;
        site = new Site(
                config,
                services.subscriptions(),
                services.categories(),
                services.entries(),
                services.statistics(),
                services.planetChanges(),
                services.clock());
        ready = new ReadyPages(services.meters());
        planetCache = new PageCache(
                services.planetChanges()::lastChange, changeCheck, 20_000, "planet", services.meters(), ready);
        journalCache = new PageCache(this::journalChange, changeCheck, 5_000, "journal", services.meters(), ready);
        showCache = new PageCache(
                services.show().changes()::lastChange, changeCheck, 2_000, "show", services.meters(), ready);
        httpMetrics = new HttpMetrics(services.meters());
        metrics = new MetricsPage(config.metrics(), services.metricsText());
        sessions = new WebSessions(
                services.accounts(),
                new SessionCookie(config.siteUrl()),
                "https".equalsIgnoreCase(config.siteUrl().getScheme()),
                services.clock(),
                services.community().notifications()::unread);
        river = new RiverPages(site);
        feeds = new FeedPages(site);
        entries = new EntryPages(site);
        archive = new ArchivePages(site);
        subscriptions = new SubscriptionPages(site);
        outputs = new FeedOutputs(site, river, feeds);
        errors = new ErrorPages(site);
        journal = new JournalPages(
                site,
                sessions,
                services.submissions(),
                services.comments(),
                services.community().votes());
        comments = new CommentPages(site, sessions, services.comments(), journal);
        accounts = new AccountPages(site, sessions, services.submissions(), journal, services.membership());
        memberMail = new MemberMailPages(site, sessions, services.membership(), accounts);
        invitations = new InvitationPages(site, sessions, services.membership(), accounts);
        resets = new ResetPages(site, sessions, services.membership().resets());
        community = new CommunityPages(site, sessions, journal, services.submissions(), services.community());
        passwords = new PasswordPages(site, sessions);
        admin = new AdminPages(site, sessions, services.moderation());
        filters = new FilterPages(site, sessions, services.filters());
        feedback = new FeedbackPages(site, sessions, services.feedback());
        episodeEditor = new EpisodeEditorPages(
                site, sessions, services.episodeEditor(), services.curation(), services.publishing(), services.clock());
        publishingPages = new EpisodePublishingPages(site, sessions, episodeEditor, services.publishing());
        health = new HealthPages(services.databaseCheck());
        hubLinks = new HubLinks(site, services.websub().hub().map(h -> h.url()).orElse(null));
        websub = new WebSubPages(services.websub(), config.fetch().maxBodyBytes());
        search = new SearchPages(site, services.search(), hubLinks);
        show = new ShowPages(
                site,
                services.show(),
                config.show().mediaDir(),
                new MediaResponses(services.downloads(), services.meters()),
                services.feedback().store(),
                services.publishing().episodes().extras(),
                services.clock());
    }

    /** The cached pages ready to be sent without routing, by {@link CachedPageHandler}. */
    ReadyPages ready() {
        return ready;
    }

    /** Registers every route, the error pages and the exception mapping. */
    void register(RoutesConfig r) {
        r.before(httpMetrics::start);
        r.after(httpMetrics::stop);
        r.before(WebServer::securityHeaders);
        r.before(sessions::load);

        // the planet
        get(r, "/", page(planetCache, river::river));
        get(r, "/category/{slug}", page(planetCache, river::category));
        get(r, "/feeds/{id}", page(planetCache, feeds::feed));
        get(r, "/entries/{id}", page(planetCache, entries::entry));
        get(r, "/archive", page(planetCache, archive::months));
        get(r, "/archive/{yyyy}/{mm}", page(planetCache, archive::month));
        get(r, "/archive/{yyyy}/{mm}/{dd}", page(planetCache, archive::day));
        get(r, "/subscriptions", this::subscriptions);
        get(r, "/atom.xml", feed(planetCache, outputs::planetAtom));
        get(r, "/rss.xml", feed(planetCache, outputs::planetRss));
        get(r, "/category/{slug}/atom.xml", feed(planetCache, outputs::categoryAtom));
        get(r, "/category/{slug}/rss.xml", feed(planetCache, outputs::categoryRss));
        get(r, "/feeds/{id}/atom.xml", feed(planetCache, outputs::feedAtom));
        get(r, "/feeds/{id}/rss.xml", feed(planetCache, outputs::feedRss));
        get(r, "/opml.xml", cached(planetCache, outputs::opml));

        // accounts
        get(r, "/login", accounts::loginForm);
        r.post("/login", accounts::login);
        get(r, "/logout", accounts::logoutForm);
        r.post("/logout", accounts::logout);
        get(r, "/register", accounts::registerForm);
        r.post("/register", accounts::register);
        get(r, "/account", accounts::account);
        get(r, "/account/password", passwords::form);
        r.post("/account/password", passwords::change);
        r.post("/account/email", memberMail::changeEmail);
        r.post("/account/notifications", memberMail::changeNotifications);
        get(r, "/account/verify/{token}", memberMail::verify);
        get(r, "/unsubscribe/{token}", memberMail::unsubscribeForm);
        r.post("/unsubscribe/{token}", memberMail::unsubscribe);
        r.post("/account/invitations", invitations::issue);
        r.post("/account/invitations/{id}/revoke", invitations::revoke);
        get(r, "/account/reset", resets::requestForm);
        r.post("/account/reset", resets::request);
        get(r, "/account/reset/{token}", resets::resetForm);
        r.post("/account/reset/{token}", resets::reset);

        // administrators
        get(r, "/admin", admin::index);
        get(r, "/admin/subscriptions", admin::subscriptions);
        r.post("/admin/subscriptions", admin::add);
        r.post("/admin/subscriptions/{id}/categories", admin::categories);
        r.post("/admin/subscriptions/{id}/face", admin::face);
        r.post("/admin/subscriptions/{id}/disable", admin::disable);
        r.post("/admin/subscriptions/{id}/enable", admin::enable);
        r.post("/admin/entries/{id}/split", admin::splitPost);
        r.post("/admin/entries/{id}/merge", admin::mergePost);
        get(r, "/admin/posts", admin::posts);
        r.post("/admin/posts/merge", admin::mergeForm);
        get(r, "/admin/accounts", admin::accounts);
        r.post("/admin/accounts/{id}/role", admin::role);
        r.post("/admin/accounts/{id}/ban", admin::ban);
        r.post("/admin/accounts/{id}/unban", admin::unban);
        get(r, "/admin/invitations", invitations::tree);
        get(r, "/admin/filters", filters::page);
        r.post("/admin/filters", filters::add);
        r.post("/admin/filters/{id}/remove", filters::remove);

        // the journal
        get(r, "/journal", page(journalCache, journal::journal));
        get(r, "/journal/atom.xml", feedPage(journalCache, journal::atom));
        get(r, "/journal/rss.xml", feedPage(journalCache, journal::rss));
        get(r, "/stories/{id}", page(journalCache, journal::story));
        get(r, "/stories/{id}/comments.atom", feedPage(journalCache, comments::feed));
        r.post("/stories/{id}/comments", comments::post);
        r.post("/stories/{id}/lock", comments::lock);
        r.post("/stories/{id}/unlock", comments::unlock);
        r.post("/comments/{id}/edit", comments::edit);
        r.post("/comments/{id}/delete", comments::delete);
        r.post("/comments/{id}/hide", comments::hide);
        r.post("/comments/{id}/unhide", comments::unhide);
        r.post("/comments/{id}/ban", comments::ban);
        get(r, "/moderation", page(journalCache, comments::moderation));
        get(r, "/submit", journal::submitForm);
        r.post("/submit", journal::submit);
        get(r, "/editor/queue", journal::queue);
        r.post("/editor/queue", journal::decide);
        get(r, "/editor/queue/{id}/edit", journal::editForm);
        r.post("/editor/queue/{id}/edit", journal::edit);
        get(r, "/stories/{id}/edit", journal::ownEditForm);
        r.post("/stories/{id}/edit", journal::ownEdit);
        r.post("/stories/{id}/tags", journal::retag);

        // the journal's social side
        r.post("/stories/{id}/vote", community::voteStory);
        r.post("/stories/{id}/flag", community::flagStory);
        r.post("/comments/{id}/vote", community::voteComment);
        r.post("/comments/{id}/flag", community::flagComment);
        get(r, "/editor/flags", community::flags);
        get(r, "/notifications", community::notifications);
        r.post("/notifications", community::markRead);
        get(r, "/account/tags", community::hiddenTags);
        r.post("/account/tags", community::setHiddenTags);
        get(r, "/users/{name}", page(journalCache, community::profile));
        r.post("/users/{name}/notes", community::addNote);
        get(r, "/tags/{tag}", page(journalCache, journal::tag));
        get(r, "/tags/{tag}/atom.xml", feed(journalCache, journal::tagAtom));

        // the show
        get(r, "/feedback", feedback::form);
        get(r, "/feedback/{id}", ctx -> Responses.personal(ctx, feedback.item(ctx)));
        r.post("/feedback", feedback::send);
        get(r, "/editor/feedback", feedback::queue);
        r.post("/editor/feedback", feedback::decide);
        get(r, "/editor/episodes", episodeEditor::list);
        r.post("/editor/episodes", episodeEditor::create);
        get(r, "/editor/episodes/{number}", episodeEditor::episode);
        r.post("/editor/episodes/{number}", episodeEditor::change);
        r.post("/editor/episodes/{number}/upload", publishingPages::upload);
        r.post("/editor/episodes/{number}/publication", publishingPages::publication);
        get(r, "/editor/episodes/{number}/delete", publishingPages::deleteForm);
        r.post("/editor/episodes/{number}/delete", publishingPages::delete);
        get(r, "/editor/episodes/{number}/preview", show::preview);
        get(r, "/editor/episodes/{number}/preview.xml", show::previewFeed);
        get(r, "/episodes/{number}/embed", ctx -> {
            SecurityHeaders.embeddable(ctx);
            page(showCache, show::embed).handle(ctx);
        });
        get(r, "/oembed", ctx -> {
            // rendered each time: the page caches key on the path, and oEmbed's answer depends on ?url=
            Rendered o = show.oembed(ctx);
            ctx.header("Access-Control-Allow-Origin", "*");
            ctx.header("Cache-Control", "public, max-age=300");
            ctx.contentType(o.contentType());
            ctx.result(o.bytes());
        });
        get(r, "/editor/downloads", show::downloads);
        get(r, "/episodes", page(showCache, show::archive));
        get(r, "/episodes/{number}", page(showCache, show::episode));
        get(r, "/show/feeds/{file}", show.feedMoved() ? show::movedFeed : feed(showCache, show::feed));
        get(r, "/show/{number}/chapters.json", this::chapters);
        get(r, "/show/{number}", show::oldEpisodeAddress);
        get(r, "/media/<path>", show::media);

        // the search over the whole site
        get(r, "/search", search::page);
        get(r, "/search/atom.xml", hubLinks.header(search::atom));
        get(r, "/opensearch.xml", search::openSearch);

        // WebSub: the site's hub and the planet's callbacks (see docs/websub.md)
        r.post("/websub/hub", websub::hub);
        get(r, "/websub/callback/{id}", websub::verify);
        r.post("/websub/callback/{id}", websub::receive);

        get(r, Stylesheet.PATH, stylesheet::serve);

        // for service managers and monitors
        get(r, "/healthz", health::live);
        get(r, "/readyz", health::ready);
        get(r, "/metrics", metrics::serve);
    }

    /** Maps exceptions and bare statuses to error pages; registered after every route. */
    void registerErrors(RoutesConfig r) {
        r.exception(MethodNotAllowedResponse.class, (e, ctx) -> errors.methodNotAllowed(ctx, e.getDetails()));
        r.exception(ClientGone.class, (e, ctx) -> errors.clientGone(ctx, e));
        r.exception(PageException.class, (e, ctx) -> errors.page(ctx, e));
        r.exception(AccountRefusal.class, (e, ctx) -> errors.refusal(ctx, e.getMessage(), e.retryAfter()));
        r.exception(JournalRefusal.class, (e, ctx) -> errors.refusal(ctx, e.getMessage(), Optional.empty()));
        r.exception(Exception.class, (e, ctx) -> errors.failure(ctx, e));
        r.error(404, errors::status);
        r.error(405, errors::status);
        r.error(413, errors::tooLarge);
    }

    /**
     * The subscriptions page also changes with time (next fetch "in 5 minutes"), so its cached copy is kept per
     * minute as well as per planet change.
     */
    private void subscriptions(Context ctx) {
        if (WebSessions.session(ctx) != null) {
            Responses.personal(ctx, subscriptions.subscriptions(ctx));
            return;
        }
        planetCache.serve(
                ctx,
                key(ctx),
                subscriptions.version(planetCache.version()),
                Long.toString(services.clock().millis() / 60_000),
                () -> subscriptions.subscriptions(ctx));
    }

    private void chapters(Context ctx) throws Exception {
        ctx.header("Access-Control-Allow-Origin", "*"); // podcast apps fetch chapters cross-origin
        cached(showCache, show::chapters).handle(ctx);
    }

    /**
     * The version of the journal's pages: the journal's last change (stories, comments, locks, the moderation log,
     * publication times that have passed) or the planet's, whose categories every page lists, whichever is later.
     */
    private Instant journalChange() {
        Instant j = services.submissions().store().lastChange(services.clock().instant());
        Instant p = services.planetChanges().lastChange();
        return j.isAfter(p) ? j : p;
    }

    /**
     * Registers a GET route and the same handler for HEAD, which Jetty answers with the GET's status and headers
     * (validators and length included) but no body, as RFC 9110 asks; feed readers and podcast apps check feeds
     * and media with HEAD.
     */
    private static void get(RoutesConfig r, String path, Handler handler) {
        r.get(path, handler);
        r.head(path, handler);
    }

    /** A feed or other document every reader shares, from the cache. */
    private static Handler cached(PageCache cache, Function<Context, Rendered> page) {
        return ctx -> cache.serve(ctx, key(ctx), () -> page.apply(ctx));
    }

    /** An output feed every reader shares, from the cache, advertising the site's WebSub hub. */
    private Handler feed(PageCache cache, Function<Context, Rendered> page) {
        return hubLinks.header(cached(cache, hubLinks.body(page)));
    }

    /** An output feed rendered as a {@link #page}, advertising the site's WebSub hub. */
    private Handler feedPage(PageCache cache, Function<Context, Rendered> page) {
        return hubLinks.header(page(cache, hubLinks.body(page)));
    }

    /**
     * A page: from the cache for anonymous readers; rendered afresh, and never stored by any cache, for a logged-in
     * member, whose name is in its header.
     */
    private static Handler page(PageCache cache, Function<Context, Rendered> page) {
        return ctx -> {
            if (WebSessions.session(ctx) != null) {
                Responses.personal(ctx, page.apply(ctx));
            } else {
                cache.serve(ctx, key(ctx), () -> page.apply(ctx));
            }
        };
    }

    /**
     * A page's identity: its path, its place ({@code page}, {@code before}, {@code after}) and its order
     * ({@code order=hot}); other query parameters do not change a page.
     */
    private static String key(Context ctx) {
        StringBuilder key = new StringBuilder(ctx.path());
        char sep = '?';
        for (String name : new String[] {"page", "before", "after", "order"}) {
            String value = ctx.queryParam(name);
            if (value != null && (!name.equals("order") || value.equals("hot"))) {
                key.append(sep).append(name).append('=').append(value);
                sep = '&';
            }
        }
        return key.toString();
    }
}
