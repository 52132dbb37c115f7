package org.callisto.planet;

import java.net.URI;
import org.callisto.html.HtmlSanitizer;
import org.callisto.html.Utf8;

/**
 * An entry's summary and content as the planet stores them: sanitized, together at most
 * {@link EntryLimits#MAX_ENTRY_HTML_BYTES} bytes of UTF-8 (a summary beside content at most
 * {@link EntryLimits#MAX_SUMMARY_HTML_BYTES}), each cut on an element boundary when it does not fit and then ended
 * with a notice linking to the original ("Continue reading at example.org"). Thread-safe.
 *
 * @param summary the sanitized summary, or null when the feed gave none
 * @param content the sanitized content, or null when the feed gave none
 * @param cut     whether either was cut
 */
record StoredEntryHtml(String summary, String content, boolean cut) {

    /**
     * Sanitizes and caps an entry's HTML.
     *
     * @param base     the URL relative URLs are resolved against
     * @param original where the whole entry can be read (its link, else the feed's site or URL), or null
     */
    static StoredEntryHtml of(HtmlSanitizer sanitizer, String summary, String content, String base, String original) {
        String notice = notice(sanitizer, original);
        int noticeBytes = (int) Utf8.length(notice);
        boolean cut = false;
        String safeSummary = null;
        int summaryBytes = 0;
        if (summary != null) {
            // Beside content, a summary is a summary; alone (RSS descriptions), it is what pages show in full.
            int cap = content != null && !content.isBlank()
                    ? EntryLimits.MAX_SUMMARY_HTML_BYTES
                    : EntryLimits.MAX_ENTRY_HTML_BYTES;
            HtmlSanitizer.Result r = sanitizer.sanitize(summary, base, cap - noticeBytes);
            safeSummary = r.cut() ? r.html() + notice : r.html();
            summaryBytes = (int) Utf8.length(safeSummary);
            cut = r.cut();
        }
        String safeContent = null;
        if (content != null) {
            HtmlSanitizer.Result r =
                    sanitizer.sanitize(content, base, EntryLimits.MAX_ENTRY_HTML_BYTES - summaryBytes - noticeBytes);
            safeContent = r.cut() ? r.html() + notice : r.html();
            cut |= r.cut();
        }
        return new StoredEntryHtml(safeSummary, safeContent, cut);
    }

    /** The paragraph that ends a cut text, itself sanitized so that stored HTML is all the sanitizer's output. */
    static String notice(HtmlSanitizer sanitizer, String original) {
        String url = EntryLimits.webUrl(original);
        if (url == null) {
            return sanitizer.sanitize("<p>(Shortened: the entry was too long to keep whole.)</p>", null);
        }
        String shown = url;
        try {
            String host = URI.create(url).getHost();
            if (host != null && !host.isBlank()) {
                shown = host;
            }
        } catch (IllegalArgumentException e) {
            // not parseable as a URI: show it whole (escaped below)
        }
        return sanitizer.sanitize(
                "<p>Continue reading at <a href=\"" + escape(url) + "\">" + escape(shown) + "</a></p>", null);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
