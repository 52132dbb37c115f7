package org.callisto.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.callisto.account.Role;
import org.callisto.account.Session;
import org.callisto.show.Chapters;
import org.callisto.show.Curation;
import org.callisto.show.Episode;
import org.callisto.show.EpisodeEditor;
import org.callisto.show.EpisodeNotes;
import org.callisto.show.EpisodePublishing;
import org.callisto.show.EpisodePublishingStore;
import org.callisto.show.Guest;
import org.callisto.show.NoteItem;
import org.callisto.show.NoteStore;
import org.callisto.show.Rendition;
import org.callisto.show.ShowRefusal;
import org.callisto.show.SourceKind;
import org.callisto.show.Transcript;
import org.callisto.web.view.EditorEpisodePage;
import org.callisto.web.view.EditorEpisodesPage;

/**
 * Episode editing for editors and administrators: the list and the creation form ({@code /editor/episodes}), and
 * one episode's page ({@code /editor/episodes/{number}}) with its details, sections and items, and the curation
 * search whose results are added to a section with one button each.
 *
 * <p>Every form on the episode's page posts to the page itself with an {@code action} field and the CSRF token of
 * form {@code editor-episodes}; a change answers 303 back to the page, a refusal 400 with the page and the reason.
 * Anonymous readers are sent to log in; members get 403. Thread-safe.
 */
final class EpisodeEditorPages {
    private static final String LIST = "/editor/episodes";
    private static final String FORM = "editor-episodes";

    private final Site site;
    private final WebSessions sessions;
    private final EpisodeEditor editor;
    private final Curation curation;
    private final Clock clock;
    private final SiteServices.Publishing publishing;

    EpisodeEditorPages(
            Site site,
            WebSessions sessions,
            EpisodeEditor editor,
            Curation curation,
            SiteServices.Publishing publishing,
            Clock clock) {
        this.site = site;
        this.publishing = publishing;
        this.sessions = sessions;
        this.editor = editor;
        this.curation = curation;
        this.clock = clock;
    }

    // ---- the list

