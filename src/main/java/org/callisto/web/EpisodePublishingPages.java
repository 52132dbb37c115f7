package org.callisto.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.callisto.account.Role;
import org.callisto.account.Session;
import org.callisto.show.Episode;
import org.callisto.show.EpisodeUploads;
import org.callisto.show.RenditionException;
import org.callisto.show.ShowRefusal;
import org.callisto.web.view.DeleteEpisodePage;

/**
 * Publishing an episode from the browser, for editors and administrators: the upload form's target
 * ({@code POST /editor/episodes/{number}/upload}, {@code multipart/form-data}: a rendition, transcript, chapters,
 * artwork or poster), publish now, schedule and unpublish ({@code POST /editor/episodes/{number}/publication}), and
 * deleting with a confirmation page ({@code /editor/episodes/{number}/delete}). Every form carries the CSRF token
 * of the episode editor's forms; answers are the episode's editor page with what was done (or, with status 400 or
 * 413, what was refused and why). Thread-safe.
 */
final class EpisodePublishingPages {
    private static final String FORM = "editor-episodes";
    /** Room for the form's other fields and the multipart framing around the file. */
    private static final long FRAMING = 64 * 1024;
    /** At most this much of a too-large upload is read and dropped so that the browser sees the refusal. */
    private static final long DRAIN = 64L * 1024 * 1024;

    private final Site site;
    private final WebSessions sessions;
    private final EpisodeEditorPages editor;
    private final SiteServices.Publishing publishing;

    EpisodePublishingPages(
            Site site, WebSessions sessions, EpisodeEditorPages editor, SiteServices.Publishing publishing) {
        this.site = site;
        this.sessions = sessions;
        this.editor = editor;
        this.publishing = publishing;
    }

    /** {@code POST /editor/episodes/{number}/upload}. */
    void upload(Context ctx) {
        requireEditor(ctx);
        EpisodeUploads uploads = publishing.uploads();
        long declared = ctx.req().getContentLengthLong();
        if (declared > uploads.maxBytes() + FRAMING) {
            drain(ctx);
            Episode e = editor.episodeOf(ctx);
            refuse(ctx, e, HttpStatus.CONTENT_TOO_LARGE, uploads.tooLarge("episode " + e.number() + " upload"));
            return;
        }
        UploadedFile file;
        try {
            sessions.check(ctx, FORM); // before the episode is looked up: a forged form learns nothing
            file = ctx.uploadedFile("file");
        } catch (PageException p) {
            throw p;
        } catch (RuntimeException broken) {
            Episode e = editor.episodeOf(ctx);
            if (tooLarge(broken)) {
                refuse(ctx, e, HttpStatus.CONTENT_TOO_LARGE, uploads.tooLarge("episode " + e.number() + " upload"));
            } else {
                refuse(
                        ctx,
                        e,
                        HttpStatus.BAD_REQUEST,
                        "The upload could not be read (" + broken.getMessage()
                                + "); choose the file and send the form again.");
            }
            return;
        }
        Episode e = editor.episodeOf(ctx);
        EpisodeUploads.Kind kind = EpisodeUploads.Kind.of(ctx.formParam("kind"));
        if (kind == null) {
            refuse(
                    ctx,
                    e,
                    HttpStatus.BAD_REQUEST,
                    "The form did not say what the file is ('"
                            + Paging.shorten(String.valueOf(ctx.formParam("kind")))
                            + "'); choose MP3, HD, SD, transcript, chapters, artwork or poster.");
            return;
        }
        if (file == null || file.filename() == null || file.filename().isBlank()) {
            refuse(ctx, e, HttpStatus.BAD_REQUEST, "No file was chosen; choose the " + kind.label() + " to upload.");
            return;
        }
        try (InputStream in = file.content()) {
            EpisodeUploads.Outcome done =
                    uploads.receive(e.number(), kind, file.filename(), in, ctx.formParam("language"));
            editor.episodePage(ctx, current(e), null, done.message());
        } catch (RenditionException refused) {
            refuse(ctx, e, HttpStatus.BAD_REQUEST, FeedbackPages.capitalized(refused.getMessage()));
        } catch (IOException broken) {
            refuse(
                    ctx,
                    e,
                    HttpStatus.BAD_REQUEST,
                    "The upload broke off (" + broken.getMessage() + "); send it again.");
        }
    }

