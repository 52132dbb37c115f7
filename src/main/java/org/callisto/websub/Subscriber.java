package org.callisto.websub;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callisto.config.Config;
import org.callisto.planet.Feed;
import org.callisto.planet.FeedPushes;
import org.callisto.planet.RefreshOutcome;
import org.callisto.planet.SubscriptionStore;
import org.callisto.planet.parse.ParsedFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The planet as a WebSub subscriber. When a fetched feed names a hub (a Link header or a link in the document), it
 * subscribes to the feed's topic at that hub with a callback URL of its own ({@code /websub/callback/{id}}, the id
 * random and unguessable) and a random {@code hub.secret}; it confirms the hub's verification of intent only for the
 * topic it asked for on that callback; it renews leases when a fifth of them is left; it stores each push whose
 * {@code X-Hub-Signature} is valid through the planet's own parse, sanitize and store path, and acknowledges but
 * discards (and logs) one whose signature is missing or wrong, as the Recommendation asks. Feeds whose updates are
 * pushed are polled {@code websub.poll_interval_factor} times less often.
 *
 * <p>Thread-safe: requests to hubs run on {@link WebSubTasks}; the rest reads and writes the store.
 */
public final class Subscriber implements FeedPushes {
    private static final Logger LOG = LoggerFactory.getLogger(Subscriber.class);
    /** How long a request may stay unverified (or failed) before it is sent again. */
    static final Duration UNVERIFIED_RETRY = Duration.ofHours(1);

    /** Stores a pushed document of a feed as a fetched one is stored. */
    @FunctionalInterface
    public interface PushedDocuments {
        RefreshOutcome store(Feed feed, byte[] body, String contentType);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Config config;
    private final Clock clock;
    private final PushSubscriptionStore store;
    private final SubscriptionStore feeds;
    private final PushedDocuments pushed;
    private final WebSubClient client;
    private final WebSubTasks tasks;
    private final OwnTopics site;

    Subscriber(
            Config config,
            Clock clock,
            PushSubscriptionStore store,
            SubscriptionStore feeds,
            PushedDocuments pushed,
            WebSubClient client,
            WebSubTasks tasks) {
        this.config = config;
        this.clock = clock;
        this.store = store;
        this.feeds = feeds;
        this.pushed = pushed;
        this.client = client;
        this.tasks = tasks;
        this.site = new OwnTopics(config.siteUrl());
    }

    public PushSubscriptionStore store() {
        return store;
    }

    @Override
    public void fetched(Feed feed, URI finalUrl, List<String> linkHeaders, ParsedFeed parsed) {
        try {
            List<String> hubs = new ArrayList<>(LinkHeaders.targets(linkHeaders, "hub", finalUrl));
            for (String h : parsed.hubs()) {
                String hub = LinkHeaders.resolve(null, h);
                if (hub != null) {
                    hubs.add(hub);
                }
            }
            if (hubs.isEmpty()) {
                return;
            }
            List<String> selves = LinkHeaders.targets(linkHeaders, "self", finalUrl);
            String topic = !selves.isEmpty()
                    ? selves.getFirst()
                    : parsed.feedUrl() != null && parsed.feedUrl().startsWith("http")
                            ? parsed.feedUrl()
                            : finalUrl.toString();
            String hub = hubs.getFirst();
            List<PushSubscription> existing = store.forFeed(feed.id());
            if (existing.stream().anyMatch(s -> s.hub().equals(hub) && s.topic().equals(topic))) {
                return; // asked already; renewals and retries are the timer's
            }
            for (PushSubscription old : existing) {
                if (old.state().equals(PushSubscription.ACTIVE)) {
                    unsubscribe(old); // the feed moved to another hub or topic
                } else {
                    store.delete(old.id());
                }
            }
            PushSubscription s = new PushSubscription(
                    token(24),
                    feed.id(),
                    hub,
                    topic,
                    token(32),
                    PushSubscription.REQUESTED,
                    clock.instant(),
                    null,
                    null,
                    null,
                    null);
            store.add(s);
            LOG.info("websub: {} names the hub {}; subscribing to {}", feed.url(), hub, topic);
            subscribe(s);
        } catch (RuntimeException e) {
            LOG.warn("websub: cannot subscribe to the hub of {}", feed.url(), e);
        }
    }

    @Override
    public Duration pollInterval(long feedId, Duration scheduled) {
        try {
            if (!store.pushed(feedId, clock.instant())) {
                return scheduled;
            }
        } catch (RuntimeException e) {
            return scheduled; // polling as usual is the safe side
        }
        Duration slower =
                Duration.ofMillis((long) (scheduled.toMillis() * config.websub().pollIntervalFactor()));
        Duration ceiling = scheduled.compareTo(config.fetch().maxInterval()) > 0
                ? scheduled
                : config.fetch().maxInterval();
        return slower.compareTo(ceiling) > 0 ? ceiling : slower;
    }

