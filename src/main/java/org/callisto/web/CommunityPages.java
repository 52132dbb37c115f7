package org.callisto.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.callisto.account.Role;
import org.callisto.account.Session;
import org.callisto.journal.Flagged;
import org.callisto.journal.JournalRefusal;
import org.callisto.journal.Notification;
import org.callisto.journal.Notifications;
import org.callisto.journal.Profile;
import org.callisto.journal.Profiles;
import org.callisto.journal.Submissions;
import org.callisto.journal.Tags;
import org.callisto.journal.Target;
import org.callisto.journal.Votes;
import org.callisto.web.view.FlagsPage;
import org.callisto.web.view.HiddenTagsPage;
import org.callisto.web.view.NotificationsPage;
import org.callisto.web.view.ProfilePage;

/**
 * The journal's social pages: votes and flags ({@code POST /stories/{id}/vote|flag},
 * {@code POST /comments/{id}/vote|flag}, each coming back to the page it was sent from), the moderators' flag queue
 * ({@code /editor/flags}), a member's notifications ({@code /notifications}, marked read by POST), the tags they
 * hide ({@code /account/tags}) and profiles ({@code /users/{name}}, with moderators' notes).
 *
 * <p>Every POST checks its CSRF token and acts only as the session's own account: nobody votes, flags or reads
 * notifications as another. Thread-safe.
 */
final class CommunityPages {
    private static final String NOTIFICATIONS_FORM = "notifications";
    private static final String TAGS_FORM = "hidden-tags";
    private static final String NOTE_FORM = "member-note";

    private final Site site;
    private final WebSessions sessions;
    private final JournalPages journal;
    private final Votes votes;
    private final Notifications notifications;
    private final Profiles profiles;
    private final Submissions submissions;

    CommunityPages(
            Site site,
            WebSessions sessions,
            JournalPages journal,
            Submissions submissions,
            org.callisto.web.SiteServices.Community community) {
        this.site = site;
        this.sessions = sessions;
        this.journal = journal;
        this.submissions = submissions;
        this.votes = community.votes();
        this.notifications = community.notifications();
        this.profiles = community.profiles();
    }

    // ---- votes and flags

    void voteStory(Context ctx) {
        vote(ctx, Target.STORY);
    }

    void voteComment(Context ctx) {
        vote(ctx, Target.COMMENT);
    }

    void flagStory(Context ctx) {
        flag(ctx, Target.STORY);
    }

    void flagComment(Context ctx) {
        flag(ctx, Target.COMMENT);
    }

    private void vote(Context ctx, Target target) {
        Session member = requireMember(ctx, "vote");
        sessions.check(ctx, CommentPages.VOTE_FORM);
        long id = id(ctx, target);
        votes.toggle(member, target, id);
        back(ctx, target, id);
    }

    private void flag(Context ctx, Target target) {
        Session member = requireMember(ctx, "flag");
        sessions.check(ctx, CommentPages.VOTE_FORM);
        long id = id(ctx, target);
        votes.flag(member, target, id, ctx.formParam("reason"));
        back(ctx, target, id);
    }

    /** {@code /editor/flags}: what enough members flagged, for moderators. */
    void flags(Context ctx) {
        Session moderator = AccountPages.requireLogin(ctx, "/editor/flags");
        if (moderator == null) {
            return;
        }
        if (!moderator.user().role().atLeast(Role.EDITOR)) {
            throw PageException.forbidden("The flag queue is for editors and administrators only.");
        }
        List<Flagged> flagged = votes.flagged(moderator);
        Responses.personal(
                ctx,
                site.render(
                        "flags.jte",
                        new FlagsPage(
                                journal.meta(ctx, "Flagged stories and comments"), flagged, votes.flagThreshold())));
    }

    // ---- notifications

    /** {@code GET /notifications}: the member's latest notifications, unread ones marked. */
    void notifications(Context ctx) {
        Session member = AccountPages.requireLogin(ctx, "/notifications");
        if (member == null) {
            return;
        }
        List<Notification> latest = notifications.latest(member);
        Responses.personal(
                ctx,
                site.render(
                        "notifications.jte",
                        new NotificationsPage(
                                site.meta(ctx, "Notifications"),
                                sessions.token(ctx, NOTIFICATIONS_FORM),
                                latest.stream()
                                        .map(n -> new NotificationsPage.Row(
                                                n.id(),
                                                n.summary(),
                                                n.path(),
                                                Format.iso(n.createdAt()),
                                                Format.human(n.createdAt()),
                                                n.unread()))
                                        .toList())));
    }

    /** {@code POST /notifications}: marks one ({@code id}) or all ({@code all}) of the member's own read. */
    void markRead(Context ctx) {
        Session member = requireMember(ctx, "see your notifications");
        sessions.check(ctx, NOTIFICATIONS_FORM);
        String id = ctx.formParam("id");
        if (id != null && id.strip().matches("[0-9]{1,18}")) {
            notifications.markRead(member, Long.parseLong(id.strip()));
            String go = ctx.formParam("go");
            ctx.redirect(go == null ? "/notifications" : AccountPages.localPath(go), HttpStatus.SEE_OTHER);
            return;
        }
        if (!"all".equals(ctx.formParam("mark"))) {
            throw new JournalRefusal("the form did not say which notification to mark read; reload the page");
        }
        notifications.markAllRead(member);
        ctx.redirect("/notifications", HttpStatus.SEE_OTHER);
    }

