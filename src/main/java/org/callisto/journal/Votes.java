package org.callisto.journal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.callisto.account.Role;
import org.callisto.account.Session;

/**
 * The rules of votes and flags: a member upvotes a published story or a shown comment once (voting again takes the
 * vote back), never their own; flags it once with a {@link FlagReason}, never their own. What
 * {@link #flagThreshold} distinct members flagged is listed for moderators ({@link #flagged}). The journal's
 * "hot" order and the comments' order use {@link Ranking}.
 *
 * <p>Every method takes the acting session and uses only its account, so no one can vote or flag as another.
 * Refusals are {@link JournalRefusal}s whose messages can be shown as they are. Thread-safe.
 */
public final class Votes {
    /** Stories weighed for the hot order: the latest published ones. */
    public static final int HOT_WINDOW = 500;
    /** Rows in the moderators' flag queue. */
    public static final int QUEUE = 200;

    private final VoteStore store;
    private final JournalStore stories;
    private final CommentStore comments;
    private final int flagThreshold;
    private final Clock clock;
    private final com.github.benmanes.caffeine.cache.Cache<Long, Scores> scores =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(200)
                    .build();

    /**
     * The upvotes and flags of a story's comments as of one version of the journal's change clock.
     *
     * @param points upvotes per comment; comments without any are left out
     * @param flags  flags per comment; comments without any are left out
     */
    public record Scores(long version, Map<Long, Integer> points, Map<Long, Integer> flags) {
        public Scores {
            points = Map.copyOf(points);
            flags = Map.copyOf(flags);
        }
    }

    /** @param flagThreshold distinct members whose flags bring an item to the moderators; at least 1 */
    public Votes(VoteStore store, JournalStore stories, CommentStore comments, int flagThreshold, Clock clock) {
        if (flagThreshold < 1) {
            throw new IllegalArgumentException("flag threshold " + flagThreshold + " is below 1");
        }
        this.store = store;
        this.stories = stories;
        this.comments = comments;
        this.flagThreshold = flagThreshold;
        this.clock = clock;
    }

    public VoteStore store() {
        return store;
    }

    public int flagThreshold() {
        return flagThreshold;
    }

    /**
     * Upvotes a story or comment, or takes the member's vote back when they had voted.
     *
     * @return whether the member's vote is there now
     * @throws JournalRefusal when not logged in, the target is not there or not open to votes, or it is their own
     */
    public boolean toggle(Session session, Target target, long id) {
        long author = author(session, target, id, "vote for");
        long me = session.user().id();
        if (store.vote(me, target, id, author, clock.instant())) {
            return true;
        }
        store.unvote(me, target, id);
        return false;
    }

    /**
     * Flags a story or comment with a reason, once.
     *
     * @throws JournalRefusal when not logged in, the target is not there, it is their own, the reason is not one
     *     of the list, or they flagged it already
     */
    public void flag(Session session, Target target, long id, String reason) {
        FlagReason why = FlagReason.of(reason);
        author(session, target, id, "flag");
        if (!store.flag(session.user().id(), target, id, why, clock.instant())) {
            throw new JournalRefusal("you flagged this " + target.key() + " already; moderators see it");
        }
    }

    /**
     * What enough members flagged, most flagged first.
     *
     * @throws JournalRefusal when the session is not an editor's or an administrator's
     */
    public List<Flagged> flagged(Session moderator) {
        if (moderator == null || !moderator.user().role().atLeast(Role.EDITOR)) {
            throw new JournalRefusal("only editors and administrators see flagged stories and comments");
        }
        return store.flagged(flagThreshold, QUEUE);
    }

    /** The latest published stories in hot order at this moment, at most {@code limit}. */
    public List<Story> hot(List<Story> published, int limit) {
        Instant now = clock.instant();
        Map<Long, Integer> votes =
                store.votes(Target.STORY, published.stream().map(Story::id).toList());
        return published.stream()
                .sorted(Comparator.comparingDouble(
                                (Story s) -> Ranking.hot(votes.getOrDefault(s.id(), 0), s.publishedAt(), now))
                        .reversed()
                        .thenComparing(Story::publishedAt, Comparator.reverseOrder()))
                .limit(limit)
                .toList();
    }

    /**
     * The upvotes and flags of the comments {@code ids} under a story, read again only when the journal's change
     * clock has moved (every vote and flag moves it in its own transaction), as {@link Comments} keeps the comments.
     */
    public Scores commentScores(long storyId, List<Long> ids) {
        long version = stories.changeClock();
        Scores known = scores.getIfPresent(storyId);
        if (known != null && known.version() == version) {
            return known;
        }
        Scores fresh = new Scores(version, store.votes(Target.COMMENT, ids), store.flags(Target.COMMENT, ids));
        scores.put(storyId, fresh);
        return fresh;
    }

    /** The account that wrote the target, after checking the session may act on it. */
    private long author(Session session, Target target, long id, String what) {
        if (session == null) {
            throw new JournalRefusal("log in to " + what + " stories and comments");
        }
        long author = switch (target) {
            case STORY ->
                stories.story(id)
                        .filter(s -> s.status() == StoryStatus.PUBLISHED
                                && !s.publishedAt().isAfter(clock.instant()))
                        .orElseThrow(() -> new JournalRefusal("there is no published story number " + id))
                        .authorId();
            case COMMENT ->
                comments.comment(id)
                        .filter(Comment::shown)
                        .orElseThrow(() -> new JournalRefusal("there is no comment number " + id + " to " + what))
                        .authorId();
        };
        if (author == session.user().id()) {
            throw new JournalRefusal("you cannot " + what + " your own " + target.key());
        }
        return author;
    }
}