    /**
     * A hub's verification of intent, or its denial, at the callback {@code id}. The challenge is echoed only when
     * the subscription exists, the topic is the one asked for and the mode is the one asked for.
     */
    public CallbackAnswer verify(String id, Map<String, String> query) {
        Optional<PushSubscription> found = store.find(id);
        String mode = query.getOrDefault("hub.mode", "");
        String topic = query.get("hub.topic");
        if (found.isEmpty() || !found.get().topic().equals(topic)) {
            LOG.info("websub: refused a verification for {} at callback {}: not a topic asked for there", topic, id);
            return new CallbackAnswer(404, "no subscription to " + topic + " was asked for at this callback");
        }
        PushSubscription s = found.get();
        String challenge = query.get("hub.challenge");
        Instant now = clock.instant();
        switch (mode) {
            case "subscribe" -> {
                if (challenge == null || challenge.isEmpty() || s.state().equals(PushSubscription.UNSUBSCRIBING)) {
                    return new CallbackAnswer(404, "no subscription to " + topic + " is wanted at this callback");
                }
                Duration lease = leaseOf(query.get("hub.lease_seconds"));
                store.verified(id, now, now.plus(lease));
                LOG.info("websub: {} confirmed the subscription to {} for {}", s.hub(), topic, lease);
                return new CallbackAnswer(200, challenge);
            }
            case "unsubscribe" -> {
                if (challenge == null || challenge.isEmpty() || !s.state().equals(PushSubscription.UNSUBSCRIBING)) {
                    return new CallbackAnswer(404, "no unsubscription from " + topic + " was asked for here");
                }
                store.delete(id);
                return new CallbackAnswer(200, challenge);
            }
            case "denied" -> {
                String reason = query.getOrDefault("hub.reason", "no reason given");
                store.state(id, PushSubscription.DENIED, "the hub " + s.hub() + " denied the subscription: " + reason);
                LOG.info("websub: {} denied the subscription to {}: {}", s.hub(), topic, reason);
                return new CallbackAnswer(200, "noted");
            }
            default -> {
                return new CallbackAnswer(400, "hub.mode '" + mode + "' is not subscribe, unsubscribe or denied");
            }
        }
    }

    /**
     * A pushed document at the callback {@code id}: stored when its signature is valid, else acknowledged and
     * discarded. A callback that is not (or no longer) subscribed answers 410 Gone, which tells the hub to stop.
     */
    public CallbackAnswer receive(String id, byte[] body, String contentType, String signature) {
        Optional<PushSubscription> found = store.find(id);
        if (found.isEmpty()
                || !(found.get().state().equals(PushSubscription.ACTIVE)
                        || found.get().state().equals(PushSubscription.REQUESTED)
                                && found.get().verifiedAt() != null)) {
            return new CallbackAnswer(410, "nothing is subscribed at this callback");
        }
        PushSubscription s = found.get();
        Instant now = clock.instant();
        if (!Signatures.valid(s.secret(), body, signature)) {
            String why = signature == null ? "without X-Hub-Signature" : "with a wrong X-Hub-Signature";
            LOG.warn("websub: discarded a push for {} from {} {}", s.topic(), s.hub(), why);
            store.pushed(id, now, "a push at " + now + " came " + why + " and was discarded");
            return new CallbackAnswer(202, "received");
        }
        Optional<Feed> feed = feeds.feed(s.feedId());
        if (feed.isEmpty()) {
            store.delete(id);
            return new CallbackAnswer(410, "the feed of this subscription was removed");
        }
        RefreshOutcome outcome = pushed.store(feed.get(), body, contentType);
        store.pushed(id, now, outcome.message());
        if (outcome.message() != null) {
            LOG.info("websub: a push for {} was not stored: {}", s.topic(), outcome.message());
        } else {
            LOG.debug("websub: a push for {} added {} and updated {}", s.topic(), outcome.added(), outcome.updated());
        }
        return new CallbackAnswer(200, "received");
    }

    /** Renews leases that are due and sends again requests that stayed unverified; run by the timer. */
    void renew() {
        Instant now = clock.instant();
        for (PushSubscription s : store.dueForRenewal(now, now.minus(UNVERIFIED_RETRY))) {
            LOG.info("websub: renewing the subscription to {} at {}", s.topic(), s.hub());
            store.requested(s.id(), now);
            subscribe(s);
        }
    }

    private void subscribe(PushSubscription s) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hub.mode", "subscribe");
        form.put("hub.topic", s.topic());
        form.put("hub.callback", site.callback(s.id()));
        form.put("hub.secret", s.secret());
        form.put("hub.lease_seconds", Long.toString(config.websub().lease().toSeconds()));
        tasks.run(() -> {
            WebSubClient.Answer a = client.postForm(s.hub(), form);
            if (!a.ok()) {
                String why =
                        "the hub " + s.hub() + " did not accept the subscription to " + s.topic() + ": " + a.words();
                LOG.info("websub: {}", why);
                store.state(s.id(), PushSubscription.FAILED, why);
            }
        });
    }

    private void unsubscribe(PushSubscription s) {
        store.state(s.id(), PushSubscription.UNSUBSCRIBING, null);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hub.mode", "unsubscribe");
        form.put("hub.topic", s.topic());
        form.put("hub.callback", site.callback(s.id()));
        tasks.run(() -> {
            WebSubClient.Answer a = client.postForm(s.hub(), form);
            if (!a.ok()) {
                store.delete(s.id()); // the lease will run out; pushes meanwhile get 410 Gone
            }
        });
    }

    private Duration leaseOf(String seconds) {
        try {
            long n = Long.parseLong(seconds == null ? "" : seconds.strip());
            if (n > 0) {
                return Duration.ofSeconds(n);
            }
        } catch (NumberFormatException e) {
            // a hub that names no lease: ours is assumed
        }
        return config.websub().lease();
    }

    static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
