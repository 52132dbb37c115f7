package org.callisto.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.callisto.account.AccountRefusal;
import org.callisto.account.Role;
import org.callisto.account.Session;
import org.callisto.journal.Comment;
import org.callisto.journal.CommentOutcome;
import org.callisto.journal.Comments;
import org.callisto.journal.FlagReason;
import org.callisto.journal.JournalRefusal;
import org.callisto.journal.ModerationEntry;
import org.callisto.journal.Ranking;
import org.callisto.journal.Story;
import org.callisto.journal.StoryStatus;
import org.callisto.journal.VoteStore;
import org.callisto.journal.Votes;
import org.callisto.syndication.AtomWriter;
import org.callisto.syndication.FeedInfo;
import org.callisto.syndication.Item;
import org.callisto.web.view.CommentSection;
import org.callisto.web.view.CommentView;
import org.callisto.web.view.ModerationPage;
import org.callisto.web.view.VoteForm;

/**
 * Comments under stories and their moderation: posting and replying ({@code POST /stories/{id}/comments}),
 * changing and deleting one's own ({@code POST /comments/{id}/edit|delete}), hiding a comment and banning its
 * author ({@code POST /comments/{id}/hide|ban}), locking a discussion ({@code POST /stories/{id}/lock|unlock}),
 * the public log ({@code /moderation}) and a story's comment feed ({@code /stories/{id}/comments.atom}).
 * Every POST checks its CSRF token: {@code comment} for members' forms, {@code moderate} for moderators'.
 * Thread-safe.
 */
final class CommentPages {
    /** Rows on the moderation log page. */
    static final int LOG_ROWS = 100;
    /** Comments in a story's feed. */
    static final int FEED_ITEMS = 50;

    static final String MEMBER_FORM = "comment";
    static final String MODERATOR_FORM = "moderate";
    static final String VOTE_FORM = "vote";

    private final Site site;
    private final WebSessions sessions;
    private final Comments comments;
    private final JournalPages journal;
    private final AtomWriter atom = new AtomWriter();

    CommentPages(Site site, WebSessions sessions, Comments comments, JournalPages journal) {
        this.site = site;
        this.sessions = sessions;
        this.comments = comments;
        this.journal = journal;
    }

    /**
     * A comment that was not stored, shown again with why.
     *
     * @param parent  the comment it answered, or 0
     * @param editing the comment it was to replace, or 0
     */
    record Refused(String message, String problems, String text, String format, long parent, long editing) {}

    // ---- the discussion on the story page

    static CommentSection section(
            Context ctx, WebSessions sessions, Comments comments, Votes votes, Story story, Refused refused) {
        Session viewer = WebSessions.session(ctx);
        boolean editor = viewer != null && viewer.user().role().atLeast(Role.EDITOR);
        boolean locked = comments.locked(story.id());
        List<Comment> all = comments.comments(story.id());
        List<Long> ids = all.stream().map(Comment::id).toList();
        Votes.Scores scores = votes.commentScores(story.id(), ids);
        Map<Long, Integer> points = scores.points();
        Map<Long, Integer> flags = scores.flags();
        VoteStore.Marks marks = viewer == null
                ? VoteStore.Marks.NONE
                : votes.store().commentMarksBy(viewer.user().id(), story.id());
        Set<Long> voted = marks.voted();
        Set<Long> flagged = marks.flagged();
        Map<Long, List<Comment>> children = new HashMap<>();
        List<Comment> tops = new ArrayList<>();
        int count = 0;
        for (Comment c : all) {
            if (c.shown()) {
                count++;
            }
            if (c.parentId() == null) {
                tops.add(c);
            } else {
                children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
            }
        }
        // best first by the lower bound of the Wilson score of upvotes against flags; ties keep posting order
        Comparator<Comment> best = Comparator.comparingDouble((Comment c) ->
                        -Ranking.wilsonLowerBound(points.getOrDefault(c.id(), 0), flags.getOrDefault(c.id(), 0)))
                .thenComparing(Comment::createdAt)
                .thenComparingLong(Comment::id);
        tops.sort(best);
        children.values().forEach(l -> l.sort(best));
        boolean canPost = viewer != null && !locked;
        String voteToken = viewer == null ? null : sessions.token(ctx, VOTE_FORM);
        Voting voting = new Voting(points, voted, flagged, voteToken, "/stories/" + story.id());
        List<CommentView> threads = tops.stream()
                .map(c -> view(c, children, viewer, editor, canPost, comments, voting))
                .toList();
        String csrf = viewer == null ? null : sessions.token(ctx, MEMBER_FORM);
        String moderation = editor ? sessions.token(ctx, MODERATOR_FORM) : null;
        return new CommentSection(
                story.id(),
                csrf,
                moderation,
                threads,
                count,
                locked,
                canPost,
                viewer != null,
                refused == null ? null : refused.message(),
                refused == null ? null : refused.problems(),
                refused == null ? "" : refused.text(),
                refused == null ? "markdown" : refused.format(),
                refused == null ? 0 : refused.parent(),
                refused == null ? 0 : refused.editing(),
                "/stories/" + story.id() + "/comments.atom");
    }