    void list(Context ctx) {
        if (requireEditor(ctx, LIST) == null) {
            return;
        }
        List<Episode> all = editor.stores().episodes().episodes();
        int next = all.stream().mapToInt(Episode::number).max().orElse(0) + 1;
        listPage(
                ctx,
                null,
                Integer.toString(next),
                "",
                local(clock.instant().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS)),
                "");
    }

    void create(Context ctx) {
        requireEditorPost(ctx);
        String number = orEmpty(ctx.formParam("number"));
        String title = orEmpty(ctx.formParam("title"));
        String published = orEmpty(ctx.formParam("published"));
        String summary = orEmpty(ctx.formParam("summary"));
        try {
            Episode e = editor.create(number, title, published, summary);
            ctx.redirect(LIST + "/" + e.number(), HttpStatus.SEE_OTHER);
        } catch (ShowRefusal refusal) {
            ctx.status(400);
            listPage(ctx, refusal.getMessage(), number, title, published, summary);
        }
    }

    private void listPage(Context ctx, String message, String number, String title, String published, String summary) {
        List<EditorEpisodesPage.Row> rows = new ArrayList<>();
        for (Episode e : editor.stores().episodes().episodes()) {
            rows.add(new EditorEpisodesPage.Row(
                    e.number(),
                    e.title(),
                    Format.iso(e.publishedAt()),
                    EpisodePublishing.unpublished(e) ? "unpublished" : Format.human(e.publishedAt()),
                    !e.publishedAt().isAfter(clock.instant()),
                    LIST + "/" + e.number(),
                    "/episodes/" + e.number()));
        }
        Responses.personal(
                ctx,
                site.render(
                        "editor-episodes.jte",
                        new EditorEpisodesPage(
                                site.meta(ctx, "Edit episodes"),
                                sessions.token(ctx, FORM),
                                message == null ? null : FeedbackPages.capitalized(message),
                                rows,
                                bounded(number),
                                bounded(title),
                                bounded(published),
                                bounded(summary))));
    }

    // ---- one episode

    void episode(Context ctx) {
        Session session = requireEditor(ctx, LIST + "/" + Paging.shorten(ctx.pathParam("number")));
        if (session == null) {
            return;
        }
        Episode e = episodeOf(ctx);
        String q = ctx.queryParam("q");
        String message = null;
        List<Curation.Candidate> results = List.of();
        boolean searched = q != null;
        if (searched) {
            try {
                results = curation.search(q);
            } catch (ShowRefusal refusal) {
                message = refusal.getMessage();
                ctx.status(400);
            }
        }
        episodePage(ctx, e, message, null, q == null ? "" : q, results, searched, null);
    }

    /** The episode's editor page after a publishing change: {@code refusal} (status 400) or {@code notice}. */
    void episodePage(Context ctx, Episode e, String refusal, String notice) {
        episodePage(ctx, e, refusal, null, "", List.of(), false, notice);
    }

    void change(Context ctx) {
        requireEditorPost(ctx);
        Episode e = episodeOf(ctx);
        String action = orEmpty(ctx.formParam("action"));
        String back = LIST + "/" + e.number();
        String[] details = null;
        try {
            switch (action) {
                case "episode" -> {
                    details = new String[] {
                        orEmpty(ctx.formParam("title")),
                        orEmpty(ctx.formParam("published")),
                        orEmpty(ctx.formParam("summary"))
                    };
                    editor.update(e, details[0], details[1], details[2]);
                }
                case "more" -> {
                    details = new String[] {
                        orEmpty(ctx.formParam("guests")),
                        orEmpty(ctx.formParam("season")),
                        orEmpty(ctx.formParam("type")),
                        ctx.formParam("explicit") == null ? "" : "yes"
                    };
                    editor.updateMore(e, details[0], details[1], details[2], !details[3].isEmpty());
                }
                case "add-section" -> editor.addSection(e, ctx.formParam("heading"));
                case "rename-section" -> editor.renameSection(e, id(ctx, "section"), ctx.formParam("heading"));
                case "move-section" -> editor.moveSection(e, id(ctx, "section"), up(ctx));
                case "delete-section" -> editor.deleteSection(e, id(ctx, "section"));
                case "add-item" ->
                    editor.addItem(
                            e,
                            id(ctx, "section"),
                            ctx.formParam("title"),
                            ctx.formParam("link"),
                            ctx.formParam("summary"));
                case "edit-item" ->
                    editor.updateItem(
                            e,
                            id(ctx, "item"),
                            ctx.formParam("title"),
                            ctx.formParam("link"),
                            ctx.formParam("summary"));
                case "move-item" -> editor.moveItem(e, id(ctx, "item"), up(ctx));
                case "item-to-section" -> editor.moveItemToSection(e, id(ctx, "item"), id(ctx, "section"));
                case "delete-item" -> editor.deleteItem(e, id(ctx, "item"));
                case "curate" -> {
                    SourceKind kind;
                    try {
                        kind = SourceKind.valueOf(orEmpty(ctx.formParam("kind")).toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException bad) {
                        throw new ShowRefusal(
                                "the form named no known source (planet, journal or feedback);" + " search again");
                    }
                    curation.add(e, id(ctx, "section"), kind, id(ctx, "source"));
                    String q = ctx.formParam("q");
                    if (q != null && !q.isBlank()) {
                        back += "?q=" + URLEncoder.encode(bounded(q), StandardCharsets.UTF_8) + "#results";
                    }
                }
                default ->
                    throw new ShowRefusal("the form asked for no known change; reload the page and try" + " again");
            }
            ctx.redirect(back, HttpStatus.SEE_OTHER);
        } catch (ShowRefusal refusal) {
            ctx.status(400);
            episodePage(
                    ctx,
                    editor.stores().episodes().episode(e.number()).orElse(e),
                    refusal.getMessage(),
                    details,
                    "",
                    List.of(),
                    false,
                    null);
        }
    }

    private void episodePage(
            Context ctx,
            Episode e,
            String message,
            String[] details,
            String query,
            List<Curation.Candidate> found,
            boolean searched,
            String notice) {
        List<NoteStore.StoredSection> stored = editor.stores().notes().storedNotes(e.id());
        List<EditorEpisodePage.SectionView> sections = new ArrayList<>();
        for (int s = 0; s < stored.size(); s++) {
            NoteStore.StoredSection section = stored.get(s);
            List<EditorEpisodePage.ItemView> items = new ArrayList<>();
            for (int i = 0; i < section.items().size(); i++) {
                NoteStore.StoredItem item = section.items().get(i);
                NoteItem n = item.item();
                items.add(new EditorEpisodePage.ItemView(
                        item.id(),
                        n.title(),
                        n.link() == null ? "" : n.link(),
                        n.summary(),
                        n.sourceKind() == null ? null : n.sourceKind().value() + " " + n.sourceId(),
                        i == 0,
                        i == section.items().size() - 1));
            }
            sections.add(new EditorEpisodePage.SectionView(
                    section.id(), section.heading(), s == 0, s == stored.size() - 1, items));
        }
        List<EditorEpisodePage.Result> results = new ArrayList<>();
        for (Curation.Candidate c : found) {
            String url = switch (c.kind()) {
                case PLANET -> "/entries/" + c.id();
                case JOURNAL -> "/stories/" + c.id();
                case FEEDBACK -> null;
            };
            String label = switch (c.kind()) {
                case PLANET -> "Planet entry";
                case JOURNAL -> "Journal story";
                case FEEDBACK -> "Listener feedback";
            };
            results.add(new EditorEpisodePage.Result(
                    c.kind().value(),
                    c.id(),
                    label,
                    c.title(),
                    c.origin(),
                    url,
                    c.excerpt(),
                    c.at() == null ? "" : Format.iso(c.at()),
                    c.at() == null ? "" : Format.human(c.at()),
                    c.usedIn()));
        }
        boolean more = details != null && "more".equals(ctx.formParam("action"));
        boolean basic = details != null && !more;
        String title = basic ? bounded(details[0]) : e.title();
        String published = basic ? bounded(details[1]) : local(e.publishedAt());
        String summary = basic ? bounded(details[2]) : e.summary();
        String guests = more
                ? bounded(details[0])
                : Guest.written(editor.stores().guests().guests(e.id()));
        String season = more
                ? bounded(details[1])
                : e.season() == null ? "" : e.season().toString();
        String type = more ? bounded(details[2]) : e.type().value();
        boolean explicit = more ? !details[3].isEmpty() : e.explicit();
        Responses.personal(
                ctx,
                site.render(
                        "editor-episode.jte",
                        new EditorEpisodePage(
                                site.meta(ctx, "Edit episode " + e.number()),
                                sessions.token(ctx, FORM),
                                message == null ? null : FeedbackPages.capitalized(message),
                                e.number(),
                                LIST + "/" + e.number(),
                                title,
                                published,
                                summary,
                                "/episodes/" + e.number(),
                                !e.publishedAt().isAfter(clock.instant()),
                                sections,
                                bounded(query),
                                results,
                                searched,
                                guests,
                                season,
                                type,
                                explicit,
                                publishing(e, notice))));
    }

    private EditorEpisodePage.Publishing publishing(Episode e, String notice) {
        String base = LIST + "/" + e.number();
        java.time.Instant now = clock.instant();
        boolean unpublished = EpisodePublishing.unpublished(e);
        String status = unpublished
                ? "Unpublished: the site, the feeds and search do not show it."
                : e.publishedAt().isAfter(now)
                        ? "Scheduled for " + Format.human(e.publishedAt()) + " (UTC " + local(e.publishedAt()) + ")."
                        : "Published on " + Format.human(e.publishedAt()) + ".";
        EpisodeNotes notes = editor.stores().episodeNotes().notes(e);
        List<String> files = new ArrayList<>();
        for (Rendition r : notes.renditions()) {
            long seconds = r.durationSeconds();
            files.add(r.kind().label() + ": " + r.mediaPath() + " (" + ShowPages.size(r.length()) + ", "
                    + ShowPages.duration(seconds)
                    + (seconds > 0 ? ", " + (r.length() * 8 / seconds / 1000) + " kbit/s" : "")
                    + ")");
        }
        for (Transcript t : notes.transcripts()) {
            files.add("Transcript: " + t.location());
        }
        if (e.chaptersJson() != null) {
            files.add("Chapters: " + Chapters.read(e.chaptersJson()).size() + " (" + "/show/" + e.number()
                    + "/chapters.json)");
        }
        EpisodePublishingStore.Extras x = publishing.episodes().extras().extras(e.id());
        if (x.artworkPath() != null) {
            files.add("Episode artwork: " + x.artworkPath());
        }
        if (x.posterPath() != null) {
            files.add("Video poster: " + x.posterPath());
        }
        String scheduleAt = unpublished || !e.publishedAt().isAfter(now)
                ? local(now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS))
                : local(e.publishedAt());
        return new EditorEpisodePage.Publishing(
                status,
                notice,
                scheduleAt,
                base + "/publication",
                base + "/upload",
                base + "/delete",
                base + "/preview",
                base + "/preview.xml",
                EpisodePublishingPages.human(publishing.uploads().maxBytes()),
                files,
                x.storyId() == null ? null : "/stories/" + x.storyId(),
                !unpublished && !e.publishedAt().isAfter(now),
                unpublished);
    }

    // ---- helpers

    /** The episode as stored now, or {@code e} when it is gone. */
    Episode reread(Episode e) {
        return editor.stores().episodes().episode(e.number()).orElse(e);
    }

    Episode episodeOf(Context ctx) {
        String number = ctx.pathParam("number");
        return editor.episode(number)
                .orElseThrow(() -> PageException.notFound("There is no episode " + Paging.shorten(number)
                        + ". The list of episodes at " + LIST + " has every one."));
    }

    private static Session requireEditor(Context ctx, String here) {
        Session session = AccountPages.requireLogin(ctx, here);
        if (session != null && !session.user().role().atLeast(Role.EDITOR)) {
            throw PageException.forbidden("Editing episodes is for editors and administrators only.");
        }
        return session;
    }

    private void requireEditorPost(Context ctx) {
        Session session = WebSessions.session(ctx);
        if (session == null || !session.user().role().atLeast(Role.EDITOR)) {
            throw PageException.forbidden("Only editors and administrators can edit episodes; nothing was changed.");
        }
        sessions.check(ctx, FORM);
    }

    private static long id(Context ctx, String field) {
        String v = ctx.formParam(field);
        if (v == null || !v.strip().matches("[0-9]{1,18}")) {
            throw new ShowRefusal("the form did not say which " + field + " (it sent '"
                    + Paging.shorten(v == null ? "" : v) + "'); reload the page and try again");
        }
        return Long.parseLong(v.strip());
    }

    private static boolean up(Context ctx) {
        String d = orEmpty(ctx.formParam("direction"));
        if (!d.equals("up") && !d.equals("down")) {
            throw new ShowRefusal("the form did not say up or down; reload the page and try again");
        }
        return d.equals("up");
    }

    /** {@code yyyy-MM-ddTHH:mm} in UTC, as a {@code datetime-local} field shows it. */
    private static String local(java.time.Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** What is shown back in a refused form, bounded so that a huge post cannot make a huge page. */
    private static String bounded(String s) {
        return s.length() <= 10_000 ? s : s.substring(0, 10_000);
    }
}
