package org.callisto.journal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.callisto.account.Accounts;
import org.callisto.account.Role;
import org.callisto.account.Session;
import org.callisto.account.User;
import org.callisto.html.FragmentPolicy;
import org.callisto.html.FragmentRenderer;

/**
 * The rules of the journal's stories: members submit, editors accept or reject, readers see what was published.
 *
 * <p>Every part a member writes becomes HTML under one policy, {@link FragmentPolicy#submission()}: HTML is validated
 * (problems come back with line:column, and nothing of an invalid story is stored or rendered) and then sanitized;
 * plain text and Markdown are converted and sanitized under the same policy. Field problems end in a
 * {@link JournalRefusal}, rate limits in an {@link org.callisto.account.AccountRefusal}; both messages can be shown
 * as they are.
 *
 * <p>Thread-safe.
 */
public final class Submissions {
    /** Longest headline. */
    public static final int MAX_TITLE = 200;
    /** Longest "from the ... dept" words. */
    public static final int MAX_DEPT = 80;
    /** Longest source link. */
    public static final int MAX_URL = 2000;
    /** Longest rejection reason. */
    public static final int MAX_REASON = 2000;
    /** What stories may contain; built once. */
    private static final FragmentPolicy POLICY = FragmentPolicy.submission();

    private final JournalStore store;
    private final TagStore tags;
    private final Notifications notifications;
    private final Accounts accounts;
    private final FragmentRenderer renderer;
    private final String siteUrl;
    private final Supplier<List<String>> topics;
    private final Clock clock;

    /**
     * @param siteUrl the journal's URL, against which relative links in stories are resolved
     * @param topics  the names a story may be filed under (the planet's categories), read at each submission
     */
    public Submissions(
            JournalStore store, Accounts accounts, String siteUrl, Supplier<List<String>> topics, Clock clock) {
        this(store, new TagStore(store.database(), clock), null, accounts, siteUrl, topics, clock);
    }

    /**
     * @param tags          the stories' tags
     * @param notifications who hears of decisions, or null to tell no one
     * @param siteUrl       the journal's URL, against which relative links in stories are resolved
     * @param topics        the names a story may be filed under (the planet's categories), read at each submission
     */
    public Submissions(
            JournalStore store,
            TagStore tags,
            Notifications notifications,
            Accounts accounts,
            String siteUrl,
            Supplier<List<String>> topics,
            Clock clock) {
        this.store = store;
        this.tags = tags;
        this.notifications = notifications;
        this.accounts = accounts;
        this.renderer = new FragmentRenderer(POLICY, siteUrl);
        this.siteUrl = siteUrl;
        this.topics = topics;
        this.clock = clock;
    }

    public JournalStore store() {
        return store;
    }

    public TagStore tags() {
        return tags;
    }

    /** The names a story may be filed under. */
    public List<String> topics() {
        return topics.get();
    }

    /**
     * Checks a draft and renders both parts, storing nothing.
     *
     * @throws JournalRefusal when a field is missing, too long or not one of the choices
     */
    public Preview preview(Draft draft) {
        Checked c = check(draft);
        return new Preview(
                render(c.format(), c.intro()), c.body() == null ? Rendering.EMPTY : render(c.format(), c.body()));
    }

    /**
     * Stores a draft as a pending story when it is free of problems; counts towards the account's submission limit
     * only then.
     *
     * @throws JournalRefusal when a field is missing, too long or not one of the choices
     * @throws org.callisto.account.AccountRefusal when not logged in or the account submitted too many lately
     */
    public SubmitOutcome submit(Session session, Draft draft) {
        if (session == null) {
            throw new JournalRefusal("log in to submit a story");
        }
        Checked c = check(draft);
        Rendering intro = render(c.format(), c.intro());
        Rendering body = c.body() == null ? Rendering.EMPTY : render(c.format(), c.body());
        if (!intro.valid() || !body.valid()) {
            return new SubmitOutcome.Invalid(new Preview(intro, body));
        }
        accounts.allowSubmission(session);
        Optional<Long> earlier = c.sourceUrl() == null ? Optional.empty() : store.earliestWithSource(c.sourceUrl());
        Story story = store.insert(new JournalStore.NewStory(
                session.user().id(),
                c.title(),
                c.dept(),
                c.topics(),
                c.format(),
                c.intro(),
                c.body(),
                intro.html(),
                body.html().isEmpty() ? null : body.html(),
                c.sourceUrl(),
                earlier.orElse(null),
                now()));
        if (!c.tags().isEmpty()) {
            tags.set(story.id(), c.tags());
        }
        return new SubmitOutcome.Stored(story, earlier.flatMap(store::story));
    }