    /** What the viewer's vote forms need to know about a page's comments. */
    private record Voting(Map<Long, Integer> points, Set<Long> voted, Set<Long> flagged, String token, String page) {}

    /** The flag reasons as forms offer them. */
    static final List<VoteForm.Reason> REASONS = java.util.Arrays.stream(FlagReason.values())
            .map(r -> new VoteForm.Reason(r.key(), r.label()))
            .toList();

    private static CommentView view(
            Comment c,
            Map<Long, List<Comment>> children,
            Session viewer,
            boolean editor,
            boolean canPost,
            Comments comments,
            Voting voting) {
        List<CommentView> replies = children.getOrDefault(c.id(), List.of()).stream()
                .map(r -> view(r, children, viewer, editor, canPost, comments, voting))
                .toList();
        boolean own = viewer != null && viewer.user().id() == c.authorId();
        boolean showText = c.shown() || c.hidden() && !c.deleted() && editor;
        String placeholder = c.deleted() ? Comment.DELETED : c.hidden() ? Comment.HIDDEN : null;
        boolean canEdit = comments.editable(c, viewer);
        VoteForm vote = viewer == null || own || !c.shown()
                ? null
                : new VoteForm(
                        voting.token(),
                        "/comments/" + c.id() + "/vote",
                        "/comments/" + c.id() + "/flag",
                        voting.page() + "#comment-" + c.id(),
                        voting.voted().contains(c.id()),
                        voting.flagged().contains(c.id()),
                        "comment " + c.id(),
                        REASONS);
        return new CommentView(
                c.id(),
                c.authorName(),
                Format.iso(c.createdAt()),
                Format.human(c.createdAt()),
                c.editedAt() == null ? null : Format.human(c.editedAt()),
                showText ? c.html() : null,
                placeholder,
                c.hidden(),
                canPost && c.depth() < Comments.MAX_DEPTH,
                canEdit,
                own && !c.deleted(),
                editor && !c.deleted(),
                editor && !own,
                c.format().key(),
                canEdit ? c.source() : "",
                voting.points().getOrDefault(c.id(), 0),
                vote,
                editor && c.hidden() && !c.deleted(),
                replies);
    }

    // ---- members

