package org.callisto.websub;

import java.time.Clock;
import java.util.Optional;
import org.callisto.config.Config;
import org.callisto.db.Database;
import org.callisto.planet.FeedPushes;
import org.callisto.planet.SubscriptionStore;
import org.callisto.planet.fetch.GuardedHttpClients;

/**
 * WebSub, both ways, as the composition root builds it: the {@link Subscriber} and the {@link Hub}, the guarded HTTP
 * client they send with, and the timer that renews leases and notices changed feeds every
 * {@code websub.check_interval}. With {@code websub.enabled = false} nothing is started: no feed is subscribed to,
 * the hub is off and the callback routes answer 404. {@link #close()} stops the timer, the requests in flight (for at
 * most 5 seconds) and the client.
 *
 * <p>Thread-safe.
 */
public final class WebSub implements AutoCloseable {
    private final Subscriber subscriber;
    private final Hub hub;
    private final WebSubTasks tasks;
    private final WebSubClient client;

    private WebSub(Subscriber subscriber, Hub hub, WebSubTasks tasks, WebSubClient client) {
        this.subscriber = subscriber;
        this.hub = hub;
        this.tasks = tasks;
        this.client = client;
    }

    /** WebSub off. */
    public static WebSub off() {
        return new WebSub(null, null, null, null);
    }

    /**
     * Starts WebSub as {@code config.websub()} says, or returns {@link #off()} when it is disabled.
     *
     * @param pushed where pushed documents are stored (the planet's refresh pipeline)
     */
    public static WebSub start(
            Config config, Clock clock, Database db, SubscriptionStore feeds, Subscriber.PushedDocuments pushed) {
        Config.WebSubConfig settings = config.websub();
        if (!settings.enabled()) {
            return off();
        }
        WebSubClient client = new WebSubClient(
                GuardedHttpClients.start(config), config.fetch().totalTimeout());
        WebSubTasks tasks = new WebSubTasks(settings.concurrency());
        Subscriber subscriber =
                new Subscriber(config, clock, new PushSubscriptionStore(db), feeds, pushed, client, tasks);
        Hub hub = settings.runsHub() ? new Hub(config, clock, new HubSubscriptionStore(db), client, tasks) : null;
        tasks.every(settings.checkInterval(), subscriber::renew);
        if (hub != null) {
            tasks.every(settings.checkInterval(), hub::check);
        }
        return new WebSub(subscriber, hub, tasks, client);
    }

    /** The subscriber, when WebSub is on. */
    public Optional<Subscriber> subscriber() {
        return Optional.ofNullable(subscriber);
    }

    /** The site's own hub, when it runs. */
    public Optional<Hub> hub() {
        return Optional.ofNullable(hub);
    }

    /** What the refresh pipeline tells: the subscriber when WebSub is on, else {@link FeedPushes#NONE}. */
    public FeedPushes pushes() {
        return subscriber != null ? subscriber : FeedPushes.NONE;
    }

    /** Where the hub reads the site's feeds; set once the web server runs. */
    public void serveTopicsFrom(TopicSource topics) {
        if (hub != null) {
            hub.serveTopicsFrom(topics);
        }
    }

    @Override
    public void close() {
        if (tasks != null) {
            tasks.close();
            client.close();
        }
    }
}