    /** The published stories, newest first. */
    public List<Story> published(int offset, int limit) {
        return store.published(offset, limit, now());
    }

    /**
     * Stories accepted for a later time, soonest first, for the editors' queue.
     *
     * @throws JournalRefusal when the session is not an editor's or an administrator's
     */
    public List<Story> scheduled(Session editor) {
        requireEditor(editor);
        return store.scheduled(now());
    }

    /**
     * The editor queue, oldest first.
     *
     * @throws JournalRefusal when the session is not an editor's or an administrator's
     */
    public List<Story> queue(Session editor) {
        requireEditor(editor);
        return store.pending();
    }

    /**
     * An editor's revision of a pending story, checked and rendered as a submission is; the story stays pending
     * and keeps its author. Not counted towards any submission limit.
     *
     * @throws JournalRefusal when the session may not, a field is wrong, or the story is no longer pending
     */
    public SubmitOutcome revise(Session editor, long storyId, Draft draft) {
        requireEditor(editor);
        Story story = store.story(storyId)
                .filter(s -> s.status() == StoryStatus.PENDING)
                .orElseThrow(() -> new JournalRefusal("story " + storyId
                        + " is not waiting in the queue; another editor may have" + " decided on it already"));
        return replace(story, draft);
    }

    /**
     * The author's own revision of their story while it waits in the queue, checked and rendered as a submission
     * is. Not counted towards the submission limit.
     *
     * @throws JournalRefusal when not logged in, it is not the session's story, a field is wrong, or an editor has
     *     decided on it already
     */
    public SubmitOutcome reviseOwn(Session author, long storyId, Draft draft) {
        Story story = ownPending(author, storyId);
        return replace(story, draft);
    }

    /**
     * The session's own story while it waits for an editor.
     *
     * @throws JournalRefusal when not logged in, the story is someone else's or not there, or it was decided on
     */
    public Story ownPending(Session author, long storyId) {
        if (author == null) {
            throw new JournalRefusal("log in to change your submissions");
        }
        Story story = store.story(storyId)
                .filter(s -> s.authorId() == author.user().id())
                .orElseThrow(() -> new JournalRefusal("you have no story number " + storyId));
        if (story.status() != StoryStatus.PENDING) {
            throw new JournalRefusal(
                    "story " + storyId + " is no longer waiting for an editor, so it can no longer" + " be changed");
        }
        return story;
    }

    /**
     * Changes the tags of a story, pending or published, as an editor; logged in the public moderation log.
     *
     * @throws JournalRefusal when the session may not, the story is not there, or a tag is not allowed
     */
    public List<String> retag(Session editor, long storyId, String typed, CommentStore log) {
        requireEditor(editor);
        Story story = store.story(storyId).orElseThrow(() -> new JournalRefusal("there is no story number " + storyId));
        List<String> now = Tags.parse(typed, Tags.MAX_PER_STORY);
        tags.set(story.id(), now);
        log.append(
                clock.instant(),
                editor.user().id(),
                "retag",
                "story",
                story.id(),
                now.isEmpty() ? "no tags" : "tags: " + String.join(" ", now));
        return now;
    }

    /**
     * Replaces the tags the session's member hides from the journal's front page.
     *
     * @throws JournalRefusal when not logged in, a tag is not allowed, or there are more than
     *     {@link Tags#MAX_HIDDEN}
     */
    public List<String> hideTags(Session member, String typed) {
        if (member == null) {
            throw new JournalRefusal("log in to hide tags");
        }
        List<String> hidden = Tags.parse(typed, Tags.MAX_HIDDEN);
        tags.setHidden(member.user().id(), hidden);
        return hidden;
    }