    void post(Context ctx) {
        Session session = requireSession(ctx);
        sessions.check(ctx, MEMBER_FORM);
        Story story = journal.visibleStory(ctx);
        String parentField = ctx.formParam("parent");
        long parent = parentField != null && parentField.strip().matches("[0-9]{1,18}")
                ? Long.parseLong(parentField.strip())
                : 0;
        String format = ctx.formParam("format");
        String text = ctx.formParam("text");
        try {
            if (parentField != null
                    && !parentField.isBlank()
                    && !parentField.strip().matches("[0-9]{1,18}")) {
                // a reply must never become a top-level comment because its parent was garbled
                throw new JournalRefusal(
                        "the form did not say which comment to reply to; reload the page and try" + " again");
            }
            switch (comments.post(session, story.id(), parent == 0 ? null : parent, format, text)) {
                case CommentOutcome.Stored stored ->
                    ctx.redirect(
                            "/stories/" + story.id() + "#comment-"
                                    + stored.comment().id(),
                            HttpStatus.SEE_OTHER);
                case CommentOutcome.Invalid invalid -> {
                    ctx.status(400);
                    journal.storyPage(
                            ctx,
                            story,
                            new Refused(
                                    "The comment was not posted: its HTML has problems."
                                            + " Each one is marked in the source below with its line:column.",
                                    invalid.rendering().report(),
                                    text,
                                    format,
                                    parent,
                                    0));
                }
            }
        } catch (JournalRefusal refusal) {
            ctx.status(400);
            journal.storyPage(
                    ctx, story, new Refused(capitalized(refusal.getMessage()), null, orEmpty(text), format, parent, 0));
        } catch (AccountRefusal refusal) {
            AccountPages.refused(ctx, refusal);
            journal.storyPage(
                    ctx, story, new Refused(capitalized(refusal.getMessage()), null, orEmpty(text), format, parent, 0));
        }
    }

    void edit(Context ctx) {
        Session session = requireSession(ctx);
        sessions.check(ctx, MEMBER_FORM);
        Comment c = comment(ctx);
        Story story = journal.story(c.storyId());
        String format = ctx.formParam("format");
        String text = ctx.formParam("text");
        try {
            switch (comments.edit(session, c.id(), format, text)) {
                case CommentOutcome.Stored stored -> back(ctx, stored.comment());
                case CommentOutcome.Invalid invalid -> {
                    ctx.status(400);
                    journal.storyPage(
                            ctx,
                            story,
                            new Refused(
                                    "The comment was not changed: its HTML has problems."
                                            + " Each one is marked in the source below with its line:column.",
                                    invalid.rendering().report(),
                                    text,
                                    format,
                                    0,
                                    c.id()));
                }
            }
        } catch (JournalRefusal refusal) {
            ctx.status(400);
            journal.storyPage(
                    ctx, story, new Refused(capitalized(refusal.getMessage()), null, orEmpty(text), format, 0, c.id()));
        }
    }

    void delete(Context ctx) {
        Session session = requireSession(ctx);
        sessions.check(ctx, MEMBER_FORM);
        back(ctx, comments.delete(session, comment(ctx).id()));
    }

    // ---- moderators

    void hide(Context ctx) {
        Session editor = requireEditor(ctx);
        sessions.check(ctx, MODERATOR_FORM);
        back(ctx, comments.hide(editor, comment(ctx).id(), ctx.formParam("reason")));
    }

    void unhide(Context ctx) {
        Session editor = requireEditor(ctx);
        sessions.check(ctx, MODERATOR_FORM);
        back(ctx, comments.unhide(editor, comment(ctx).id(), ctx.formParam("reason")));
    }

    void ban(Context ctx) {
        Session editor = requireEditor(ctx);
        sessions.check(ctx, MODERATOR_FORM);
        Comment c = comment(ctx);
        comments.ban(editor, c.authorId(), ctx.formParam("reason"));
        back(ctx, c);
    }

    void lock(Context ctx) {
        Session editor = requireEditor(ctx);
        sessions.check(ctx, MODERATOR_FORM);
        Story story = journal.visibleStory(ctx);
        comments.lock(editor, story.id(), ctx.formParam("reason"));
        ctx.redirect("/stories/" + story.id() + "#comments", HttpStatus.SEE_OTHER);
    }

    void unlock(Context ctx) {
        Session editor = requireEditor(ctx);
        sessions.check(ctx, MODERATOR_FORM);
        Story story = journal.visibleStory(ctx);
        comments.unlock(editor, story.id(), ctx.formParam("reason"));
        ctx.redirect("/stories/" + story.id() + "#comments", HttpStatus.SEE_OTHER);
    }

    // ---- the public log and the feed

    /** The public moderation log, {@code /moderation}. */
    Rendered moderation(Context ctx) {
        List<ModerationPage.Row> rows =
                comments.log(0, LOG_ROWS).stream().map(CommentPages::row).toList();
        return site.render("moderation.jte", new ModerationPage(journal.meta(ctx, "Moderation log"), rows));
    }

