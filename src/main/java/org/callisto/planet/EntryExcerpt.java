package org.callisto.planet;

import org.callisto.html.HtmlSanitizer;
import org.callisto.html.Utf8;

/**
 * What a list of entries shows of one entry's stored HTML: all of it when it takes at most {@link #MAX_BYTES} bytes
 * of UTF-8, else its start cut on an element boundary, for the list to follow with a "continue reading" link to the
 * entry's own page. The river, the category, feed and date archives and the output feeds show this, so that a
 * page of N entries holds at most N excerpts whatever the feeds contain. Stored HTML is a fixed point of the
 * sanitizer, so cutting it again with the same policy keeps everything up to the cut. Thread-safe.
 *
 * @param html the HTML to show, never null
 * @param cut  whether it is only the start of the entry
 */
public record EntryExcerpt(String html, boolean cut) {
    /** The most UTF-8 bytes of an entry's HTML that a list shows. */
    public static final int MAX_BYTES = 16 * 1024;
    /**
     * The most UTF-8 bytes of an entry's summary that an output feed carries beside its content (a summary without
     * content is the entry's body and gets {@link #MAX_BYTES}).
     */
    public static final int MAX_SUMMARY_BYTES = 4 * 1024;

    private static final HtmlSanitizer SANITIZER = HtmlSanitizer.aggregated();

    /**
     * The excerpt of {@code html}, sanitized HTML as stored (null is empty), in at most {@link #MAX_BYTES} bytes, for
     * an entry whose original is at {@code link}.
     */
    public static EntryExcerpt of(String html, String link) {
        return of(html, link, MAX_BYTES);
    }

    /** The excerpt of {@code html} in at most {@code maxBytes} bytes of UTF-8. */
    public static EntryExcerpt of(String html, String link, int maxBytes) {
        if (html == null) {
            return new EntryExcerpt("", false);
        }
        // Most entries are short: a length check, then a count of bytes, before any parsing.
        if ((long) html.length() * 3 <= maxBytes || Utf8.length(html) <= maxBytes) {
            return new EntryExcerpt(html, false);
        }
        HtmlSanitizer.Result r = SANITIZER.sanitize(html, link, maxBytes);
        return new EntryExcerpt(r.html(), r.cut());
    }

    /** The excerpt of an entry's {@link Entry#bodyHtml() body}. */
    public static EntryExcerpt of(Entry entry) {
        return of(entry.bodyHtml(), entry.link());
    }
}
