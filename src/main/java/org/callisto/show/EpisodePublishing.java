package org.callisto.show;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.callisto.account.Role;
import org.callisto.account.Session;
import org.callisto.account.User;
import org.callisto.journal.CommentStore;
import org.callisto.journal.Draft;
import org.callisto.journal.JournalRefusal;
import org.callisto.journal.Story;
import org.callisto.journal.Submissions;

/**
 * Publishing an episode from the browser: publish now, schedule for a time, unpublish, delete (logged in the public
 * moderation log), and the episode's discussion in the journal.
 *
 * <p>Publication is a time, not an event: an episode (and its discussion story) is shown by every page, feed and
 * node from its release time on, so a scheduled publication happens exactly once however many nodes serve the site,
 * with nothing to run at that time. The discussion story is opened once per episode: {@link
 * EpisodePublishingStore#claimDiscussion} lets one caller win even when two nodes publish the same episode at the
 * same moment; its publication time follows the episode's.
 *
 * <p>Unpublishing moves the release time to {@link #UNPUBLISHED}, a time that never comes: the episode leaves pages,
 * feeds and search at once, keeps its guid, notes and files, and comes back when published or scheduled again.
 *
 * <p>Thread-safe: the stores and services are.
 */
public final class EpisodePublishing {
    /** The release time of an unpublished episode. */
    public static final Instant UNPUBLISHED = Instant.parse("9999-12-31T00:00:00Z");

    private final EpisodeStore episodes;
    private final EpisodePublishingStore extras;
    private final Submissions submissions;
    private final CommentStore log;
    private final ShowUrls urls;
    private final Clock clock;

    public EpisodePublishing(
            EpisodeStore episodes,
            EpisodePublishingStore extras,
            Submissions submissions,
            CommentStore log,
            URI siteUrl,
            Clock clock) {
        this.episodes = episodes;
        this.extras = extras;
        this.submissions = submissions;
        this.log = log;
        this.urls = new ShowUrls(siteUrl);
        this.clock = clock;
    }

    /** The store of artwork, posters and discussions. */
    public EpisodePublishingStore extras() {
        return extras;
    }

    /** Whether an episode is unpublished (rather than scheduled or released). */
    public static boolean unpublished(Episode e) {
        return !e.publishedAt().isBefore(UNPUBLISHED);
    }

    /** Publishes the episode now, and opens or moves its discussion. */
    public void publishNow(Session editor, Episode e) {
        requireEditor(editor);
        at(editor, e, clock.instant());
    }

    /**
     * Schedules the episode for {@code typed} (UTC, {@code 2026-03-05T18:00}); its discussion follows.
     *
     * @throws ShowRefusal when the time is not a time or is in the past
     */
    public void schedule(Session editor, Episode e, String typed) {
        requireEditor(editor);
        Instant at = EpisodeEditor.time(typed);
        if (at.isBefore(clock.instant().minusSeconds(60))) {
            throw new ShowRefusal(
                    "the time " + typed.strip() + " is in the past; give a later one in UTC, or" + " publish now");
        }
        at(editor, e, at);
    }

    /** Takes the episode (and its discussion) off the site and the feeds until it is published again. */
    public void unpublish(Session editor, Episode e) {
        requireEditor(editor);
        if (!episodes.setPublishedAt(e.id(), UNPUBLISHED)) {
            throw gone(e);
        }
        Long story = extras.extras(e.id()).storyId();
        if (story != null) {
            submissions.moveDiscussion(story, UNPUBLISHED);
        }
    }

    /**
     * Deletes the episode with its notes, guests, transcripts, renditions and chapters (its files stay in the media
     * directory), and records who did it and why in the public moderation log. Its discussion stays in the journal.
     *
     * @throws ShowRefusal when no reason is given
     */
    public void delete(Session editor, Episode e, String reason) {
        requireEditor(editor);
        String why = reason == null ? "" : EpisodeEditor.clean(reason).strip();
        if (why.isEmpty()) {
            throw new ShowRefusal("give a reason for deleting episode " + e.number() + "; the moderation log shows it");
        }
        if (why.length() > 2_000) {
            throw new ShowRefusal(
                    "the reason has " + why.length() + " characters, more than the 2000 allowed;" + " shorten it");
        }
        if (episodes.episode(e.number()).filter(x -> x.id() == e.id()).isEmpty()) {
            throw gone(e);
        }
        // logged first: a deletion is never without its line in the log, even if the process stops between the two
        log.appendOther(
                clock.instant(),
                editor.user().id(),
                "delete-episode",
                "episode",
                e.number(),
                "\"" + e.title() + "\": " + why);
        episodes.deleteEpisode(e.id());
    }

