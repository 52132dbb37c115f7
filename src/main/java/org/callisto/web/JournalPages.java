package org.callisto.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import org.callisto.account.AccountRefusal;
import org.callisto.account.Role;
import org.callisto.account.Session;
import org.callisto.journal.Comments;
import org.callisto.journal.Draft;
import org.callisto.journal.JournalRefusal;
import org.callisto.journal.Preview;
import org.callisto.journal.Story;
import org.callisto.journal.StoryStatus;
import org.callisto.journal.Submissions;
import org.callisto.journal.SubmitOutcome;
import org.callisto.journal.TagStore;
import org.callisto.journal.Tags;
import org.callisto.journal.Target;
import org.callisto.journal.VoteStore;
import org.callisto.journal.Votes;
import org.callisto.syndication.AtomWriter;
import org.callisto.syndication.FeedInfo;
import org.callisto.syndication.Item;
import org.callisto.syndication.RssWriter;
import org.callisto.web.view.CommentSection;
import org.callisto.web.view.JournalPage;
import org.callisto.web.view.PageMeta;
import org.callisto.web.view.QueuePage;
import org.callisto.web.view.StoryPage;
import org.callisto.web.view.StoryView;
import org.callisto.web.view.SubmitPage;
import org.callisto.web.view.TagPage;
import org.callisto.web.view.VoteForm;

/**
 * The journal's pages: the front page of published stories ({@code /journal}), a story ({@code /stories/{id}}),
 * the submission form with its preview ({@code /submit}), the editor queue ({@code /editor/queue}) and the stories'
 * feeds ({@code /journal/atom.xml}, {@code /journal/rss.xml}). The reading pages return their {@link Rendered}
 * body, so that {@link WebServer} can serve anonymous readers from the journal's page cache. Thread-safe.
 */
final class JournalPages {
    /** Stories on the front page and in the feeds. */
    static final int LATEST = 30;

    private static final String ATOM = "/journal/atom.xml";
    private static final String RSS = "/journal/rss.xml";

    private final Site site;
    private final WebSessions sessions;
    private final Submissions submissions;
    private final Comments comments;
    private final Votes votes;
    private final TagStore tags;
    private final AtomWriter atom = new AtomWriter();
    private final RssWriter rss = new RssWriter();

    JournalPages(Site site, WebSessions sessions, Submissions submissions, Comments comments, Votes votes) {
        this.votes = votes;
        this.tags = submissions.tags();
        this.site = site;
        this.sessions = sessions;
        this.submissions = submissions;
        this.comments = comments;
    }

    PageMeta meta(Context ctx, String title) {
        return site.meta(ctx, title, ATOM, RSS, site.title() + " – Journal");
    }

    // ---- reading

    /**
     * The front page, {@code /journal}: newest first, or in hot order with {@code ?order=hot}; a member's hidden
     * tags leave their stories out.
     */
    Rendered journal(Context ctx) {
        boolean hot = "hot".equals(ctx.queryParam("order"));
        Session viewer = WebSessions.session(ctx);
        List<String> hidden =
                viewer == null ? List.of() : tags.hidden(viewer.user().id());
        List<Story> published = hot
                ? votes.hot(submissions.published(0, Votes.HOT_WINDOW), Votes.HOT_WINDOW)
                : submissions.published(0, hidden.isEmpty() ? LATEST : Votes.HOT_WINDOW);
        List<StoryView> stories = views(ctx, published, true).stream()
                .filter(v -> v.tags().stream().noneMatch(hidden::contains))
                .limit(LATEST)
                .toList();
        return site.render(
                "journal.jte", new JournalPage(meta(ctx, hot ? "Journal: hot" : "Journal"), stories, hot, hidden));
    }

