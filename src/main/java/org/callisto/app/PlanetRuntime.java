package org.callisto.app;

import java.time.Clock;
import org.callisto.config.Config;
import org.callisto.db.Database;
import org.callisto.html.HtmlSanitizer;
import org.callisto.planet.FeedRefresher;
import org.callisto.planet.PlanetStore;
import org.callisto.planet.RefreshRound;
import org.callisto.planet.fetch.FeedFetcher;
import org.callisto.planet.fetch.FetchSchedule;
import org.callisto.planet.parse.FeedParser;
import org.callisto.show.Renditions;
import org.callisto.show.ShowStores;

/**
 * The planet's parts wired together from one {@link Config}: database, planet and show stores, fetcher, parser, sanitizer and the
 * refresh round. Commands open one, use it and close it. Thread-safe once built.
 */
public final class PlanetRuntime implements AutoCloseable {
    private final Config config;
    private final Database database;
    private final PlanetStore store;
    private final ShowStores show;
    private final FeedFetcher fetcher;
    private final RefreshRound round;

    private PlanetRuntime(Config config) {
        this.config = config;
        this.database = Database.open(config);
        this.store = new PlanetStore(database);
        this.show = ShowStores.of(database, Clock.systemUTC());
        this.fetcher = new FeedFetcher(config);
        Clock clock = Clock.systemUTC();
        FeedRefresher refresher = new FeedRefresher(store, fetcher, new FeedParser(), HtmlSanitizer.aggregated(),
                new FetchSchedule(config.fetch()), clock);
        this.round = new RefreshRound(refresher, config.fetch().concurrency());
    }

    /** Opens the database (migrating it) and builds the planet's parts. */
    public static PlanetRuntime open(Config config) {
        return new PlanetRuntime(config);
    }

    public Config config() {
        return config;
    }

    public PlanetStore store() {
        return store;
    }

    /** The show's stores (settings, episodes and the rest), in the same database. */
    public ShowStores show() {
        return show;
    }

    /** Adds media files to episodes, from the configured media directory. */
    public Renditions renditions() {
        return new Renditions(show.episodes(), show.renditions(), config.show().mediaDir(), config.siteUrl(),
                Clock.systemUTC());
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
