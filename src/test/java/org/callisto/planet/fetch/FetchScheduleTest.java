package org.callisto.planet.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.callisto.config.Config;
import org.callisto.config.ConfigLoader;
import org.callisto.planet.fetch.FetchResult.FetchError;
import org.callisto.planet.fetch.FetchResult.Outcome;
import org.junit.jupiter.api.Test;

class FetchScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Config.FetchConfig CONFIG = ConfigLoader.of(Map.of()).fetch(); // 15 min .. 24 h, ceiling 24 h

    /** A "random" source always giving {@code value} from nextDouble. */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    private static FetchSchedule schedule() {
        return new FetchSchedule(CONFIG, CLOCK, fixed(0.5)); // 0.5 means no jitter
    }

    /** {@code count} entries, the newest {@code sinceNewest} ago, one every {@code gap}. */
    private static List<Instant> entries(int count, Duration gap, Duration sinceNewest) {
        List<Instant> dates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dates.add(NOW.minus(sinceNewest).minus(gap.multipliedBy(i)));
        }
        return dates;
    }

    @Test
    void intervalIsHalfTheMedianGapBetweenEntries() {
        Duration interval = schedule().afterSuccess(entries(10, Duration.ofHours(4), Duration.ZERO), null, null);

        assertThat(interval).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void medianIgnoresOneOutlierGap() {
        List<Instant> dates = entries(9, Duration.ofHours(2), Duration.ZERO);
        dates.add(NOW.minus(Duration.ofDays(30)));

        assertThat(schedule().afterSuccess(dates, null, null)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void busyFeedIsClampedToTheMinimumInterval() {
        Duration interval = schedule().afterSuccess(entries(20, Duration.ofMinutes(2), Duration.ZERO), null, null);

        assertThat(interval).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void rareFeedIsClampedToTheMaximumInterval() {
        Duration interval = schedule().afterSuccess(entries(5, Duration.ofDays(7), Duration.ZERO), null, null);

        assertThat(interval).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void feedGoneQuietSlowsDown() {
        Duration interval = schedule().afterSuccess(entries(10, Duration.ofHours(1), Duration.ofHours(40)), null, null);

        assertThat(interval).isEqualTo(Duration.ofHours(10));
    }

    @Test
    void unknownRhythmUsesTheDefault() {
        assertThat(schedule().afterSuccess(List.of(), null, null)).isEqualTo(FetchSchedule.DEFAULT_INTERVAL);
        assertThat(schedule().afterSuccess(List.of(NOW.minusSeconds(60)), null, null))
                .isEqualTo(FetchSchedule.DEFAULT_INTERVAL);
    }

    @Test
    void futureDatesAreIgnored() {
        List<Instant> dates = entries(10, Duration.ofHours(4), Duration.ZERO);
        dates.add(NOW.plus(Duration.ofDays(365)));

        assertThat(schedule().afterSuccess(dates, null, null)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void rssTtlRaisesTheInterval() {
        Duration interval =
                schedule().afterSuccess(entries(10, Duration.ofHours(1), Duration.ZERO), Duration.ofHours(3), null);

        assertThat(interval).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void serverFreshnessRaisesButNeverLowersTheInterval() {
        List<Instant> dates = entries(10, Duration.ofHours(8), Duration.ZERO);

        assertThat(schedule().afterSuccess(dates, null, Duration.ofHours(6))).isEqualTo(Duration.ofHours(6));
        assertThat(schedule().afterSuccess(dates, Duration.ofMinutes(5), Duration.ofMinutes(1)))
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void hintsAreStillCappedByTheMaximumInterval() {
        assertThat(schedule().afterSuccess(List.of(), Duration.ofDays(3), null)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void retryAfterIsHonoured() {
        assertThat(schedule().afterRetryLater(Duration.ofHours(2), 1)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void shortRetryAfterIsRaisedToTheMinimumInterval() {
        assertThat(schedule().afterRetryLater(Duration.ofSeconds(120), 1)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void longRetryAfterIsCappedAtTheBackoffCeiling() {
        assertThat(schedule().afterRetryLater(Duration.ofDays(30), 1)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void retryLaterWithoutRetryAfterBacksOffLikeAnError() {
        assertThat(schedule().afterRetryLater(null, 2)).isEqualTo(schedule().afterError(2));
    }

    @Test
    void errorsBackOffExponentially() {
        FetchSchedule s = schedule();

        assertThat(s.afterError(1)).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.afterError(2)).isEqualTo(Duration.ofMinutes(60));
        assertThat(s.afterError(3)).isEqualTo(Duration.ofMinutes(120));
        assertThat(s.afterError(5)).isEqualTo(Duration.ofMinutes(480));
    }

    @Test
    void errorBackoffIsCappedAtTheCeilingAndNeverGivesUp() {
        assertThat(schedule().afterError(10)).isEqualTo(Duration.ofHours(24));
        assertThat(schedule().afterError(10_000)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void jitterSpreadsErrorsByAtMostTwentyPercent() {
        FetchSchedule low = new FetchSchedule(CONFIG, CLOCK, fixed(0.0));
        FetchSchedule high = new FetchSchedule(CONFIG, CLOCK, fixed(0.999_999));

        assertThat(low.afterError(2)).isEqualTo(Duration.ofMinutes(48));
        assertThat(high.afterError(2)).isBetween(Duration.ofMinutes(71), Duration.ofMinutes(72));
    }

    @Test
    void realRandomJitterStaysWithinBounds() {
        FetchSchedule s = new FetchSchedule(CONFIG, CLOCK, RandomGenerator.of("L64X128MixRandom"));
        for (int i = 0; i < 200; i++) {
            assertThat(s.afterError(3)).isBetween(Duration.ofMinutes(96), Duration.ofMinutes(144));
        }
    }

    @Test
    void nextPicksTheRuleByOutcome() {
        FetchSchedule s = schedule();
        FetchResult ok = result(Outcome.OK, null, Duration.ofHours(5));
        FetchResult limited = result(Outcome.RETRY_LATER, Duration.ofHours(3), null);
        FetchResult failed = result(Outcome.ERROR, null, null);

        assertThat(s.next(ok, List.of(), null, 0)).isEqualTo(NOW.plus(Duration.ofHours(5)));
        assertThat(s.next(limited, List.of(), null, 1)).isEqualTo(NOW.plus(Duration.ofHours(3)));
        assertThat(s.next(failed, List.of(), null, 1)).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    }

    private static FetchResult result(Outcome outcome, Duration retryAfter, Duration freshFor) {
        FetchError error = outcome == Outcome.OK ? null : FetchError.OTHER;
        return new FetchResult(
                outcome,
                200,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                retryAfter,
                freshFor,
                error,
                null,
                Duration.ZERO);
    }
}
