package org.callisto.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.callisto.account.Accounts;
import org.callisto.account.Role;
import org.callisto.account.Session;
import org.callisto.account.User;
import org.callisto.html.FragmentPolicy;
import org.callisto.html.FragmentRenderer;

/**
 * The rules of comments under published stories and of their moderation.
 *
 * <p>Comments are written in the formats of stories and go through {@link FragmentPolicy#comment()}: HTML with
 * problems is refused with each problem's line:column and nothing of it is stored or rendered. A reply is one level
 * deeper than the comment it answers, up to {@link #MAX_DEPTH}; a reply to a comment at that depth is refused (the
 * page offers no reply form there). Authors may change a comment for {@link #EDIT_WINDOW} after posting it and
 * delete it at any time; a deleted comment stays as a "[deleted]" placeholder so its replies keep their place.
 *
 * <p>Editors and administrators hide comments, lock and unlock a story's discussion and ban members; each action
 * needs a reason and adds a row to the public moderation log. Refusals are {@link JournalRefusal}s, rate limits
 * {@link org.callisto.account.AccountRefusal}s; both messages can be shown as they are.
 *
 * <p>Thread-safe.
 */
public final class Comments {
    /** The deepest reply level; top-level comments are at depth 1. */
    public static final int MAX_DEPTH = 8;
    /** How long after posting its author may change a comment. */
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);
    /** Longest moderation reason. */
    public static final int MAX_REASON = 2000;
    /** What comments may contain; built once, since building a policy costs more than checking a comment. */
    private static final FragmentPolicy POLICY = FragmentPolicy.comment();

    private final CommentStore store;
    private final JournalStore stories;
    private final Accounts accounts;
    private final FragmentRenderer renderer;
    private final String siteUrl;
    private final Clock clock;
    private final Notifications notifications;
    private final com.github.benmanes.caffeine.cache.Cache<Long, Discussion> discussions =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(200)
                    .build();

    public Comments(CommentStore store, JournalStore stories, Accounts accounts, String siteUrl, Clock clock) {
        this(store, stories, accounts, null, siteUrl, clock);
    }

    /** @param notifications who hears of replies and mentions, or null to tell no one */
    public Comments(
            CommentStore store,
            JournalStore stories,
            Accounts accounts,
            Notifications notifications,
            String siteUrl,
            Clock clock) {
        this.notifications = notifications;
        this.store = store;
        this.stories = stories;
        this.accounts = accounts;
        this.renderer = new FragmentRenderer(POLICY, siteUrl);
        this.siteUrl = siteUrl;
        this.clock = clock;
    }

    public CommentStore store() {
        return store;
    }

    /** A story's comments, oldest first; pages arrange them into threads by {@link Comment#parentId()}. */
    public List<Comment> comments(long storyId) {
        return discussion(storyId).comments();
    }

    /** A story's comments and lock as of one version of the journal's change clock. */
    record Discussion(long version, List<Comment> comments, boolean locked) {}

    /**
     * A story's comments and lock, read again only when the journal's change clock has moved: every write to
     * comments and locks moves it in the same transaction, on any node, so one small read replaces reading every
     * comment of a long thread on each request of a logged-in member.
     */
    private Discussion discussion(long storyId) {
        long version = stories.changeClock();
        Discussion known = discussions.getIfPresent(storyId);
        if (known != null && known.version() == version) {
            return known;
        }
        Discussion fresh = new Discussion(version, List.copyOf(store.byStory(storyId)), store.locked(storyId));
        discussions.put(storyId, fresh);
        return fresh;
    }

    /** How many comments readers see under each story; stories without any are left out. */
    public Map<Long, Integer> counts(List<Long> storyIds) {
        return store.counts(storyIds);
    }

    /** Whether a story's discussion is closed to new comments. */
    public boolean locked(long storyId) {
        return discussion(storyId).locked();
    }

    /** Whether the session's author may still change this comment. */
    public boolean editable(Comment comment, Session session) {
        return session != null
                && session.user().id() == comment.authorId()
                && comment.shown()
                && clock.instant().isBefore(comment.createdAt().plus(EDIT_WINDOW));
    }

    /**
     * Posts a comment under a published story, or a reply to one of its comments.
     *
     * @param parentId the comment answered, or null for a new thread
     * @throws JournalRefusal when the story is not open for comments, the reply is too deep, or a field is wrong
     * @throws org.callisto.account.AccountRefusal when not logged in or over the comment limit
     */
    public CommentOutcome post(Session session, long storyId, Long parentId, String format, String source) {
        if (session == null) {
            throw new JournalRefusal("log in to comment");
        }
        Story story = stories.story(storyId)
                .filter(s -> s.status() == StoryStatus.PUBLISHED)
                .orElseThrow(() -> new JournalRefusal("there is no published story number " + storyId));
        if (store.locked(story.id())) {
            throw new JournalRefusal("the discussion of this story is locked by a moderator; no new comments");
        }
        Long threadId = null;
        int depth = 1;
        if (parentId != null) {
            Comment parent = store.comment(parentId)
                    .filter(p -> p.storyId() == storyId)
                    .orElseThrow(
                            () -> new JournalRefusal("there is no comment number " + parentId + " under this story"));
            if (parent.depth() >= MAX_DEPTH) {
                throw new JournalRefusal("this thread is " + MAX_DEPTH + " replies deep, as deep as threads go;"
                        + " reply to an earlier comment in it instead");
            }
            threadId = parent.threadId();
            depth = parent.depth() + 1;
        }
        StoryFormat f = format(format);
        String text = text(source);
        Rendering r = render(f, text);
        if (!r.valid()) {
            return new CommentOutcome.Invalid(r);
        }
        accounts.allowComment(session);
        Comment stored = store.insert(new CommentStore.NewComment(
                storyId, parentId, threadId, depth, session.user().id(), f, text, r.html(), clock.instant()));
        if (notifications != null) {
            notifications.commented(stored, story);
        }
        return new CommentOutcome.Stored(stored);
    }

    /**
     * Changes one's own comment within {@link #EDIT_WINDOW} of posting it.
     *
     * @throws JournalRefusal when it is not the session's, the window has passed, or it was deleted or hidden
     */
    public CommentOutcome edit(Session session, long commentId, String format, String source) {
        Comment c = own(session, commentId);
        if (!c.shown()) {
            throw new JournalRefusal("this comment was deleted or hidden and can no longer be changed");
        }
        if (!clock.instant().isBefore(c.createdAt().plus(EDIT_WINDOW))) {
            throw new JournalRefusal("comments can be changed for " + EDIT_WINDOW.toMinutes()
                    + " minutes after posting; this one can no longer be changed, but you can delete it");
        }
        StoryFormat f = format(format);
        String text = text(source);
        Rendering r = render(f, text);
        if (!r.valid()) {
            return new CommentOutcome.Invalid(r);
        }
        if (!store.edit(c.id(), f, text, r.html(), clock.instant())) {
            throw new JournalRefusal("this comment was deleted or hidden and can no longer be changed");
        }
        return new CommentOutcome.Stored(store.comment(c.id()).orElseThrow());
    }

    /**
     * Deletes one's own comment: readers see "[deleted]" in its place and its replies stay where they were.
     *
     * @throws JournalRefusal when it is not the session's
     */
    public Comment delete(Session session, long commentId) {
        Comment c = own(session, commentId);
        store.delete(c.id());
        return store.comment(c.id()).orElseThrow();
    }

    // ---- moderation: each action needs a reason and is logged

    /**
     * Hides a comment from readers ("[hidden by a moderator]"); editors still see it.
     *
     * @throws JournalRefusal when the session may not, the reason is missing, or it is hidden already
     */
    public Comment hide(Session editor, long commentId, String reason) {
        String why = moderation(editor, reason);
        Comment c = store.comment(commentId)
                .orElseThrow(() -> new JournalRefusal("there is no comment number " + commentId));
        if (!store.hide(c.id())) {
            throw new JournalRefusal("comment " + commentId + " is hidden already");
        }
        store.append(clock.instant(), editor.user().id(), "hide", "comment", c.id(), why);
        return store.comment(c.id()).orElseThrow();
    }

    /**
     * Shows a hidden comment again: the undo of {@link #hide}, logged as {@code unhide}.
     *
     * @throws JournalRefusal when the session may not, the reason is missing, or it is not hidden
     */
    public Comment unhide(Session editor, long commentId, String reason) {
        String why = moderation(editor, reason);
        Comment c = store.comment(commentId)
                .orElseThrow(() -> new JournalRefusal("there is no comment number " + commentId));
        if (!store.unhide(c.id())) {
            throw new JournalRefusal("comment " + commentId + " is not hidden");
        }
        store.append(clock.instant(), editor.user().id(), "unhide", "comment", c.id(), why);
        return store.comment(c.id()).orElseThrow();
    }

    /**
     * Closes a story's discussion: its comments stay, no new ones or replies can be posted.
     *
     * @throws JournalRefusal when the session may not, the reason is missing, or it is locked already
     */
    public void lock(Session editor, long storyId, String reason) {
        String why = moderation(editor, reason);
        Story story =
                stories.story(storyId).orElseThrow(() -> new JournalRefusal("there is no story number " + storyId));
        if (!store.lock(story.id(), editor.user().id(), clock.instant())) {
            throw new JournalRefusal("the discussion of story " + storyId + " is locked already");
        }
        store.append(clock.instant(), editor.user().id(), "lock", "story", story.id(), why);
    }

    /**
     * Opens a locked discussion again.
     *
     * @throws JournalRefusal when the session may not, the reason is missing, or it is not locked
     */
    public void unlock(Session editor, long storyId, String reason) {
        String why = moderation(editor, reason);
        if (!store.unlock(storyId)) {
            throw new JournalRefusal("the discussion of story " + storyId + " is not locked");
        }
        store.append(clock.instant(), editor.user().id(), "unlock", "story", storyId, why);
    }

    /**
     * Bans an account ({@link Accounts#ban}: its sessions end, it can no longer log in) and logs it.
     *
     * @throws JournalRefusal when the reason is missing
     * @throws org.callisto.account.AccountRefusal when the session may not ban that account
     */
    public User ban(Session editor, long userId, String reason) {
        String why = moderation(editor, reason);
        User banned = accounts.ban(editor, userId, why);
        store.append(clock.instant(), editor.user().id(), "ban", "user", userId, why);
        return banned;
    }

    /** The public moderation log, newest first. */
    public List<ModerationEntry> log(int offset, int limit) {
        return store.log(offset, limit);
    }

    // ---- helpers

    private static String moderation(Session editor, String reason) {
        if (editor == null || !editor.user().role().atLeast(Role.EDITOR)) {
            throw new JournalRefusal("only editors and administrators can moderate comments");
        }
        if (reason == null || reason.isBlank()) {
            throw new JournalRefusal("give a reason; it is shown in the public moderation log");
        }
        if (reason.length() > MAX_REASON) {
            throw new JournalRefusal("the reason is longer than " + MAX_REASON + " characters; shorten it");
        }
        return reason.strip();
    }

    private Comment own(Session session, long commentId) {
        if (session == null) {
            throw new JournalRefusal("log in first");
        }
        Comment c = store.comment(commentId)
                .orElseThrow(() -> new JournalRefusal("there is no comment number " + commentId));
        if (c.authorId() != session.user().id()) {
            throw new JournalRefusal("only its author can change or delete a comment");
        }
        return c;
    }

    private static StoryFormat format(String format) {
        return StoryFormat.of(format == null || format.isBlank() ? "markdown" : format);
    }

    private static String text(String source) {
        if (source == null || source.isBlank()) {
            throw new JournalRefusal("write something: the comment is empty");
        }
        int max = POLICY.maxLength();
        if (source.length() > max) {
            throw new JournalRefusal("a comment may have at most " + max + " characters");
        }
        return source;
    }

    private Rendering render(StoryFormat format, String source) {
        return Rendering.of(renderer, POLICY, format, source, siteUrl);
    }

    /** When now is, for pages that show relative times. */
    public Instant now() {
        return clock.instant();
    }
}
