package org.callisto.show;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.callisto.html.HtmlText;
import org.callisto.html.PlainText;
import org.callisto.journal.JournalStore;
import org.callisto.journal.Story;
import org.callisto.journal.StoryStatus;
import org.callisto.planet.Entry;
import org.callisto.planet.EntryStore;

/**
 * Curating show notes from what Callisto already holds: a search over the past week's planet entries, the
 * journal's published stories and the open listener feedback, and the copying of one of them into a new item at
 * the end of a section. The item keeps where it came from ({@link SourceKind} and id); its title, link and a
 * plain-text summary (cut at {@link #SUMMARY_CHARS}) are copied from the source as stored now, never from what the
 * form sent. Taking up a feedback message records the episode on it.
 *
 * <p>Thread-safe: the stores are.
 */
public final class Curation {
    /** How far back planet entries are searched. */
    public static final Duration PLANET_WINDOW = Duration.ofDays(7);
    /** Most results of each kind. */
    public static final int RESULTS = 20;
    /** Longest copied summary, in characters, with the ellipsis of a cut. */
    public static final int SUMMARY_CHARS = 300;
    /** Shortest and longest search text. */
    public static final int MIN_QUERY = 2;

    public static final int MAX_QUERY = 100;

    /**
     * One search result.
     *
     * @param kind     where it is
     * @param id       its id there
     * @param title    its title
     * @param origin   the feed's name for planet entries, the author for stories, the sender's name for feedback
     * @param excerpt  the start of its text
     * @param at       when it was published or received
     * @param usedIn   for feedback: the episode that already took it up, or null
     */
    public record Candidate(
            SourceKind kind, long id, String title, String origin, String excerpt, Instant at, Integer usedIn) {}

    private final EpisodeEditor editor;
    private final EntryStore planet;
    private final JournalStore journal;
    private final FeedbackStore feedback;
    private final String siteUrl;
    private final Clock clock;

    /** @param siteUrl the site's address, for links to journal stories and planet entries */
    public Curation(
            EpisodeEditor editor,
            EntryStore planet,
            JournalStore journal,
            FeedbackStore feedback,
            String siteUrl,
            Clock clock) {
        this.editor = editor;
        this.planet = planet;
        this.journal = journal;
        this.feedback = feedback;
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl : siteUrl + "/";
        this.clock = clock;
    }

    /**
     * Searches the past week's planet entries, published stories and open feedback for {@code query}.
     *
     * @throws ShowRefusal when the query is shorter than {@link #MIN_QUERY} or longer than {@link #MAX_QUERY}
     */
    public List<Candidate> search(String query) {
        String q = query == null
                ? ""
                : EpisodeEditor.clean(query).replaceAll("\\s+", " ").strip();
        if (q.length() < MIN_QUERY) {
            throw new ShowRefusal("search for at least " + MIN_QUERY + " characters; '" + q + "' is too short");
        }
        if (q.length() > MAX_QUERY) {
            throw new ShowRefusal("the search text has " + q.length() + " characters, more than the " + MAX_QUERY
                    + " allowed; search for fewer words");
        }
        List<Candidate> found = new ArrayList<>();
        for (Entry e : planet.searchEntries(q, clock.instant().minus(PLANET_WINDOW), RESULTS)) {
            found.add(new Candidate(
                    SourceKind.PLANET,
                    e.id(),
                    entryTitle(e),
                    e.feedName(),
                    HtmlText.excerpt(
                            e.summaryHtml() == null || e.summaryHtml().isBlank() ? e.contentHtml() : e.summaryHtml(),
                            200),
                    e.publishedAt(),
                    null));
        }
        for (Story s : journal.searchPublished(q, RESULTS)) {
            found.add(new Candidate(
                    SourceKind.JOURNAL,
                    s.id(),
                    s.title(),
                    s.authorName(),
                    HtmlText.excerpt(s.introHtml(), 200),
                    s.publishedAt(),
                    null));
        }
        for (Feedback f : feedback.searchOpen(q, RESULTS)) {
            found.add(new Candidate(
                    SourceKind.FEEDBACK,
                    f.id(),
                    f.subject(),
                    f.from(),
                    HtmlText.excerpt(PlainText.toHtml(f.message()), 200),
                    f.receivedAt(),
                    f.usedInEpisode()));
        }
        return found;
    }

    /**
     * Copies a planet entry, story or feedback message into a new item at the end of a section of {@code episode}.
     *
     * @throws ShowRefusal when the source is gone (or not public), or the section is not the episode's
     */
    public NoteItem add(Episode episode, long sectionId, SourceKind kind, long sourceId) {
        NoteItem item = switch (kind) {
            case PLANET -> {
                Entry e = planet.entry(sourceId)
                        .orElseThrow(() -> new ShowRefusal(
                                "planet entry " + sourceId + " is no longer on the planet; search again"));
                String link = e.link() != null && e.link().matches("(?i)https?://\\S+")
                        ? e.link()
                        : siteUrl + "entries/" + e.id();
                yield new NoteItem(
                        cut(entryTitle(e), EpisodeEditor.MAX_ITEM_TITLE),
                        link,
                        markdownText(HtmlText.excerpt(
                                e.summaryHtml() == null || e.summaryHtml().isBlank()
                                        ? e.contentHtml()
                                        : e.summaryHtml(),
                                SUMMARY_CHARS)),
                        SourceKind.PLANET,
                        e.id());
            }
            case JOURNAL -> {
                Story s = journal.story(sourceId)
                        .filter(x -> x.status() == StoryStatus.PUBLISHED)
                        .orElseThrow(
                                () -> new ShowRefusal("journal story " + sourceId + " is not published; search again"));
                yield new NoteItem(
                        cut(s.title(), EpisodeEditor.MAX_ITEM_TITLE),
                        siteUrl + "stories/" + s.id(),
                        markdownText(HtmlText.excerpt(s.introHtml(), SUMMARY_CHARS)),
                        SourceKind.JOURNAL,
                        s.id());
            }
            case FEEDBACK -> {
                Feedback f = feedback.feedback(sourceId)
                        .filter(x -> x.status() != FeedbackStatus.ARCHIVED)
                        .orElseThrow(() ->
                                new ShowRefusal("feedback message " + sourceId + " is gone or archived; search again"));
                String text = HtmlText.excerpt(
                        PlainText.toHtml(f.message()), SUMMARY_CHARS - f.from().length() - 2);
                yield new NoteItem(
                        cut(f.subject(), EpisodeEditor.MAX_ITEM_TITLE),
                        null,
                        markdownText(f.from() + ": " + text),
                        SourceKind.FEEDBACK,
                        f.id());
            }
        };
        editor.add(episode, sectionId, item);
        if (kind == SourceKind.FEEDBACK) {
            feedback.markUsed(sourceId, episode.number(), clock.instant());
        }
        return item;
    }

    private static String entryTitle(Entry e) {
        return e.title() == null || e.title().isBlank() ? "(untitled entry from " + e.feedName() + ")" : e.title();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /**
     * Plain text written so that Markdown shows it as it is: Markdown's punctuation is escaped with backslashes,
     * and so are marks at the start that would make a heading, list or quote.
     */
    static String markdownText(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>".indexOf(c) >= 0 || i == 0 && "#+-=>|".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString().replaceFirst("^([0-9]+)([.)])", "$1\\\\$2");
    }
}