    // ---- hidden tags

    /** {@code GET /account/tags}: the tags the member hides from the journal's front page. */
    void hiddenTags(Context ctx) {
        Session member = AccountPages.requireLogin(ctx, "/account/tags");
        if (member == null) {
            return;
        }
        tagsPage(
                ctx,
                member,
                null,
                String.join(" ", submissions.tags().hidden(member.user().id())));
    }

    /** {@code POST /account/tags}: replaces the tags the member hides. */
    void setHiddenTags(Context ctx) {
        Session member = requireMember(ctx, "hide tags");
        sessions.check(ctx, TAGS_FORM);
        String typed = ctx.formParam("tags");
        try {
            submissions.hideTags(member, typed);
            ctx.redirect("/account/tags", HttpStatus.SEE_OTHER);
        } catch (JournalRefusal refusal) {
            ctx.status(400);
            tagsPage(ctx, member, refusal.getMessage(), typed == null ? "" : typed);
        }
    }

    private void tagsPage(Context ctx, Session member, String message, String typed) {
        Responses.personal(
                ctx,
                site.render(
                        "hidden-tags.jte",
                        new HiddenTagsPage(
                                site.meta(ctx, "Hidden tags"),
                                sessions.token(ctx, TAGS_FORM),
                                message,
                                typed,
                                submissions.tags().hidden(member.user().id()),
                                Tags.MAX_HIDDEN)));
    }

    // ---- profiles

    /** {@code GET /users/{name}}: a member's stories, comments, karma, inviter and joining date. */
    Rendered profile(Context ctx) {
        Session viewer = WebSessions.session(ctx);
        String name = ctx.pathParam("name");
        Profile p = profiles.profile(name, viewer)
                .orElseThrow(() -> PageException.notFound("There is no member " + Paging.shorten(name) + "."));
        return site.render(
                "profile.jte",
                new ProfilePage(
                        site.meta(ctx, p.user().username()),
                        p.user().username(),
                        p.user().role().name().toLowerCase(java.util.Locale.ROOT),
                        Format.iso(p.user().createdAt()),
                        Format.human(p.user().createdAt()),
                        p.karma(),
                        p.invitedBy(),
                        journal.views(ctx, p.stories(), true),
                        p.comments().stream()
                                .map(c -> new ProfilePage.CommentRow(
                                        "/stories/" + c.storyId() + "#comment-" + c.id(),
                                        c.html(),
                                        Format.iso(c.createdAt()),
                                        Format.human(c.createdAt())))
                                .toList(),
                        p.notes() == null
                                ? null
                                : p.notes().stream()
                                        .map(n -> new ProfilePage.NoteRow(
                                                n.authorName(), n.text(), Format.iso(n.at()), Format.human(n.at())))
                                        .toList(),
                        p.notes() == null ? null : sessions.token(ctx, NOTE_FORM),
                        p.user().banned()));
    }

    /** {@code POST /users/{name}/notes}: a moderator adds a note on the member. */
    void addNote(Context ctx) {
        Session moderator = WebSessions.session(ctx);
        if (moderator == null || !moderator.user().role().atLeast(Role.EDITOR)) {
            throw PageException.forbidden("Only editors and administrators keep notes on members; nothing was stored.");
        }
        sessions.check(ctx, NOTE_FORM);
        String name = ctx.pathParam("name");
        Profile p = profiles.profile(name, moderator)
                .orElseThrow(() -> PageException.notFound("There is no member " + Paging.shorten(name) + "."));
        profiles.addNote(moderator, p.user().id(), ctx.formParam("note"));
        ctx.redirect("/users/" + p.user().username() + "#notes", HttpStatus.SEE_OTHER);
    }

    // ---- helpers

    private static Session requireMember(Context ctx, String what) {
        Session session = WebSessions.session(ctx);
        if (session == null) {
            throw PageException.forbidden("Log in to " + what + "; nothing was changed.");
        }
        return session;
    }

    private static long id(Context ctx, Target target) {
        String id = ctx.pathParam("id");
        if (!id.matches("[0-9]{1,18}")) {
            throw PageException.notFound("There is no " + target.key() + " " + Paging.shorten(id) + ".");
        }
        return Long.parseLong(id);
    }

    /** Back to the page the form was on (a local path), or to the story or comment itself. */
    private static void back(Context ctx, Target target, long id) {
        String sent = ctx.formParam("back");
        String fallback = target == Target.STORY ? "/stories/" + id : "/journal";
        String to = sent == null ? fallback : AccountPages.localPath(sent);
        ctx.redirect(to, HttpStatus.SEE_OTHER);
    }
}
