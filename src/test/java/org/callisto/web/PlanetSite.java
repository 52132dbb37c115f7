package org.callisto.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.callisto.app.Callisto;
import org.callisto.config.Config;
import org.callisto.config.ConfigLoader;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.callisto.planet.EntryDetails;
import org.callisto.planet.EntryRow;
import org.callisto.planet.EntryStore;
import org.callisto.planet.Feed;
import org.callisto.planet.FeedStatus;
import org.callisto.planet.RefreshFailure;
import org.callisto.planet.SubscriptionStore;

/**
 * A planet with three feeds on a fresh real database, served by a real {@link WebServer} on a free port, and an
 * HTTP client for it.
 *
 * <p>Alice (FreeBSD) has three entries on three days, one with a {@code <pre>} block; Bob (Linux) has 35 hourly
 * entries, so the river has two pages; Carol has none and her last fetch failed on DNS; Dave is disabled.
 */
final class PlanetSite implements AutoCloseable {
    /** How soon the site's page caches notice a change. */
    static final Duration CHANGE_CHECK = Duration.ofMillis(50);

    static final String PRE_BLOCK = "<pre>$ pkg install graphite\n    line   indented\n\tand tabbed</pre>";

    final Callisto callisto;
    final Database db;
    final SubscriptionStore subscriptions;
    final EntryStore entries;
    final WebServer server;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Instant base;
    final Config config;
    Feed alice;
    Feed bob;
    Feed carol;
    Feed dave;

    PlanetSite(String kind) {
        this(kind, Map.of());
    }

    /** The same planet with more settings, such as {@code journal.registration}. */
    PlanetSite(String kind, Map<String, String> settings) {
        this(kind, settings, Clock.systemUTC());
    }

    /** The same planet with more settings and the site's clock (times of entries still come from the system's). */
    PlanetSite(String kind, Map<String, String> settings, Clock clock) {
        Map<String, String> all = new java.util.HashMap<>(
                Map.of("server.port", "0", "site.title", "Test Planet", "site.url", "http://planet.test/"));
        all.putAll(settings);
        config = ConfigLoader.of(all);
        db = TestDatabases.open(kind);
        callisto = Callisto.open(config, db, clock);
        subscriptions = callisto.subscriptions();
        entries = callisto.entries();
        base = Instant.now()
                .truncatedTo(ChronoUnit.DAYS)
                .minus(3, ChronoUnit.DAYS)
                .plus(12, ChronoUnit.HOURS);
        populate();
        server = callisto.startWeb(CHANGE_CHECK, routes -> {});
    }

    private void populate() {
        alice = subscriptions.addFeed("https://alice.example/feed.xml", "Alice Liddell", List.of("FreeBSD"));
        bob = subscriptions.addFeed("https://bob.example/rss", "Bob <Builder>", List.of("Linux"));
        carol = subscriptions.addFeed("https://carol.invalid/atom", "Carol", List.of());
        entries.storeEntries(
                alice.id(),
                List.of(
                        row(
                                "a1",
                                "Upgrading Graphite",
                                "<p>Recently swills@ upgraded Graphite.</p>" + PRE_BLOCK,
                                base,
                                List.of()),
                        row(
                                "a2",
                                "Bhyve in libvirt",
                                "<p>Recent libvirt release includes bhyve &amp; more.</p>",
                                base.minus(1, ChronoUnit.DAYS),
                                List.of("Linux")),
                        row(
                                "a3",
                                "Getting to know your portmgr-lurker",
                                "<p>An interview.</p>",
                                base.minus(2, ChronoUnit.DAYS),
                                List.of())),
                Instant.now());
        List<EntryRow> bobs = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            bobs.add(row(
                    "b" + i,
                    "Kernel note " + i,
                    "<p>Note number " + i + ".</p>",
                    base.minus(i + 1, ChronoUnit.HOURS),
                    List.of()));
        }
        entries.storeEntries(bob.id(), bobs, Instant.now());
        Instant fetched = Instant.now().minus(30, ChronoUnit.MINUTES);
        subscriptions.recordStatus(
                alice.id(),
                new FeedStatus(
                        fetched,
                        fetched.plus(90, ChronoUnit.MINUTES),
                        200,
                        true,
                        null,
                        null,
                        false,
                        null,
                        "\"v1\"",
                        null,
                        new FeedStatus.FeedMeta(
                                "Alice's blog",
                                "https://alice.example/",
                                "<p>Notes on <em>FreeBSD</em></p>",
                                null,
                                "atom1.0",
                                "UTF-8",
                                false,
                                null,
                                null)));
        dave = subscriptions.addFeed("https://dave.example/feed", "Dave", List.of("FreeBSD"));
        subscriptions.setDisabled(dave.id(), true, "switched off by an editor: the blog moved");
        Instant attempted = Instant.now().minus(2, ChronoUnit.HOURS);
        subscriptions.recordStatus(
                carol.id(),
                new FeedStatus(
                        attempted,
                        attempted.plus(6, ChronoUnit.HOURS),
                        0,
                        false,
                        RefreshFailure.DNS,
                        "no address found for carol.invalid",
                        false,
                        null,
                        null,
                        null,
                        null));
    }

    static EntryRow row(String key, String title, String html, Instant published, List<String> terms) {
        return new EntryRow(
                key,
                key,
                "https://example.org/" + key,
                title,
                null,
                null,
                html,
                terms,
                null,
                null,
                -1,
                null,
                published,
                null,
                Integer.toHexString(html.hashCode()) + title.hashCode(),
                EntryDetails.NONE,
                null);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * GETs a page as an anonymous reader once the page caches have noticed every change made before this call
     * (they check at most once per {@link #CHANGE_CHECK}).
     */
    HttpResponse<String> fresh(String pathAndQuery, String... headers) {
        try {
            Thread.sleep(CHANGE_CHECK.toMillis() * 2 + 10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return get(pathAndQuery, headers);
    }

    HttpResponse<byte[]> getBytes(String pathAndQuery, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        callisto.close(); // the server, then the database
    }
}