    /** Replaces a pending story's text and tags with a checked draft; it keeps its author and stays pending. */
    private SubmitOutcome replace(Story story, Draft draft) {
        long storyId = story.id();
        Checked c = check(draft);
        Rendering intro = render(c.format(), c.intro());
        Rendering body = c.body() == null ? Rendering.EMPTY : render(c.format(), c.body());
        if (!intro.valid() || !body.valid()) {
            return new SubmitOutcome.Invalid(new Preview(intro, body));
        }
        Optional<Long> earlier = c.sourceUrl() == null
                ? Optional.empty()
                : store.earliestWithSource(c.sourceUrl()).filter(id -> id != storyId);
        if (!store.revise(
                storyId,
                new JournalStore.NewStory(
                        story.authorId(),
                        c.title(),
                        c.dept(),
                        c.topics(),
                        c.format(),
                        c.intro(),
                        c.body(),
                        intro.html(),
                        body.html().isEmpty() ? null : body.html(),
                        c.sourceUrl(),
                        earlier.orElse(null),
                        story.submittedAt()))) {
            throw new JournalRefusal(
                    "story " + storyId + " is not waiting in the queue; an editor may have" + " decided on it already");
        }
        tags.set(storyId, c.tags());
        return new SubmitOutcome.Stored(store.story(storyId).orElseThrow(), earlier.flatMap(store::story));
    }

    /**
     * Publishes a pending story now.
     *
     * @throws JournalRefusal when the session may not, or the story is not waiting
     */
    public Story accept(Session editor, long storyId) {
        return accept(editor, storyId, null);
    }

    /**
     * Accepts a pending story for publication at {@code at} (null: now). Until then only its author and the editors
     * see it; the front page, the feeds and the story's page show it from that time on.
     *
     * @throws JournalRefusal when the session may not, the story is not waiting, or {@code at} is in the past
     */
    public Story accept(Session editor, long storyId, Instant at) {
        requireEditor(editor);
        Instant now = now();
        if (at != null && at.isBefore(now.minusSeconds(60))) {
            throw new JournalRefusal("the publication time " + at + " is in the past; give a later one, or leave it"
                    + " empty to publish now");
        }
        decide(editor, storyId, StoryStatus.PUBLISHED, null, at == null || at.isBefore(now) ? now : at);
        return store.story(storyId).orElseThrow();
    }

    /**
     * Opens a discussion of something the site publishes itself (a show's episode): a story by {@code editor},
     * checked and rendered as a submission is, published at {@code at} without waiting in the queue and without
     * counting towards the editor's submission limit.
     *
     * @throws JournalRefusal when the session may not, or a field of the draft is wrong
     */
    public Story openDiscussion(Session editor, Draft draft, Instant at) {
        requireEditor(editor);
        return openDiscussion(editor.user(), draft, at);
    }

    /**
     * Opens a discussion as {@link #openDiscussion(Session, Draft, Instant)} does, by an editor's account rather than
     * a logged-in browser: for what the command line makes (an imported episode).
     *
     * @throws JournalRefusal when the account is no editor's or administrator's, or a field of the draft is wrong
     */
    public Story openDiscussion(User editor, Draft draft, Instant at) {
        if (editor == null || editor.banned() || !editor.role().atLeast(Role.EDITOR)) {
            throw new JournalRefusal("only editors and administrators can open discussions; "
                    + (editor == null ? "no account was given" : editor.username() + " is not one"));
        }
        Checked c = check(draft);
        Rendering intro = render(c.format(), c.intro());
        if (!intro.valid()) {
            throw new JournalRefusal(
                    "the discussion's intro is not valid " + c.format().key() + "; correct it");
        }
        Story story = store.insert(new JournalStore.NewStory(
                editor.id(),
                c.title(),
                c.dept(),
                c.topics(),
                c.format(),
                c.intro(),
                null,
                intro.html(),
                null,
                c.sourceUrl(),
                null,
                now()));
        store.decide(story.id(), StoryStatus.PUBLISHED, null, editor.id(), at);
        return store.story(story.id()).orElseThrow();
    }

    /** Moves the publication time of a discussion opened by {@link #openDiscussion}; false when it is not published. */
    public boolean moveDiscussion(long storyId, Instant at) {
        return store.reschedule(storyId, at);
    }