    private static ModerationPage.Row row(ModerationEntry e) {
        String action = switch (e.action()) {
            case "hide" -> "hid";
            case "unhide" -> "showed again";
            case "retag" -> "changed the tags of";
            case "lock" -> "locked the discussion of";
            case "unlock" -> "reopened the discussion of";
            case "ban" -> "banned";
            case "unban" -> "lifted the ban on";
            case "delete-episode" -> "deleted";
            case "role-member", "role-editor", "role-admin" ->
                "gave the " + e.action().substring(5) + " role to";
            default -> e.action();
        };
        String target;
        String url;
        switch (e.targetKind()) {
            case "comment" -> {
                target = "comment " + e.targetId();
                url = e.targetStoryId() == null ? null : "/stories/" + e.targetStoryId() + "#comment-" + e.targetId();
            }
            case "story" -> {
                target = "story " + e.targetId();
                url = "/stories/" + e.targetId() + "#comments";
            }
            case "episode" -> {
                target = "episode " + e.targetId();
                url = null;
            }
            default -> {
                target = "account " + (e.targetName() == null ? "number " + e.targetId() : e.targetName());
                url = e.targetName() == null ? null : "/users/" + e.targetName();
            }
        }
        return new ModerationPage.Row(
                e.moderatorName(), action, target, url, e.reason(), Format.iso(e.at()), Format.human(e.at()));
    }

    /** A story's comment feed, {@code /stories/{id}/comments.atom}. */
    Rendered feed(Context ctx) {
        Story story = journal.visibleStory(ctx);
        if (story.status() != StoryStatus.PUBLISHED) {
            throw PageException.notFound("There is no published story " + story.id() + ".");
        }
        String page = site.absolute("/stories/" + story.id());
        List<Comment> latest = comments.store().latest(story.id(), FEED_ITEMS);
        List<Item> items = latest.stream()
                .map(c -> new Item(
                        page + "#comment-" + c.id(),
                        true,
                        "Comment by " + c.authorName(),
                        page + "#comment-" + c.id(),
                        c.authorName(),
                        null,
                        c.deleted()
                                ? "<p>" + Comment.DELETED + "</p>"
                                : c.hidden() ? "<p>" + Comment.HIDDEN + "</p>" : c.html(),
                        List.of(),
                        c.createdAt(),
                        c.editedAt(),
                        null,
                        null,
                        null,
                        null,
                        -1))
                .toList();
        java.time.Instant updated =
                latest.isEmpty() ? story.publishedAt() : latest.getFirst().createdAt();
        return new Rendered(
                Rendered.ATOM,
                atom.write(
                        new FeedInfo(
                                page + "/comments.atom",
                                "Comments on " + story.title(),
                                "The comments on " + story.title() + " in " + site.title() + "'s journal",
                                page,
                                page + "/comments.atom",
                                updated),
                        items));
    }

    // ---- helpers

    private Comment comment(Context ctx) {
        String id = ctx.pathParam("id");
        return (id.matches("[0-9]{1,18}")
                        ? comments.store().comment(Long.parseLong(id))
                        : java.util.Optional.<Comment>empty())
                .orElseThrow(() -> PageException.notFound("There is no comment " + Paging.shorten(id) + "."));
    }

    private static void back(Context ctx, Comment c) {
        ctx.redirect("/stories/" + c.storyId() + "#comment-" + c.id(), HttpStatus.SEE_OTHER);
    }

    private static Session requireSession(Context ctx) {
        Session session = WebSessions.session(ctx);
        if (session == null) {
            throw PageException.forbidden("Log in to comment; nothing was changed.");
        }
        return session;
    }

    private static Session requireEditor(Context ctx) {
        Session session = WebSessions.session(ctx);
        if (session == null || !session.user().role().atLeast(Role.EDITOR)) {
            throw PageException.forbidden("Only editors and administrators can moderate; nothing was changed.");
        }
        return session;
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
