package org.callisto.websub;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.callisto.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's own WebSub hub ({@code /websub/hub}), for the site's own feeds only. A subscription request is checked
 * at once (mode, callback, topic, secret, lease; a bad one gets 400 naming the field) and answered 202 Accepted; the
 * intent is then verified asynchronously by a GET to the callback with a random {@code hub.challenge}, which must
 * come back as the body; a topic the site does not serve gets a denial ({@code hub.mode=denied}) instead. Every
 * {@code websub.check_interval} the hub reads each subscribed feed and, when its body changed, posts the new body to
 * every subscriber with the Link headers of the hub and the topic and, when the subscriber gave a secret, an
 * {@code X-Hub-Signature} (HMAC-SHA256); failed deliveries are retried {@code websub.retries} times after
 * {@code websub.retry_delay}, doubled each time; a 410 Gone ends the subscription. Callbacks are reached through the
 * planet's fetch guards. Leases run from {@code websub.lease} (when none is asked) up to {@code websub.max_lease}.
 *
 * <p>Thread-safe.
 */
public final class Hub {
    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
    static final Duration MIN_LEASE = Duration.ofMinutes(1);
    static final int MAX_CALLBACK = 2000;

    private final Config.WebSubConfig settings;
    private final Clock clock;
    private final HubSubscriptionStore store;
    private final WebSubClient client;
    private final WebSubTasks tasks;
    private final OwnTopics own;
    private volatile TopicSource source;

    Hub(Config config, Clock clock, HubSubscriptionStore store, WebSubClient client, WebSubTasks tasks) {
        this.settings = config.websub();
        this.clock = clock;
        this.store = store;
        this.client = client;
        this.tasks = tasks;
        this.own = new OwnTopics(config.siteUrl());
    }

    public HubSubscriptionStore store() {
        return store;
    }

    /** The hub's URL, which every output feed advertises. */
    public String url() {
        return own.hub();
    }

    /** Where the hub reads its topics; until this is set (the web server runs), requests are answered 503. */
    void serveTopicsFrom(TopicSource topics) {
        this.source = topics;
    }