    /** Stories tagged {@code {tag}}, newest first: {@code /tags/{tag}}. */
    Rendered tag(Context ctx) {
        String tag = tagParam(ctx);
        List<StoryView> stories = views(ctx, submissions.store().publishedWithTag(tag, site.now(), LATEST), true);
        return site.render(
                "tag.jte",
                new TagPage(
                        site.meta(
                                ctx,
                                "Stories tagged " + tag,
                                "/tags/" + tag + "/atom.xml",
                                RSS,
                                site.title() + " – " + tag),
                        tag,
                        stories));
    }

    /** The Atom feed of a tag's stories, {@code /tags/{tag}/atom.xml}. */
    Rendered tagAtom(Context ctx) {
        String tag = tagParam(ctx);
        String self = "/tags/" + tag + "/atom.xml";
        List<Story> stories = submissions.store().publishedWithTag(tag, site.now(), LATEST);
        return new Rendered(
                Rendered.ATOM,
                atom.write(
                        new FeedInfo(
                                site.absolute("/tags/" + tag),
                                site.title() + " – stories tagged " + tag,
                                "The stories of " + site.title() + "'s journal tagged " + tag,
                                site.absolute("/tags/" + tag),
                                site.absolute(self),
                                stories.isEmpty()
                                        ? submissions.store().lastPublished(site.now())
                                        : stories.getFirst().publishedAt()),
                        items(stories)));
    }

    private static String tagParam(Context ctx) {
        String tag = ctx.pathParam("tag");
        if (!Tags.valid(tag)) {
            throw PageException.notFound(
                    "There is no tag " + Paging.shorten(tag) + "; tags are lower-case letters, digits and hyphens.");
        }
        return tag;
    }

    /** A story's page, {@code /stories/{id}}, with its discussion as the request's viewer sees it. */
    Rendered story(Context ctx) {
        // ?reply=ID opens the reply form under that comment; a page carries one form, not one per comment
        String reply = ctx.queryParam("reply");
        CommentPages.Refused open = reply != null && reply.matches("[0-9]{1,18}") && WebSessions.session(ctx) != null
                ? new CommentPages.Refused(null, null, "", "text", Long.parseLong(reply), 0)
                : null;
        return storyRendered(ctx, visibleStory(ctx), open);
    }

    /** A story that is known to exist, such as the one a comment is under. */
    Story story(long id) {
        return submissions.store().story(id).orElseThrow(() -> PageException.notFound("There is no story " + id + "."));
    }

    /** The story of the request's {@code {id}} when the viewer may see it. */
    Story visibleStory(Context ctx) {
        String id = ctx.pathParam("id");
        Session viewer = WebSessions.session(ctx);
        return (id.matches("[0-9]{1,18}")
                        ? submissions.store().story(Long.parseLong(id))
                        : java.util.Optional.<Story>empty())
                .filter(s -> submissions.visible(s, viewer))
                .orElseThrow(() -> PageException.notFound("There is no published story " + Paging.shorten(id) + "."));
    }

    /**
     * Sends a story's page with its discussion.
     *
     * @param refused the comment that was just refused, to show with its problems, or null
     */
    void storyPage(Context ctx, Story story, CommentPages.Refused refused) {
        Responses.personal(ctx, storyRendered(ctx, story, refused));
    }

    private Rendered storyRendered(Context ctx, Story story, CommentPages.Refused refused) {
        CommentSection section = story.status() == StoryStatus.PUBLISHED
                ? CommentPages.section(ctx, sessions, comments, votes, story, refused)
                : null;
        Session viewer = WebSessions.session(ctx);
        boolean own = viewer != null && viewer.user().id() == story.authorId();
        boolean editor = viewer != null && viewer.user().role().atLeast(Role.EDITOR);
        String notice = switch (story.status()) {
            case PENDING -> "This story is waiting for an editor; only you and the editors can see it.";
            case REJECTED -> "This story was not published; only you and the editors can see it.";
            case PUBLISHED ->
                story.publishedAt().isAfter(site.now())
                        ? "This story is scheduled for " + Format.human(story.publishedAt())
                                + "; only you and the editors can see it until then."
                        : null;
        };
        StoryView view = views(ctx, List.of(story), false).getFirst();
        return site.render(
                "story.jte",
                new StoryPage(
                        meta(ctx, story.title()),
                        withCount(view, section == null ? 0 : section.count()),
                        notice,
                        section,
                        own && story.status() == StoryStatus.PENDING ? "/stories/" + story.id() + "/edit" : null,
                        editor ? sessions.token(ctx, RETAG_FORM) : null));
    }

