package org.callisto.journal;

import java.time.Duration;
import java.time.Instant;

/**
 * The two orderings of the journal, as formulas (documented in {@code docs/journal.md}). Stateless.
 *
 * <ul>
 *   <li><b>hot</b> for stories: {@code (votes + 1) / (hours since publication + 2) ^ 1.8}. The +1 lets a new story
 *       without votes start above an old one with few; the +2 keeps a story's first hours from dividing by almost
 *       nothing; the exponent 1.8 (as on Hacker News) makes a day-old story need about ten times the votes of a
 *       two-hour-old one to stay level with it.
 *   <li><b>confidence</b> for comments: the lower bound of the Wilson score interval at 95% (z = 1.96) for
 *       the share of upvotes among upvotes and flags, so a comment with 10 upvotes and no flag ranks above one
 *       with 1 upvote, and unvoted comments stay in posting order behind voted ones.
 * </ul>
 */
public final class Ranking {
    /** How strongly age pulls a story down. */
    public static final double GRAVITY = 1.8;
    /** z for a 95% confidence interval. */
    private static final double Z = 1.96;

    private Ranking() {}

    /** A story's hot score at {@code now}. */
    public static double hot(int votes, Instant publishedAt, Instant now) {
        double hours = Math.max(0, Duration.between(publishedAt, now).toMillis()) / 3_600_000.0;
        return (Math.max(0, votes) + 1) / Math.pow(hours + 2, GRAVITY);
    }

    /** The lower bound of the Wilson score interval for {@code up} positive out of {@code up + down}; 0 for none. */
    public static double wilsonLowerBound(int up, int down) {
        int n = up + down;
        if (n <= 0) {
            return 0;
        }
        double p = (double) up / n;
        double z2 = Z * Z;
        return (p + z2 / (2 * n) - Z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n);
    }
}
