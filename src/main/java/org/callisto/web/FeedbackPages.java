package org.callisto.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.callisto.account.AccountRefusal;
import org.callisto.account.Role;
import org.callisto.account.Session;
import org.callisto.html.PlainText;
import org.callisto.journal.JournalRefusal;
import org.callisto.show.Feedback;
import org.callisto.show.FeedbackStatus;
import org.callisto.show.ListenerFeedback;
import org.callisto.web.view.FeedbackPage;
import org.callisto.web.view.FeedbackQueuePage;

/**
 * Listener feedback on the web: the public form {@code /feedback} (anyone, logged in or not; CSRF token from the
 * session or the double-submit cookie; rate-limited per address; a thank-you page after storing) and the editors'
 * queue {@code /editor/feedback} (editors and administrators: open messages, mark answered or archived, reopen, and
 * the episode that took a message up). The sender's email is shown on the queue only. Thread-safe.
 */
final class FeedbackPages {
    private static final String QUEUE = "/editor/feedback";

    private final Site site;
    private final WebSessions sessions;
    private final ListenerFeedback feedback;

    FeedbackPages(Site site, WebSessions sessions, ListenerFeedback feedback) {
        this.site = site;
        this.sessions = sessions;
        this.feedback = feedback;
    }

    void form(Context ctx) {
        boolean sent = ctx.queryParam("sent") != null;
        formPage(ctx, sent, null, "", "", "", "");
    }

    void send(Context ctx) {
        sessions.check(ctx, "feedback");
        String name = orEmpty(ctx.formParam("name"));
        String email = orEmpty(ctx.formParam("email"));
        String subject = orEmpty(ctx.formParam("subject"));
        String text = orEmpty(ctx.formParam("message"));
        try {
            feedback.send(name, email, subject, text, ctx.ip());
            ctx.redirect("/feedback?sent", HttpStatus.SEE_OTHER);
        } catch (JournalRefusal refusal) {
            ctx.status(400);
            formPage(ctx, false, refusal.getMessage(), name, email, subject, text);
        } catch (AccountRefusal refusal) {
            AccountPages.refused(ctx, refusal);
            formPage(ctx, false, refusal.getMessage(), name, email, subject, text);
        }
    }

    private void formPage(
            Context ctx, boolean sent, String message, String name, String email, String subject, String text) {
        Responses.personal(
                ctx,
                site.render(
                        "feedback.jte",
                        new FeedbackPage(
                                site.meta(ctx, sent ? "Thank you for your feedback" : "Feedback and questions"),
                                sessions.token(ctx, "feedback"),
                                sent,
                                message == null ? null : capitalized(message),
                                shorten(name, 1000),
                                shorten(email, 1000),
                                shorten(subject, 1000),
                                shorten(text, 20_000))));
    }

    void queue(Context ctx) {
        Session editor = AccountPages.requireLogin(ctx, QUEUE);
        if (editor == null) {
            return;
        }
        if (!editor.user().role().atLeast(Role.EDITOR)) {
            throw PageException.forbidden("The feedback queue is for editors and administrators only.");
        }
        queuePage(ctx, editor, null);
    }

    void decide(Context ctx) {
        Session editor = WebSessions.session(ctx);
        if (editor == null || !editor.user().role().atLeast(Role.EDITOR)) {
            throw PageException.forbidden(
                    "Only editors and administrators can handle listener feedback;" + " nothing was changed.");
        }
        sessions.check(ctx, "editor-feedback");
        String id = ctx.formParam("feedback");
        try {
            if (id == null || !id.strip().matches("[0-9]{1,18}")) {
                throw new JournalRefusal(
                        "the form did not say which message; reload the feedback queue and try" + " again");
            }
            FeedbackStatus status = switch (String.valueOf(ctx.formParam("decision"))) {
                case "answered" -> FeedbackStatus.ANSWERED;
                case "archived" -> FeedbackStatus.ARCHIVED;
                case "reopen" -> FeedbackStatus.NEW;
                default -> throw new JournalRefusal("choose Answered, Archive or Reopen");
            };
            feedback.decide(editor, Long.parseLong(id.strip()), status);
            ctx.redirect(QUEUE, HttpStatus.SEE_OTHER);
        } catch (JournalRefusal refusal) {
            ctx.status(400);
            queuePage(ctx, editor, capitalized(refusal.getMessage()));
        }
    }

    private void queuePage(Context ctx, Session editor, String message) {
        Responses.personal(
                ctx,
                site.render(
                        "feedback-queue.jte",
                        new FeedbackQueuePage(
                                site.meta(ctx, "Listener feedback"),
                                sessions.token(ctx, "editor-feedback"),
                                message,
                                items(feedback.open(editor)),
                                items(feedback.decided(editor)))));
    }

    /**
     * {@code /feedback/{id}}: a listener message that is public (imported from a show's archive, which published
     * it), with the episode that answered it; every other message is not found, so nothing sent through the form
     * is ever shown.
     */
    Rendered item(Context ctx) {
        String id = ctx.pathParam("id");
        Feedback f = (id.matches("[0-9]{1,18}")
                        ? feedback.store().published(Long.parseLong(id))
                        : java.util.Optional.<Feedback>empty())
                .orElseThrow(() -> PageException.notFound("There is no public feedback message " + Paging.shorten(id)
                        + ". Listener feedback is public only when the show's archive published it."));
        return site.render(
                "feedback-item.jte",
                new org.callisto.web.view.FeedbackItemPage(
                        site.meta(ctx, f.subject()),
                        f.from(),
                        f.subject(),
                        PlainText.toHtml(f.message()),
                        f.usedInEpisode(),
                        f.usedInEpisode() == null ? null : "/episodes/" + f.usedInEpisode()));
    }

    private static List<FeedbackQueuePage.Item> items(List<Feedback> list) {
        return list.stream()
                .map(f -> new FeedbackQueuePage.Item(
                        f,
                        PlainText.toHtml(f.message()),
                        Format.iso(f.receivedAt()),
                        Format.human(f.receivedAt()),
                        f.usedInEpisode() == null ? null : "/editor/episodes/" + f.usedInEpisode()))
                .toList();
    }

    static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1) + (s.endsWith(".") ? "" : ".");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** What is shown back in a refused form, bounded so that a huge post cannot make a huge page. */
    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