    /** The stories' Atom feed, {@code /journal/atom.xml}. */
    Rendered atom(Context ctx) {
        return new Rendered(Rendered.ATOM, atom.write(info(ATOM), items()));
    }

    /** The stories' RSS feed, {@code /journal/rss.xml}. */
    Rendered rss(Context ctx) {
        return new Rendered(Rendered.RSS, rss.write(info(RSS), items()));
    }

    private FeedInfo info(String self) {
        return new FeedInfo(
                site.absolute("/journal"),
                site.title() + " – Journal",
                "The stories of " + site.title() + "'s journal",
                site.absolute("/journal"),
                site.absolute(self),
                submissions.store().lastPublished(site.now()));
    }

    private List<Item> items() {
        return items(submissions.published(0, LATEST));
    }

    private List<Item> items(List<Story> stories) {
        return stories.stream()
                .map(s -> new Item(
                        site.absolute("/stories/" + s.id()),
                        true,
                        s.title(),
                        site.absolute("/stories/" + s.id()),
                        s.authorName(),
                        s.introHtml(),
                        s.hasBody() ? s.introHtml() + "\n" + s.bodyHtml() : s.introHtml(),
                        s.topics(),
                        s.publishedAt(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        -1))
                .toList();
    }

    // ---- submitting

    void submitForm(Context ctx) {
        if (AccountPages.requireLogin(ctx, "/submit") == null) {
            return;
        }
        formPage(ctx, null, new Draft("", "", List.of(), "html", "", "", ""), null, SUBMIT_FORM);
    }

    void submit(Context ctx) {
        Session session = WebSessions.session(ctx);
        if (session == null) {
            throw PageException.forbidden("Log in to submit a story; nothing was stored.");
        }
        sessions.check(ctx, "submit");
        storyForm(ctx, SUBMIT_FORM, draft(ctx), d -> submissions.submit(session, d), s -> "/stories/" + s.id());
    }

    /** The story form: where it posts, its heading and button, and the CSRF form its token is for. */
    private record StoryForm(String action, String heading, String submitLabel, String token) {}

    private static final StoryForm SUBMIT_FORM = new StoryForm("/submit", "Submit a story", "Submit", "submit");

    private static StoryForm editForm(long id) {
        return new StoryForm("/editor/queue/" + id + "/edit", "Edit story " + id, "Save changes", "editor-edit");
    }

    private static Draft draft(Context ctx) {
        return new Draft(
                ctx.formParam("title"),
                ctx.formParam("dept"),
                ctx.formParams("topic"),
                ctx.formParam("format"),
                ctx.formParam("intro"),
                ctx.formParam("body"),
                ctx.formParam("source"),
                ctx.formParam("tags"));
    }

    /**
     * A posted story form: a preview (400 when it has problems) unless the button was "submit", then {@code store}
     * and a redirect to {@code after} of the stored story, or the form again with the problems or the refusal.
     */
    private void storyForm(
            Context ctx,
            StoryForm form,
            Draft draft,
            java.util.function.Function<Draft, SubmitOutcome> store,
            java.util.function.Function<Story, String> after) {
        try {
            if (!"submit".equals(ctx.formParam("action"))) {
                Preview preview = submissions.preview(draft);
                if (!preview.valid()) {
                    ctx.status(400);
                }
                formPage(ctx, null, draft, preview, form);
                return;
            }
            switch (store.apply(draft)) {
                case SubmitOutcome.Stored stored -> ctx.redirect(after.apply(stored.story()), HttpStatus.SEE_OTHER);
                case SubmitOutcome.Invalid invalid -> {
                    ctx.status(400);
                    formPage(ctx, null, draft, invalid.preview(), form);
                }
            }
        } catch (JournalRefusal refusal) {
            ctx.status(400);
            formPage(ctx, refusal.getMessage(), draft, null, form);
        } catch (AccountRefusal refusal) {
            AccountPages.refused(ctx, refusal);
            formPage(ctx, refusal.getMessage(), draft, null, form);
        }
    }

    private void formPage(Context ctx, String message, Draft d, Preview preview, StoryForm form) {
        List<String> names = submissions.topics();
        List<SubmitPage.Topic> topics = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            topics.add(new SubmitPage.Topic(
                    name, "topic-" + i, d.topics().stream().anyMatch(t -> t.equalsIgnoreCase(name))));
        }
        String format = d.format() == null ? "html" : d.format();
        Responses.personal(
                ctx,
                site.render(
                        "submit.jte",
                        new SubmitPage(
                                meta(ctx, form.heading()),
                                sessions.token(ctx, form.token()),
                                message,
                                orEmpty(d.title()),
                                orEmpty(d.dept()),
                                format,
                                orEmpty(d.intro()),
                                orEmpty(d.body()),
                                orEmpty(d.sourceUrl()),
                                orEmpty(d.tags()),
                                topics,
                                preview,
                                form.action(),
                                form.heading(),
                                form.submitLabel())));
    }