    /** A subscription or unsubscription request, as the form fields of the POST to {@code /websub/hub}. */
    public CallbackAnswer request(Map<String, String> form) {
        TopicSource topics = source;
        if (topics == null) {
            return new CallbackAnswer(503, "the hub is starting; ask again in a minute");
        }
        String mode = form.getOrDefault("hub.mode", "");
        if (!mode.equals("subscribe") && !mode.equals("unsubscribe")) {
            return new CallbackAnswer(
                    400, "hub.mode '" + mode + "' is neither subscribe nor unsubscribe; this hub takes only those");
        }
        String callback = form.getOrDefault("hub.callback", "").strip();
        if (!webUrl(callback)) {
            return new CallbackAnswer(
                    400,
                    "hub.callback '" + clip(callback) + "' is not an absolute http(s) URL of at most " + MAX_CALLBACK
                            + " characters; give the URL the hub should notify");
        }
        String topic = form.getOrDefault("hub.topic", "").strip();
        Optional<String> path = own.localPath(topic);
        if (path.isEmpty()) {
            return new CallbackAnswer(
                    400,
                    "hub.topic '" + clip(topic) + "' is not a feed of this site; this hub serves only the feeds"
                            + " under " + own.hub().replace("/websub/hub", "") + ": " + OwnTopics.examples());
        }
        String secret = form.get("hub.secret");
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length >= 200) {
            return new CallbackAnswer(
                    400, "hub.secret is longer than the Recommendation allows; use fewer than 200 bytes");
        }
        String secretOrNull = secret == null || secret.isEmpty() ? null : secret;
        Duration lease = settings.lease();
        String asked = form.get("hub.lease_seconds");
        if (asked != null && !asked.isBlank()) {
            try {
                long seconds = Long.parseLong(asked.strip());
                if (seconds < 1) {
                    throw new NumberFormatException();
                }
                lease = Duration.ofSeconds(Math.min(seconds, settings.maxLease().toSeconds()));
            } catch (NumberFormatException e) {
                return new CallbackAnswer(
                        400, "hub.lease_seconds '" + clip(asked) + "' is not a positive whole number of seconds");
            }
        }
        if (lease.compareTo(MIN_LEASE) < 0) {
            lease = MIN_LEASE;
        }
        Duration granted = lease;
        tasks.run(() -> verify(topics, mode, topic, path.get(), callback, granted, secretOrNull));
        return new CallbackAnswer(202, "accepted; the hub will verify the intent at " + callback);
    }

    private void verify(
            TopicSource topics,
            String mode,
            String topic,
            String path,
            String callback,
            Duration lease,
            String secret) {
        Optional<TopicSource.Content> content = Optional.empty();
        if (mode.equals("subscribe")) {
            content = topics.read(path);
            if (content.isEmpty()) {
                Map<String, String> denial = new LinkedHashMap<>();
                denial.put("hub.mode", "denied");
                denial.put("hub.topic", topic);
                denial.put("hub.reason", "this site serves no feed at " + topic);
                client.get(callback, denial);
                LOG.info("websub hub: denied a subscription to {}, which the site does not serve", topic);
                return;
            }
        }
        String challenge = Subscriber.token(24);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("hub.mode", mode);
        query.put("hub.topic", topic);
        query.put("hub.challenge", challenge);
        if (mode.equals("subscribe")) {
            query.put("hub.lease_seconds", Long.toString(lease.toSeconds()));
        }
        WebSubClient.Answer a = client.get(callback, query);
        if (!a.ok() || a.body() == null || !a.body().strip().equals(challenge)) {
            LOG.info(
                    "websub hub: {} did not confirm the {} of {}: {}",
                    callback,
                    mode,
                    topic,
                    a.ok() ? "the body was not the challenge" : a.words());
            return;
        }
        Instant now = clock.instant();
        if (mode.equals("subscribe")) {
            store.subscribe(topic, callback, secret, now.plus(lease), now);
            if (store.seen(topic).isEmpty()) {
                store.see(topic, sha256(content.get().body()), now);
            }
            LOG.info("websub hub: {} subscribed to {} for {}", callback, topic, lease);
        } else {
            store.unsubscribe(topic, callback);
            LOG.info("websub hub: {} unsubscribed from {}", callback, topic);
        }
    }

    /** Forgets ended leases, reads every subscribed feed and notifies its subscribers when it changed. */
    void check() {
        TopicSource topics = source;
        if (topics == null) {
            return;
        }
        Instant now = clock.instant();
        store.expire(now);
        for (String topic : store.topics(now)) {
            Optional<String> path = own.localPath(topic);
            Optional<TopicSource.Content> content = path.flatMap(topics::read);
            if (content.isEmpty()) {
                continue;
            }
            String hash = sha256(content.get().body());
            Optional<String> seen = store.seen(topic);
            if (seen.isPresent() && seen.get().equals(hash)) {
                continue;
            }
            store.see(topic, hash, now);
            if (seen.isPresent()) {
                for (HubSubscription s : store.subscribers(topic, now)) {
                    tasks.run(() -> deliver(s, content.get(), 0));
                }
            }
        }
    }

    private void deliver(HubSubscription s, TopicSource.Content content, int attempt) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Link", "<" + own.hub() + ">; rel=\"hub\", <" + s.topic() + ">; rel=\"self\"");
        if (s.secret() != null) {
            headers.put("X-Hub-Signature", Signatures.sign(s.secret(), content.body()));
        }
        WebSubClient.Answer a = client.postBody(s.callback(), content.contentType(), content.body(), headers);
        if (a.ok()) {
            return;
        }
        if (a.status() == 410) {
            store.delete(s.id());
            LOG.info("websub hub: {} answered 410 Gone; its subscription to {} ends", s.callback(), s.topic());
            return;
        }
        if (attempt < settings.retries()) {
            Duration wait = settings.retryDelay().multipliedBy(1L << Math.min(attempt, 20));
            LOG.info(
                    "websub hub: notifying {} of {} failed ({}); retrying in {}",
                    s.callback(),
                    s.topic(),
                    a.words(),
                    wait);
            tasks.later(wait, () -> deliver(s, content, attempt + 1));
        } else {
            LOG.warn(
                    "websub hub: gave up notifying {} of {} after {} attempts: {}",
                    s.callback(),
                    s.topic(),
                    attempt + 1,
                    a.words());
        }
    }

    private static boolean webUrl(String url) {
        if (url.isEmpty() || url.length() > MAX_CALLBACK) {
            return false;
        }
        try {
            URI u = new URI(url);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String clip(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256, which every JDK has", e);
        }
    }
}
