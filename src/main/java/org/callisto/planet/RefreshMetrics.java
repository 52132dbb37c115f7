package org.callisto.planet;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The planet's metrics: refresh rounds (a timer), fetch outcomes by kind, entries stored (added and updated) and,
 * when given the subscriptions, the feeds in each state as gauges. Recorded into the registry the composition root
 * passes; {@link #none()} records nothing (commands and tests that do not look).
 *
 * <p>The feeds-by-state gauges read the database at most once per {@link #STATE_CACHE_NANOS}, however often they
 * are scraped or pushed. Thread-safe: Micrometer's meters are, and the cached counts are swapped atomically.
 */
public final class RefreshMetrics {
    static final long STATE_CACHE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Timer rounds;
    private final Map<RefreshOutcome.Kind, Counter> outcomes = new EnumMap<>(RefreshOutcome.Kind.class);
    private final Counter added;
    private final Counter updated;

    private record StateCounts(long readAt, Map<String, Long> counts) {}

    private volatile StateCounts states;

    /** Records into {@code registry}; {@code subscriptions} (may be null) feeds the feeds-by-state gauges. */
    public RefreshMetrics(MeterRegistry registry, SubscriptionStore subscriptions) {
        rounds = Timer.builder("callisto.refresh.rounds")
                .description("Refresh rounds and how long they took")
                .register(registry);
        for (RefreshOutcome.Kind kind : RefreshOutcome.Kind.values()) {
            outcomes.put(
                    kind,
                    Counter.builder("callisto.fetch.outcomes")
                            .description("Feed refreshes by outcome")
                            .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                            .register(registry));
        }
        added = Counter.builder("callisto.entries.stored")
                .description("Entries stored by refreshes")
                .tag("change", "added")
                .register(registry);
        updated = Counter.builder("callisto.entries.stored")
                .description("Entries stored by refreshes")
                .tag("change", "updated")
                .register(registry);
        if (subscriptions != null) {
            for (String state : SubscriptionStore.FEED_STATES) {
                Gauge.builder("callisto.feeds", () -> stateCount(subscriptions, state))
                        .description("Subscribed feeds by state")
                        .tag("state", state)
                        .register(registry);
            }
        }
    }

    /** Metrics that go nowhere. */
    public static RefreshMetrics none() {
        return new RefreshMetrics(new CompositeMeterRegistry(), null);
    }

    /** Counts one feed's refresh. */
    void outcome(RefreshOutcome o) {
        outcomes.get(o.kind()).increment();
        added.increment(o.added());
        updated.increment(o.updated());
    }

    /** Records a finished round. */
    void round(RefreshRound.Summary summary) {
        rounds.record(summary.elapsed());
        states = null; // a round changes states: read them afresh next time
    }

    private double stateCount(SubscriptionStore subscriptions, String state) {
        StateCounts s = states;
        long now = System.nanoTime();
        if (s == null || now - s.readAt() > STATE_CACHE_NANOS) {
            s = new StateCounts(now, subscriptions.countByState());
            states = s;
        }
        return s.counts().getOrDefault(state, 0L);
    }
}