    // ---- editing

    void queue(Context ctx) {
        Session editor = requireEditor(ctx);
        if (editor == null) {
            return;
        }
        queuePage(ctx, editor, null);
    }

    void decide(Context ctx) {
        Session editor = WebSessions.session(ctx);
        if (editor == null || !editor.user().role().atLeast(Role.EDITOR)) {
            throw PageException.forbidden(
                    "Only editors and administrators can decide on submitted stories;" + " nothing was changed.");
        }
        sessions.check(ctx, "editor-queue");
        String id = ctx.formParam("story");
        try {
            if (id == null || !id.strip().matches("[0-9]{1,18}")) {
                throw new JournalRefusal("the form did not say which story; reload the queue and try again");
            }
            long storyId = Long.parseLong(id.strip());
            String decision = ctx.formParam("decision");
            if ("accept".equals(decision)) {
                submissions.accept(editor, storyId, publishAt(ctx.formParam("publish_at")));
            } else if ("reject".equals(decision)) {
                submissions.reject(editor, storyId, ctx.formParam("reason"));
            } else {
                throw new JournalRefusal("choose Accept or Reject");
            }
            ctx.redirect("/editor/queue", HttpStatus.SEE_OTHER);
        } catch (JournalRefusal refusal) {
            ctx.status(400);
            queuePage(ctx, editor, refusal.getMessage());
        }
    }

    /** {@code GET /editor/queue/{id}/edit}: a pending story in the submission form, for an editor to revise. */
    void editForm(Context ctx) {
        Session editor = requireEditor(ctx);
        if (editor == null) {
            return;
        }
        Story s = pending(ctx);
        formPage(ctx, null, draftOf(s), null, editForm(s.id()));
    }

    /** {@code POST /editor/queue/{id}/edit}: preview or save an editor's revision; the story stays pending. */
    void edit(Context ctx) {
        Session editor = WebSessions.session(ctx);
        if (editor == null || !editor.user().role().atLeast(Role.EDITOR)) {
            throw PageException.forbidden(
                    "Only editors and administrators can edit submitted stories;" + " nothing was changed.");
        }
        sessions.check(ctx, "editor-edit");
        Story s = pending(ctx);
        storyForm(
                ctx,
                editForm(s.id()),
                draft(ctx),
                d -> submissions.revise(editor, s.id(), d),
                stored -> "/editor/queue#story-" + stored.id());
    }

