package org.callisto.web.view;

import java.util.List;
import org.callisto.planet.Category;
import org.callisto.planet.Entry;
import org.callisto.planet.EntryExcerpt;
import org.callisto.planet.EntryLimits;
import org.callisto.planet.PostCopy;

/**
 * An entry as a page shows it. Immutable.
 *
 * @param entry      the stored entry (its HTML already sanitized)
 * @param link       the original's permalink if it is a web address, else null
 * @param siteUrl    its feed's site if that is a web address, else null
 * @param categories the categories it belongs to
 * @param isoTime    its publication time for {@code <time datetime>}
 * @param time       its publication time for people
 * @param excerpt    what a list shows of its HTML ({@link EntryExcerpt}), or null on its own page, which shows all
 * @param avatar     the picture of its feed's author: the feed's face, or its generated initials as a data: URI
 * @param alsoPosted the other feeds' copies of the same post ("also posted by"), earliest first
 */
public record EntryView(
        Entry entry,
        String link,
        String siteUrl,
        List<Category> categories,
        String isoTime,
        String time,
        EntryExcerpt excerpt,
        String avatar,
        List<PostCopy> alsoPosted) {

    public EntryView {
        alsoPosted = alsoPosted == null ? List.of() : List.copyOf(alsoPosted);
    }

    /** An entry shown with no other copies. */
    public EntryView(
            Entry entry,
            String link,
            String siteUrl,
            List<Category> categories,
            String isoTime,
            String time,
            EntryExcerpt excerpt,
            String avatar) {
        this(entry, link, siteUrl, categories, isoTime, time, excerpt, avatar, List.of());
    }

    /** An entry shown without a face of its own (the layout shows no picture). */
    public EntryView(
            Entry entry,
            String link,
            String siteUrl,
            List<Category> categories,
            String isoTime,
            String time,
            EntryExcerpt excerpt) {
        this(entry, link, siteUrl, categories, isoTime, time, excerpt, null, List.of());
    }

    /** This view with the other feeds' copies of its post. */
    public EntryView withAlsoPosted(List<PostCopy> copies) {
        return new EntryView(entry, link, siteUrl, categories, isoTime, time, excerpt, avatar, copies);
    }

    /** The HTML shown: the excerpt in a list, all of it on the entry's own page. */
    public String shownHtml() {
        return excerpt == null ? entry.bodyHtml() : excerpt.html();
    }

    /** Whether only the start of the HTML is shown, so that a "continue reading" link should follow. */
    public boolean shortened() {
        return excerpt != null && excerpt.cut();
    }

    public String title() {
        String t = entry.title();
        return t == null || t.isBlank() ? "(untitled)" : t;
    }

    /**
     * The title's inline markup, already sanitized by the title policy when stored, for headings; null when the
     * feed gave none, and the text {@link #title()} is shown.
     */
    public String titleHtml() {
        return entry.details().titleHtml();
    }

    /** The author's page if it is a web address, else null. */
    public String authorUrl() {
        return EntryLimits.webUrl(entry.details().authorUri());
    }

    /** "Comments", "1 comment" or "N comments". */
    public String commentsLabel() {
        Integer n = entry.details().commentCount();
        if (n == null) {
            return "Comments";
        }
        return n == 1 ? "1 comment" : n + " comments";
    }

    public String permalink() {
        return "/entries/" + entry.id();
    }

    public String feedPage() {
        return "/feeds/" + entry.feedId();
    }
}