    /** {@code POST /editor/episodes/{number}/publication}: {@code action} publish, schedule (with {@code at}) or unpublish. */
    void publication(Context ctx) {
        Session session = requireEditor(ctx);
        sessions.check(ctx, FORM);
        Episode e = editor.episodeOf(ctx);
        String action = ctx.formParam("action") == null ? "" : ctx.formParam("action");
        try {
            String notice = switch (action) {
                case "publish" -> {
                    publishing.episodes().publishNow(session, e);
                    yield "Episode " + e.number() + " is published.";
                }
                case "schedule" -> {
                    publishing.episodes().schedule(session, e, ctx.formParam("at"));
                    yield "Episode " + e.number() + " is scheduled.";
                }
                case "unpublish" -> {
                    publishing.episodes().unpublish(session, e);
                    yield "Episode " + e.number() + " is unpublished: the site and the feeds no longer show it.";
                }
                default -> throw new ShowRefusal("the form asked for no known change; reload the page and try again");
            };
            editor.episodePage(ctx, current(e), null, notice);
        } catch (ShowRefusal refusal) {
            refuse(ctx, e, HttpStatus.BAD_REQUEST, FeedbackPages.capitalized(refusal.getMessage()));
        }
    }

    /** {@code GET /editor/episodes/{number}/delete}: the confirmation page. */
    void deleteForm(Context ctx) {
        Session session = AccountPages.requireLogin(
                ctx, "/editor/episodes/" + Paging.shorten(ctx.pathParam("number")) + "/delete");
        if (session == null) {
            return;
        }
        if (!session.user().role().atLeast(Role.EDITOR)) {
            throw PageException.forbidden("Deleting episodes is for editors and administrators only.");
        }
        deletePage(ctx, editor.episodeOf(ctx), null, "");
    }

    /** {@code POST /editor/episodes/{number}/delete}: deletes, logs, and goes back to the list of episodes. */
    void delete(Context ctx) {
        Session session = requireEditor(ctx);
        sessions.check(ctx, FORM);
        Episode e = editor.episodeOf(ctx);
        String reason = ctx.formParam("reason");
        try {
            publishing.episodes().delete(session, e, reason);
            ctx.redirect("/editor/episodes", HttpStatus.SEE_OTHER);
        } catch (ShowRefusal refusal) {
            ctx.status(400);
            deletePage(ctx, e, FeedbackPages.capitalized(refusal.getMessage()), reason == null ? "" : reason);
        }
    }

    private void deletePage(Context ctx, Episode e, String message, String reason) {
        String back = "/editor/episodes/" + e.number();
        Responses.personal(
                ctx,
                site.render(
                        "delete-episode.jte",
                        new DeleteEpisodePage(
                                site.meta(ctx, "Delete episode " + e.number()),
                                sessions.token(ctx, FORM),
                                message,
                                e.number(),
                                e.title(),
                                back + "/delete",
                                back,
                                reason.length() > 2_000 ? reason.substring(0, 2_000) : reason)));
    }

    private void refuse(Context ctx, Episode e, HttpStatus status, String message) {
        ctx.status(status);
        editor.episodePage(ctx, current(e), message, null);
    }

    /** The episode as stored now (after the change), or as it was when it is gone. */
    private Episode current(Episode e) {
        return editor.reread(e);
    }

    private static Session requireEditor(Context ctx) {
        Session session = WebSessions.session(ctx);
        if (session == null || !session.user().role().atLeast(Role.EDITOR)) {
            throw PageException.forbidden("Only editors and administrators can publish episodes; nothing was changed.");
        }
        return session;
    }

    /** Whether a failure to read the multipart body came from Jetty's size limits. */
    private static boolean tooLarge(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("size") || m.contains("413") || m.contains("too large") || m.contains("exceed")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads and drops (at most {@link #DRAIN} bytes of) a refused request body, so that the browser, still
     * sending, reads the refusal instead of a reset connection.
     */
    private static void drain(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long left = DRAIN;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException e) {
            // the client went away: nobody reads the answer
        }
        ctx.header("Connection", "close");
    }

    /** "4.0 GiB", "64.0 KiB". */
    static String human(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
}