    private void at(Session editor, Episode e, Instant at) {
        if (!episodes.setPublishedAt(e.id(), at)) {
            throw gone(e);
        }
        discussion(editor.user(), e, at);
    }

    /** What {@link #openDiscussion(User, Episode)} did. */
    public enum DiscussionOutcome {
        /** This call opened the discussion. */
        OPENED,
        /** The episode had its discussion already (moved to the episode's release time when that changed). */
        ALREADY_OPEN,
        /** Another caller is opening it at this moment. */
        BEING_OPENED
    }

    /**
     * Gives an episode made outside the browser (imported by {@code show import-markdown} or {@code show
     * import-feed}) its discussion, as publishing it in the browser does: a story by {@code editor}, published at
     * the episode's release time. Idempotent: an episode never gets two discussions, however often it is imported
     * and however many nodes do it; an open discussion only follows the episode's release time.
     *
     * @throws ShowRefusal when {@code editor} is no editor's or administrator's account, or the journal refuses
     */
    public DiscussionOutcome openDiscussion(User editor, Episode e) {
        if (editor == null || editor.banned() || !editor.role().atLeast(Role.EDITOR)) {
            throw new ShowRefusal("discussions are opened by an editor or administrator; "
                    + (editor == null ? "no account was given" : editor.username() + " is not one"));
        }
        Long story = extras.extras(e.id()).storyId();
        if (story != null) {
            boolean moved = submissions
                    .store()
                    .story(story)
                    .map(s -> s.publishedAt() != null && !s.publishedAt().equals(e.publishedAt()))
                    .orElse(false);
            if (moved) {
                submissions.moveDiscussion(story, e.publishedAt());
            }
            return DiscussionOutcome.ALREADY_OPEN;
        }
        return discussion(editor, e, e.publishedAt()) ? DiscussionOutcome.OPENED : DiscussionOutcome.BEING_OPENED;
    }

    /**
     * Opens the episode's discussion if it has none, or moves its publication time to {@code at}; true when this call
     * opened it.
     */
    private boolean discussion(User editor, Episode e, Instant at) {
        Long story = extras.extras(e.id()).storyId();
        if (story != null) {
            submissions.moveDiscussion(story, at);
            return false;
        }
        if (!extras.claimDiscussion(e.id())) {
            return false; // another node or request opens it
        }
        try {
            String summary = e.summary() == null || e.summary().isBlank()
                    ? "Episode " + e.number() + " of the show."
                    : e.summary();
            Story opened;
            try {
                opened = submissions.openDiscussion(editor, draft(e, summary), at);
            } catch (JournalRefusal tooMuch) {
                // an imported summary can be longer than a story's intro, or HTML the story policy refuses: the
                // discussion then starts with the summary's first words as plain text
                String text = org.callisto.html.HtmlText.toPlainText(ShowNotesHtml.markdown(summary, urls.site()));
                String plain = Curation.markdownText(shorten(text.strip().replaceAll("\\s+", " "), 300));
                opened = submissions.openDiscussion(
                        editor, draft(e, plain.isBlank() ? "Episode " + e.number() + " of the show." : plain), at);
            }
            extras.setDiscussion(e.id(), opened.id());
            return true;
        } catch (JournalRefusal r) {
            extras.setDiscussion(e.id(), null);
            throw new ShowRefusal(
                    "the episode is published, but its discussion could not be opened: " + r.getMessage());
        } catch (RuntimeException ex) {
            extras.setDiscussion(e.id(), null);
            throw ex;
        }
    }

    private Draft draft(Episode e, String intro) {
        return new Draft(
                shorten("Episode " + e.number() + ": " + e.title(), Submissions.MAX_TITLE),
                "",
                List.of(),
                "markdown",
                intro + "\n\nListen: " + urls.episode(e),
                "",
                urls.episode(e));
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static ShowRefusal gone(Episode e) {
        return new ShowRefusal("episode " + e.number() + " no longer exists; reload the list of episodes");
    }

    private static void requireEditor(Session s) {
        if (s == null || !s.user().role().atLeast(Role.EDITOR)) {
            throw new ShowRefusal("only editors and administrators can publish episodes; nothing was changed");
        }
    }
}
