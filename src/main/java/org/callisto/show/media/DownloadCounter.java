package org.callisto.show.media;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Follows each listener's progressive download of each media file in memory, and notices the moment it becomes a
 * download in the sense of the IAB Podcast Measurement Technical Guidelines v2.2: at least one minute of audio
 * delivered ({@link AudioSpan}), summing every byte range sent to that listener (a byte sent twice counts once).
 * The web's media responses ({@code org.callisto.web.MediaResponses}) call {@link #listen} once per GET and
 * {@link Listening#delivered} after each piece written to the socket; HEAD requests and {@code bytes=0-1} probes
 * never get that far.
 *
 * <p>A listener is the keyed hash of their address (IPv6 as its /64) and user agent under the key of the UTC day
 * ({@link ListenerHash}); requests without a user agent, and those of bots and crawlers ({@link UserAgentRules}),
 * are not followed. The app a download is attributed to comes from the podcast-apps list. Nothing else about the
 * listener is kept, and what is kept is forgotten 24 hours after their last request.
 *
 * <p>Downloads that reached the minute wait in a queue for {@code org.callisto.show.DownloadFlusher}, which stores
 * them every few seconds in one transaction and there drops the repeats of the same listener and episode within
 * 24 hours (in the database, so that several nodes count together). The download path never waits for the
 * database, except once a day per node to read the new day's key if the flusher has not already.
 *
 * <p>Thread-safe: the listeners are a {@link ConcurrentHashMap}, each listener's ranges are guarded by its own
 * lock, and the queue is lock-free. At most {@value #MAX_LISTENERS} listeners are followed at once; past that, new
 * ones are not counted (and {@link #overflows()} says how many).
 */
public final class DownloadCounter {

    /** Where the daily keys come from: the database, through the show's key store. */
    public interface Keys {
        /** The key of {@code day}, made now if {@code create} and there is none; null when there is none. */
        byte[] key(LocalDate day, boolean create);
    }

    /**
     * One download that has reached the minute, not yet stored.
     *
     * @param file             the file as the caller named it (the show names files by their path in the media directory)
     * @param at               when it reached the minute
     * @param listener         the listener's hash under the key of {@code at}'s day
     * @param previousListener the same listener's hash under the previous day's key, or null when that key is gone
     * @param app              the podcast app, or "Other"
     */
    public record Counted(String file, Instant at, String listener, String previousListener, String app) {}

    /** One listener's download of one file in progress. */
    public interface Listening {
        /** Records bytes {@code first} to {@code last} (inclusive) of the file as delivered. */
        void delivered(long first, long last);
    }

    /** Listeners followed at once, at most. */
    public static final int MAX_LISTENERS = 200_000;

    /** Separate byte ranges of one listener's file, at most: a client scattering tiny ranges stops being followed. */
    static final int MAX_RANGES = 4096;

    /** How long a listener is remembered after their last request. */
    public static final Duration WINDOW = Duration.ofHours(24);

    /** The app name of a download that no rule of the apps list names. */
    public static final String OTHER_APP = "Other";

    private static final int MAX_AGENTS = 10_000;
    private static final String BOT = "\u0000bot";

    private record Key(String listener, String file) {}

    private final Clock clock;
    private final Keys keys;
    private final UserAgentRules bots;
    private final UserAgentRules apps;
    private final ConcurrentHashMap<Key, Progress> listeners = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> agents = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Counted> queue = new ConcurrentLinkedQueue<>();
    private final LongAdder botRequests = new LongAdder();
    private final LongAdder counted = new LongAdder();
    private final LongAdder overflows = new LongAdder();

    /** A counter whose days are UTC days of {@code clock}, with the shipped bots and apps lists. */
    public DownloadCounter(Clock clock, Keys keys) {
        this(clock, keys, UserAgentRules.shippedBots(), UserAgentRules.shippedApps());
    }

    /** A counter with the given bots and apps lists. */
    public DownloadCounter(Clock clock, Keys keys, UserAgentRules bots, UserAgentRules apps) {
        this.clock = clock;
        this.keys = keys;
        this.bots = bots;
        this.apps = apps;
    }

    /**
     * Starts or continues following the download of {@code file} by the client at {@code address} with
     * {@code userAgent}; null when this request cannot count (no user agent, a bot, an empty file, or too many
     * listeners followed).
     */
    public Listening listen(String file, AudioSpan span, String address, String userAgent) {
        if (userAgent == null || userAgent.isBlank() || span.needed() == 0) {
            return null;
        }
        String app = classify(userAgent);
        if (app == BOT) {
            botRequests.increment();
            return null;
        }
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String listener = ListenerHash.of(keys.key(day, true), address, userAgent);
        Key key = new Key(listener, file);
        Progress progress = listeners.get(key);
        if (progress == null) {
            if (listeners.size() >= MAX_LISTENERS) {
                overflows.increment();
                return null;
            }
            byte[] yesterday = keys.key(day.minusDays(1), false);
            String previous = yesterday == null ? null : ListenerHash.of(yesterday, address, userAgent);
            progress = listeners.computeIfAbsent(key, k -> new Progress(file, span, listener, previous, app));
        }
        progress.seen(now);
        return progress;
    }

    private String classify(String userAgent) {
        String known = agents.get(userAgent);
        if (known != null) {
            return known;
        }
        String result;
        if (bots.match(userAgent) != null) {
            result = BOT;
        } else {
            String app = apps.match(userAgent);
            result = app == null ? OTHER_APP : app;
        }
        if (agents.size() >= MAX_AGENTS) {
            agents.clear(); // a simple bound: user agents repeat, so the cache fills again with the common ones
        }
        agents.put(userAgent, result);
        return result;
    }

    /** The podcast app {@code userAgent} is attributed to, or null for a bot. */
    public String app(String userAgent) {
        String app = classify(userAgent == null ? "" : userAgent);
        return app == BOT ? null : app;
    }

    /**
     * Takes the downloads that reached the minute since the last drain, and forgets listeners not seen for
     * {@link #WINDOW}.
     */
    public List<Counted> drain() {
        List<Counted> drained = new ArrayList<>();
        for (Counted c; (c = queue.poll()) != null; ) {
            drained.add(c);
        }
        Instant stale = clock.instant().minus(WINDOW);
        listeners.values().removeIf(p -> p.lastSeen().isBefore(stale));
        return drained;
    }

    /** Puts back downloads that {@link #drain()} took but could not be stored, to be tried again. */
    public void restore(List<Counted> downloads) {
        queue.addAll(downloads);
    }

    /** Downloads that reached the minute in this process (before any de-duplication in the database). */
    public long counted() {
        return counted.sum();
    }

    /** Requests not followed because their user agent is a bot's. */
    public long botRequests() {
        return botRequests.sum();
    }

    /** Listeners not followed because {@value #MAX_LISTENERS} were already. */
    public long overflows() {
        return overflows.sum();
    }

    /** Listeners followed now. */
    public int listeners() {
        return listeners.size();
    }

    /** One listener's download of one file: the bytes delivered so far. Thread-safe (guarded by itself). */
    private final class Progress implements Listening {
        private final String file;
        private final AudioSpan span;
        private final String listener;
        private final String previous;
        private final String app;
        private final CoveredBytes covered = new CoveredBytes();
        private boolean done;
        private volatile Instant lastSeen = Instant.EPOCH;

        Progress(String file, AudioSpan span, String listener, String previous, String app) {
            this.file = file;
            this.span = span;
            this.listener = listener;
            this.previous = previous;
            this.app = app;
        }

        void seen(Instant now) {
            lastSeen = now;
        }

        Instant lastSeen() {
            return lastSeen;
        }

        @Override
        public synchronized void delivered(long first, long last) {
            if (done) {
                return;
            }
            long total = covered.add(first, last, span.start(), span.end());
            if (total >= span.needed()) {
                done = true;
                counted.increment();
                queue.add(new Counted(file, clock.instant(), listener, previous, app));
            } else if (covered.intervals() > MAX_RANGES) {
                done = true; // scattered tiny ranges: not a progressive download worth following
            }
        }
    }
}
