package org.callisto.journal;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callisto.account.AccountStore;
import org.callisto.account.Session;
import org.callisto.account.User;

/**
 * The rules of notifications: who hears of a reply, a mention or a decision, and the member's own list.
 *
 * <p>A reply notifies the author of the comment answered, or of the story for a top-level comment; a comment that
 * names members as {@code @name} notifies each of them (at most {@link #MAX_MENTIONS} per comment, never the
 * writer, and not twice the one already told of the reply); an editor's decision on a submission notifies its
 * author. Each stored notification is offered to {@link NotificationMail}. A member reads and marks only their own:
 * every method takes the session and passes its account to the store.
 *
 * <p>Thread-safe.
 */
public final class Notifications {
    /** Mentions acted on per comment; more names are left as text. */
    public static final int MAX_MENTIONS = 10;
    /** Notifications listed on the page. */
    public static final int PAGE = 100;
    /** {@code @name} at the start or after a character that cannot be in a name or an address. */
    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_.@-])@([A-Za-z0-9_.-]{3,32})");

    /**
     * How long a member's unread count is reused for the page header. Every write through this class forgets the
     * member's count at once; only a write on another node of the same database shows up to this long late.
     */
    public static final java.time.Duration UNREAD_REUSED = java.time.Duration.ofSeconds(5);

    private final NotificationStore store;
    /** Unread counts by account: the header of every logged-in page shows one. */
    private final com.github.benmanes.caffeine.cache.Cache<Long, Integer> unreadCounts =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .expireAfterWrite(UNREAD_REUSED)
                    .maximumSize(100_000)
                    .build();

    private final CommentStore comments;
    private final AccountStore accounts;
    private final NotificationMail mail;
    private final Clock clock;

    public Notifications(
            NotificationStore store, CommentStore comments, AccountStore accounts, NotificationMail mail, Clock clock) {
        this.store = store;
        this.comments = comments;
        this.accounts = accounts;
        this.mail = mail;
        this.clock = clock;
    }

    /** Tells of a new comment: the author of what it answers, and every member it mentions. */
    void commented(Comment comment, Story story) {
        Long told = comment.parentId() == null
                ? Long.valueOf(story.authorId())
                : comments.comment(comment.parentId()).map(Comment::authorId).orElse(null);
        if (told != null && told.longValue() != comment.authorId()) {
            notify(told, Notification.Kind.REPLY, comment.authorId(), story.id(), comment.id());
        }
        for (String name : mentions(comment.source())) {
            User named = accounts.userByName(name).orElse(null);
            if (named != null && named.id() != comment.authorId() && (told == null || named.id() != told.longValue())) {
                notify(named.id(), Notification.Kind.MENTION, comment.authorId(), story.id(), comment.id());
            }
        }
    }

    /** Tells a submitter of an editor's decision. */
    void decided(Story story, long editorId) {
        Notification.Kind kind =
                story.status() == StoryStatus.PUBLISHED ? Notification.Kind.ACCEPTED : Notification.Kind.REJECTED;
        notify(story.authorId(), kind, editorId, story.id(), null);
    }

    /** The distinct names a text mentions as {@code @name}, in order, at most {@link #MAX_MENTIONS}. */
    static List<String> mentions(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text == null ? "" : text);
        while (m.find() && names.size() < MAX_MENTIONS) {
            String name = m.group(1).replaceAll("[.-]+$", "");
            if (name.length() >= 3) {
                names.add(name.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return List.copyOf(names);
    }

    private void notify(long userId, Notification.Kind kind, Long actorId, Long storyId, Long commentId) {
        Notification n = store.insert(userId, kind, actorId, storyId, commentId, clock.instant());
        unreadCounts.invalidate(userId);
        try {
            mail.send(n);
        } catch (RuntimeException e) {
            // the notification is stored and shown in the site; a mail that failed does not undo the comment
            System.getLogger(Notifications.class.getName())
                    .log(System.Logger.Level.WARNING, "notification mail " + n.id() + " failed: " + e.getMessage());
        }
    }

    /** The session's latest notifications, newest first. */
    public List<Notification> latest(Session session) {
        return store.latest(member(session).id(), PAGE);
    }

    /** How many of the member's notifications are unread (reused for up to {@link #UNREAD_REUSED}). */
    public int unread(long userId) {
        return unreadCounts.get(userId, store::unread);
    }

    /**
     * Marks one of the session's own notifications read.
     *
     * @throws JournalRefusal when it is not theirs (or not there)
     */
    public void markRead(Session session, long id) {
        long userId = member(session).id();
        boolean marked = store.markRead(userId, id, clock.instant());
        unreadCounts.invalidate(userId);
        if (!marked) {
            // the same words whether it belongs to someone else or does not exist: nothing is told about others
            throw new JournalRefusal("you have no unread notification number " + id + "; reload the page");
        }
    }

    /** Marks all of the session's notifications read; how many were unread. */
    public int markAllRead(Session session) {
        long userId = member(session).id();
        int marked = store.markAllRead(userId, clock.instant());
        unreadCounts.invalidate(userId);
        return marked;
    }

    private static User member(Session session) {
        if (session == null) {
            throw new JournalRefusal("log in to see your notifications");
        }
        return session.user();
    }
}
