package org.callisto.app;

import java.time.Clock;
import org.callisto.config.Config;
import org.callisto.db.Database;
import org.callisto.html.HtmlSanitizer;
import org.callisto.planet.CategoryStore;
import org.callisto.planet.EntryStore;
import org.callisto.planet.FeedRefresher;
import org.callisto.planet.RefreshRound;
import org.callisto.planet.SubscriptionStore;
import org.callisto.planet.fetch.FeedFetcher;
import org.callisto.planet.fetch.FetchSchedule;
import org.callisto.planet.parse.FeedParser;
import org.callisto.show.Renditions;
import org.callisto.show.ShowStore;

/**
 * The planet's parts wired together from one {@link Config}: database, planet and show stores, fetcher, parser, sanitizer and the
 * refresh round. Commands open one, use it and close it. Thread-safe once built.
 */
public final class PlanetRuntime implements AutoCloseable {
    private final Config config;
    private final Database database;
    private final SubscriptionStore subscriptions;
    private final CategoryStore categories;
    private final EntryStore entries;
    private final ShowStore show;
    private final FeedFetcher fetcher;
    private final RefreshRound round;

    private PlanetRuntime(Config config) {
        this.config = config;
        this.database = Database.open(config);
        Clock clock = Clock.systemUTC();
        this.subscriptions = new SubscriptionStore(database, clock);
        this.categories = new CategoryStore(database);
        this.entries = new EntryStore(database, clock);
        this.show = new ShowStore(database);
        this.fetcher = new FeedFetcher(config, clock);
        FeedRefresher refresher = new FeedRefresher(subscriptions, entries, fetcher, new FeedParser(),
                HtmlSanitizer.aggregated(), new FetchSchedule(config.fetch(), clock), clock);
        this.round = new RefreshRound(refresher, config.fetch().concurrency());
    }

    /** Opens the database (migrating it) and builds the planet's parts. */
    public static PlanetRuntime open(Config config) {
        return new PlanetRuntime(config);
    }

    public Config config() {
        return config;
    }

    /** The database every store here uses; closed with this runtime. */
    public Database database() {
        return database;
    }

    /** The planet's feeds and their fetch state. */
    public SubscriptionStore subscriptions() {
        return subscriptions;
    }

    /** The planet's categories. */
    public CategoryStore categories() {
        return categories;
    }

    /** The planet's entries. */
    public EntryStore entries() {
        return entries;
    }

    /** The show's episodes and settings, in the same database. */
    public ShowStore show() {
        return show;
    }

    /** Adds media files to episodes, from the configured media directory. */
    public Renditions renditions() {
        return new Renditions(show, config.show().mediaDir(), config.siteUrl());
    }

    public RefreshRound round() {
        return round;
    }

    @Override
    public void close() {
        fetcher.close();
        database.close();
    }
}