    /**
     * Rejects a pending story; the reason is shown to the member who submitted it.
     *
     * @throws JournalRefusal when the reason is missing, the session may not, or the story is not waiting
     */
    public Story reject(Session editor, long storyId, String reason) {
        requireEditor(editor);
        if (reason == null || reason.isBlank()) {
            throw new JournalRefusal("give a reason for the rejection; the member who submitted the story sees it");
        }
        if (reason.length() > MAX_REASON) {
            throw new JournalRefusal("the reason is longer than " + MAX_REASON + " characters; shorten it");
        }
        decide(editor, storyId, StoryStatus.REJECTED, reason.strip(), now());
        return store.story(storyId).orElseThrow();
    }

    /**
     * Whether the session may see a story: anyone a published one whose time has come, its author and editors any.
     */
    public boolean visible(Story story, Session viewer) {
        return story.status() == StoryStatus.PUBLISHED && !story.publishedAt().isAfter(now())
                || viewer != null
                        && (viewer.user().id() == story.authorId()
                                || viewer.user().role().atLeast(Role.EDITOR));
    }

    private void decide(Session editor, long storyId, StoryStatus status, String reason, Instant publishAt) {
        Story story = store.story(storyId)
                .orElseThrow(
                        () -> new JournalRefusal("there is no story number " + storyId + "; it may have been removed"));
        if (!store.decide(story.id(), status, reason, editor.user().id(), publishAt)) {
            throw new JournalRefusal(
                    "story " + storyId + " is no longer waiting; another editor may have decided" + " on it already");
        }
        if (notifications != null) {
            notifications.decided(
                    store.story(storyId).orElseThrow(), editor.user().id());
        }
    }

    private static void requireEditor(Session session) {
        if (session == null || !session.user().role().atLeast(Role.EDITOR)) {
            throw new JournalRefusal("only editors and administrators can decide on submitted stories");
        }
    }

    // ---- checking and rendering

    private record Checked(
            String title,
            String dept,
            List<String> topics,
            StoryFormat format,
            String intro,
            String body,
            String sourceUrl,
            List<String> tags) {}

    private Checked check(Draft d) {
        String title = oneLine(d.title());
        if (title.isEmpty()) {
            throw new JournalRefusal("enter a title");
        }
        if (title.length() > MAX_TITLE) {
            throw new JournalRefusal("the title is longer than " + MAX_TITLE + " characters; shorten it");
        }
        String dept = dept(d.dept());
        StoryFormat format = StoryFormat.of(d.format() == null || d.format().isBlank() ? "html" : d.format());
        if (d.intro() == null || d.intro().isBlank()) {
            throw new JournalRefusal("write an intro: the part shown on the journal's front page");
        }
        int max = POLICY.maxLength();
        if (d.intro().length() > max || d.body() != null && d.body().length() > max) {
            throw new JournalRefusal("the intro and the body may have at most " + max + " characters each");
        }
        String body = d.body() == null || d.body().isBlank() ? null : d.body();
        return new Checked(
                title,
                dept,
                topics(d.topics()),
                format,
                d.intro(),
                body,
                sourceUrl(d.sourceUrl()),
                Tags.parse(d.tags(), Tags.MAX_PER_STORY));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\p{Cc}]+", " ").strip();
    }

    /** The dept words without a typed "from the" and "dept" around them, or null. */
    private static String dept(String raw) {
        String d = oneLine(raw).replaceFirst("(?i)^from the\\s+", "").replaceFirst("(?i)\\s+dep(artmen)?t\\.?$", "");
        if (d.isEmpty()) {
            return null;
        }
        if (d.length() > MAX_DEPT) {
            throw new JournalRefusal("the dept is longer than " + MAX_DEPT + " characters; shorten it");
        }
        return d;
    }

    private List<String> topics(List<String> chosen) {
        List<String> known = topics.get();
        List<String> out = new ArrayList<>();
        for (String t : chosen) {
            String name = known.stream()
                    .filter(k -> k.equalsIgnoreCase(t.strip()))
                    .findFirst()
                    .orElseThrow(() -> new JournalRefusal(
                            "'" + shorten(t) + "' is not one of the journal's topics;" + " choose from the list"));
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    private static String sourceUrl(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String url = raw.strip();
        if (url.length() > MAX_URL) {
            throw new JournalRefusal("the link is longer than " + MAX_URL + " characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new JournalRefusal("the link must be a whole web address starting with https:// or http://");
    }

    private Rendering render(StoryFormat format, String source) {
        return Rendering.of(renderer, POLICY, format, source, siteUrl);
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private Instant now() {
        return clock.instant();
    }
}
