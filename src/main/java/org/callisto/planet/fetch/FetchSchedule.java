package org.callisto.planet.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Placeholder until the schedule lands. */
public final class FetchSchedule {
    public FetchSchedule(org.callisto.config.Config.FetchConfig c) {
    }

    public Instant next(List<Instant> recent, Duration ttl, Duration freshFor, Instant now) {
        return now.plus(Duration.ofHours(1));
    }

    public Instant afterError(int errors, Duration retryAfter, Instant now) {
        return now.plus(Duration.ofHours(1));
    }
}