    /** {@code GET /stories/{id}/edit}: the author's own pending story in the submission form. */
    void ownEditForm(Context ctx) {
        Session author = AccountPages.requireLogin(ctx, ctx.path());
        if (author == null) {
            return;
        }
        Story s = ownPending(ctx, author);
        formPage(ctx, null, draftOf(s), null, ownEditForm(s.id()));
    }

    /** {@code POST /stories/{id}/edit}: preview or save the author's revision; it stays pending. */
    void ownEdit(Context ctx) {
        Session author = WebSessions.session(ctx);
        if (author == null) {
            throw PageException.forbidden("Log in to change your submissions; nothing was changed.");
        }
        sessions.check(ctx, "submit");
        Story s = ownPending(ctx, author);
        storyForm(
                ctx,
                ownEditForm(s.id()),
                draft(ctx),
                d -> submissions.reviseOwn(author, s.id(), d),
                stored -> "/stories/" + stored.id());
    }

    /** {@code POST /stories/{id}/tags}: an editor changes a story's tags; logged in the moderation log. */
    void retag(Context ctx) {
        Session editor = WebSessions.session(ctx);
        if (editor == null || !editor.user().role().atLeast(Role.EDITOR)) {
            throw PageException.forbidden(
                    "Only editors and administrators can change a story's tags; nothing was" + " changed.");
        }
        sessions.check(ctx, RETAG_FORM);
        Story s = story(idParam(ctx));
        submissions.retag(editor, s.id(), ctx.formParam("tags"), comments.store());
        ctx.redirect("/stories/" + s.id(), HttpStatus.SEE_OTHER);
    }

    private static final String RETAG_FORM = "retag";

    private static StoryForm ownEditForm(long id) {
        return new StoryForm("/stories/" + id + "/edit", "Edit your story " + id, "Save changes", "submit");
    }

    /** The session's own pending story of the request's {@code {id}}, or the 404 page. */
    private Story ownPending(Context ctx, Session author) {
        long id = idParam(ctx);
        try {
            return submissions.ownPending(author, id);
        } catch (JournalRefusal refusal) {
            throw PageException.notFound("You have no story " + id + " waiting for an editor.");
        }
    }

