package org.callisto.journal;

import java.time.Clock;
import java.util.Optional;
import org.callisto.account.AccountStore;
import org.callisto.account.Role;
import org.callisto.account.Session;
import org.callisto.account.User;

/**
 * Members' profiles: what they wrote, their karma, who invited them, and the notes moderators keep on them (seen
 * and added by editors and administrators only). Thread-safe.
 */
public final class Profiles {
    /** Stories and comments listed on a profile. */
    public static final int LATEST = 20;
    /** Longest note. */
    public static final int MAX_NOTE = 2000;

    private final AccountStore accounts;
    private final JournalStore stories;
    private final CommentStore comments;
    private final VoteStore votes;
    private final MemberNoteStore notes;
    private final Clock clock;

    public Profiles(
            AccountStore accounts,
            JournalStore stories,
            CommentStore comments,
            VoteStore votes,
            MemberNoteStore notes,
            Clock clock) {
        this.accounts = accounts;
        this.stories = stories;
        this.comments = comments;
        this.votes = votes;
        this.notes = notes;
        this.clock = clock;
    }

    /** The profile of the member named {@code name} (any case) as {@code viewer} may see it, if there is one. */
    public Optional<Profile> profile(String name, Session viewer) {
        Optional<User> found;
        try {
            found = accounts.userByName(name);
        } catch (RuntimeException e) {
            return Optional.empty(); // a name no account can have
        }
        return found.map(u -> new Profile(
                u,
                votes.karma(u.id()),
                u.invitedBy().flatMap(accounts::user).map(User::username).orElse(null),
                stories.publishedBy(u.id(), clock.instant(), LATEST),
                comments.byAuthor(u.id(), clock.instant(), LATEST),
                moderator(viewer) ? notes.notes(u.id()) : null));
    }

    /**
     * Adds a moderator's note on a member.
     *
     * @throws JournalRefusal when the session is not a moderator's, the member is not there, or the note is empty
     *     or too long
     */
    public void addNote(Session moderator, long userId, String note) {
        if (!moderator(moderator)) {
            throw new JournalRefusal("only editors and administrators keep notes on members");
        }
        if (note == null || note.isBlank()) {
            throw new JournalRefusal("write the note; it was empty");
        }
        if (note.length() > MAX_NOTE) {
            throw new JournalRefusal("the note is longer than " + MAX_NOTE + " characters; shorten it");
        }
        accounts.user(userId).orElseThrow(() -> new JournalRefusal("there is no member number " + userId));
        notes.add(userId, moderator.user().id(), note.strip(), clock.instant());
    }

    private static boolean moderator(Session s) {
        return s != null && s.user().role().atLeast(Role.EDITOR);
    }
}
