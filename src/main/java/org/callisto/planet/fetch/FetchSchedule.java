package org.callisto.planet.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.callisto.config.Config;

/**
 * Decides when a feed is fetched next. The rules, in order:
 * <ol>
 *   <li>After a success (200 or 304) the interval follows the feed's own rhythm: half the median gap between its
 *       {@value #RECENT_ENTRIES} most recent entry dates, or a quarter of the time since its newest entry when that
 *       is longer (a feed gone quiet slows down); {@link #DEFAULT_INTERVAL} when there are fewer than two dates.
 *       The server's hints (RSS {@code ttl}, Cache-Control max-age, Expires) raise it, never lower it. The result
 *       is clamped to [{@code fetch.min_interval}, {@code fetch.max_interval}].</li>
 *   <li>After a 429 or 503 the server's Retry-After is honoured, but never shorter than the minimum interval nor
 *       longer than {@code fetch.backoff_ceiling}; without Retry-After it is treated as an error.</li>
 *   <li>After an error the wait doubles with each consecutive error: {@code min_interval * 2^errors}, with
 *       &plusmn;{@value #JITTER_PERCENT}% random jitter so failing feeds do not all come back at once, capped at
 *       {@code fetch.backoff_ceiling}. A feed is never given up on, and never hammered.</li>
 * </ol>
 *
 * <p>Pure apart from the injected {@link Clock} and {@link RandomGenerator}. Immutable; thread-safe when the
 * random generator is (the default one, backed by {@link ThreadLocalRandom}, is).
 */
public final class FetchSchedule {

    /** The interval for a feed whose rhythm is unknown (fewer than two dated entries). */
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

    /** How many of the newest entry dates the rhythm is measured on. */
    public static final int RECENT_ENTRIES = 20;

    /** The jitter applied to error backoff, in percent either way. */
    public static final int JITTER_PERCENT = 20;

    private static final int MAX_DOUBLINGS = 30;

    private final Duration min;
    private final Duration max;
    private final Duration ceiling;
    private final Clock clock;
    private final RandomGenerator random;

    /** A schedule on {@code clock} with thread-safe randomness. */
    public FetchSchedule(Config.FetchConfig config, Clock clock) {
        this(config, clock, () -> ThreadLocalRandom.current().nextLong());
    }

    /** A schedule with an injected clock and random source, for tests and simulations. */
    public FetchSchedule(Config.FetchConfig config, Clock clock, RandomGenerator random) {
        this.min = config.minInterval();
        this.max = config.maxInterval();
        this.ceiling = config.backoffCeiling().compareTo(min) < 0 ? min : config.backoffCeiling();
        this.clock = clock;
        this.random = random;
    }

    /**
     * When to fetch next after {@code result}.
     *
     * @param result            the fetch just done
     * @param entryDates        publication dates of the feed's entries (any order; nulls and future dates ignored)
     * @param ttl               the feed's RSS {@code <ttl>}, or null
     * @param consecutiveErrors failed fetches in a row, this one included (0 after a success)
     */
    public Instant next(FetchResult result, Collection<Instant> entryDates, Duration ttl, int consecutiveErrors) {
        Duration wait = switch (result.outcome()) {
            case OK, NOT_MODIFIED -> afterSuccess(entryDates, ttl, result.freshFor());
            case RETRY_LATER -> afterRetryLater(result.retryAfter(), consecutiveErrors);
            case GONE, ERROR -> afterError(consecutiveErrors);
        };
        return clock.instant().plus(wait);
    }

    /**
     * The interval after a successful fetch.
     *
     * @param entryDates publication dates of the feed's entries
     * @param ttl        RSS {@code <ttl>}, or null
     * @param freshFor   Cache-Control max-age or Expires from the response, or null
     */
    public Duration afterSuccess(Collection<Instant> entryDates, Duration ttl, Duration freshFor) {
        Duration interval = rhythm(entryDates);
        if (ttl != null && ttl.compareTo(interval) > 0) {
            interval = ttl;
        }
        if (freshFor != null && freshFor.compareTo(interval) > 0) {
            interval = freshFor;
        }
        return clamp(interval, min, max);
    }

    /**
     * The interval after a 429 or 503.
     *
     * @param retryAfter        the server's Retry-After, or null
     * @param consecutiveErrors failed fetches in a row, this one included; used when there is no Retry-After
     */
    public Duration afterRetryLater(Duration retryAfter, int consecutiveErrors) {
        if (retryAfter == null) {
            return afterError(consecutiveErrors);
        }
        return clamp(retryAfter, min, ceiling);
    }

    /**
     * The interval after an error: exponential backoff with jitter.
     *
     * @param consecutiveErrors failed fetches in a row, this one included (values below 1 count as 1)
     */
    public Duration afterError(int consecutiveErrors) {
        int doublings = Math.min(Math.max(1, consecutiveErrors), MAX_DOUBLINGS);
        double base = min.toMillis() * Math.pow(2, doublings);
        double jitter = 1 + (random.nextDouble() * 2 - 1) * JITTER_PERCENT / 100.0;
        double millis = Math.min(base * jitter, ceiling.toMillis());
        return clamp(Duration.ofMillis((long) millis), min, ceiling);
    }

    /** Half the median gap between recent entries, or a quarter of the quiet time since the newest one. */
    private Duration rhythm(Collection<Instant> entryDates) {
        Instant now = clock.instant();
        List<Instant> dates = new ArrayList<>();
        if (entryDates != null) {
            for (Instant d : entryDates) {
                if (d != null && !d.isAfter(now)) {
                    dates.add(d);
                }
            }
        }
        dates.sort(Comparator.reverseOrder());
        if (dates.size() > RECENT_ENTRIES) {
            dates = dates.subList(0, RECENT_ENTRIES);
        }
        if (dates.size() < 2) {
            return DEFAULT_INTERVAL;
        }
        List<Duration> gaps = new ArrayList<>(dates.size() - 1);
        for (int i = 1; i < dates.size(); i++) {
            gaps.add(Duration.between(dates.get(i), dates.get(i - 1)));
        }
        gaps.sort(Comparator.naturalOrder());
        int mid = gaps.size() / 2;
        Duration median = gaps.size() % 2 == 1
                ? gaps.get(mid)
                : gaps.get(mid - 1).plus(gaps.get(mid)).dividedBy(2);
        Duration fromRhythm = median.dividedBy(2);
        Duration quiet = Duration.between(dates.getFirst(), now).dividedBy(4);
        return quiet.compareTo(fromRhythm) > 0 ? quiet : fromRhythm;
    }

    private static Duration clamp(Duration d, Duration low, Duration high) {
        if (d.compareTo(low) < 0) {
            return low;
        }
        return d.compareTo(high) > 0 ? high : d;
    }
}