    private static long idParam(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[0-9]{1,18}")) {
            throw PageException.notFound("There is no story " + Paging.shorten(id) + ".");
        }
        return Long.parseLong(id);
    }

    private Draft draftOf(Story s) {
        return new Draft(
                s.title(),
                s.dept(),
                s.topics(),
                s.format().key(),
                s.introSource(),
                s.bodySource() == null ? "" : s.bodySource(),
                s.sourceUrl() == null ? "" : s.sourceUrl(),
                String.join(" ", tags.tags(List.of(s.id())).getOrDefault(s.id(), List.of())));
    }

    /** The pending story of the request's {@code {id}}, or the 404 page. */
    private Story pending(Context ctx) {
        String id = ctx.pathParam("id");
        return (id.matches("[0-9]{1,18}")
                        ? submissions.store().story(Long.parseLong(id))
                        : java.util.Optional.<Story>empty())
                .filter(s -> s.status() == StoryStatus.PENDING)
                .orElseThrow(() ->
                        PageException.notFound("There is no story " + Paging.shorten(id) + " waiting in the queue."));
    }

    private void queuePage(Context ctx, Session editor, String message) {
        List<StoryView> stories = views(ctx, submissions.queue(editor), false);
        List<StoryView> scheduled = views(ctx, submissions.scheduled(editor), false);
        Responses.personal(
                ctx,
                site.render(
                        "queue.jte",
                        new QueuePage(
                                meta(ctx, "Editor queue"),
                                sessions.token(ctx, "editor-queue"),
                                message,
                                stories,
                                scheduled)));
    }

    /** A publication time as typed in UTC ({@code 2026-03-05T18:00}, seconds optional), or null when empty. */
    static java.time.Instant publishAt(String typed) {
        String v = typed == null ? "" : typed.strip().replace(' ', 'T');
        if (v.isEmpty()) {
            return null;
        }
        try {
            if (v.length() > 40) {
                throw new java.time.format.DateTimeParseException("too long", v, 0);
            }
            return java.time.LocalDateTime.parse(v).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            throw new JournalRefusal("the publication time '" + Paging.shorten(v) + "' is not a date and time;"
                    + " give one in UTC such as 2026-03-05T18:00, or leave it empty to publish now");
        }
    }

    private static Session requireEditor(Context ctx) {
        Session session = AccountPages.requireLogin(ctx, "/editor/queue");
        if (session != null && !session.user().role().atLeast(Role.EDITOR)) {
            throw PageException.forbidden("The editor queue is for editors and administrators only.");
        }
        return session;
    }

    // ---- helpers

    /**
     * Stories as shown to the request's viewer: with their tags, points, the viewer's vote forms (on published
     * stories of others), and the number of their comments when {@code withCounts} (else -1, left out).
     */
    List<StoryView> views(Context ctx, List<Story> stories, boolean withCounts) {
        List<Long> ids = stories.stream().map(Story::id).toList();
        Map<Long, Integer> counts = withCounts ? comments.counts(ids) : Map.of();
        Map<Long, List<String>> tagged = tags.tags(ids);
        Map<Long, Integer> points = votes.store().votes(Target.STORY, ids);
        Session viewer = WebSessions.session(ctx);
        VoteStore.Marks marks = viewer == null
                ? VoteStore.Marks.NONE
                : votes.store().marksBy(viewer.user().id(), Target.STORY, ids);
        java.util.Set<Long> voted = marks.voted();
        java.util.Set<Long> flagged = marks.flagged();
        String token = viewer == null ? null : sessions.token(ctx, CommentPages.VOTE_FORM);
        String back = backPath(ctx);
        return stories.stream()
                .map(s -> {
                    boolean open = viewer != null
                            && viewer.user().id() != s.authorId()
                            && s.status() == StoryStatus.PUBLISHED
                            && !s.publishedAt().isAfter(site.now());
                    VoteForm vote = open
                            ? new VoteForm(
                                    token,
                                    "/stories/" + s.id() + "/vote",
                                    "/stories/" + s.id() + "/flag",
                                    back,
                                    voted.contains(s.id()),
                                    flagged.contains(s.id()),
                                    "story " + s.id(),
                                    CommentPages.REASONS)
                            : null;
                    return new StoryView(
                            s,
                            "/stories/" + s.id(),
                            Format.webUrl(s.sourceUrl()),
                            Format.iso(s.submittedAt()),
                            Format.human(s.submittedAt()),
                            s.publishedAt() == null ? null : Format.iso(s.publishedAt()),
                            s.publishedAt() == null ? null : Format.human(s.publishedAt()),
                            withCounts ? counts.getOrDefault(s.id(), 0) : -1,
                            tagged.getOrDefault(s.id(), List.of()),
                            points.getOrDefault(s.id(), 0),
                            vote);
                })
                .toList();
    }

    /** The page a vote form comes back to: this page's path with its order, when it is one of the site's. */
    private static String backPath(Context ctx) {
        String order = ctx.queryParam("order");
        return ctx.path() + ("hot".equals(order) ? "?order=hot" : "");
    }

    private static StoryView withCount(StoryView v, int count) {
        return new StoryView(
                v.story(),
                v.url(),
                v.sourceUrl(),
                v.submittedIso(),
                v.submittedHuman(),
                v.publishedIso(),
                v.publishedHuman(),
                count,
                v.tags(),
                v.points(),
                v.vote());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
