package org.callisto.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Plain text from HTML, for titles, excerpts and search. The result is text, not HTML: entities are decoded, so it
 * must be escaped again wherever it is put into a page (templates do that). Stateless and thread-safe.
 */
public final class HtmlText {
    private static final String ELLIPSIS = "…";
    private static final String INVISIBLE = "script, style, noscript, template, head, title, textarea, select, "
            + "object, embed, applet, iframe, noembed, noframes, svg, math";

    private HtmlText() {}

    /**
     * The text a reader would see, with whitespace collapsed to single spaces and trimmed; the content of
     * scripts, styles and other invisible elements is left out. Null gives the empty string.
     */
    public static String toPlainText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.body().select(INVISIBLE).remove();
        return doc.body().text().strip();
    }

    /**
     * The start of {@link #toPlainText the plain text} of {@code html}, at most {@code maxChars} characters long
     * including the ellipsis that marks a cut. The cut falls at the last word boundary that fits; a single word
     * longer than the limit is cut inside. Text that fits is returned whole, without an ellipsis.
     *
     * @param maxChars the maximum length in characters (UTF-16 units), at least 2
     */
    public static String excerpt(String html, int maxChars) {
        if (maxChars < 2) {
            throw new IllegalArgumentException("maxChars must be at least 2, got: " + maxChars);
        }
        String text = toPlainText(html);
        if (text.length() <= maxChars) {
            return text;
        }
        int limit = maxChars - ELLIPSIS.length();
        int cut = -1;
        for (int i = limit; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                cut = i;
                break;
            }
        }
        if (cut <= 0) {
            cut = limit;
            if (Character.isLowSurrogate(text.charAt(cut)) && Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--;
            }
        }
        String head = text.substring(0, cut).stripTrailing();
        int end = head.length();
        while (end > 0 && ",;:-–—".indexOf(head.charAt(end - 1)) >= 0) {
            end--;
        }
        head = head.substring(0, end).stripTrailing();
        return head + ELLIPSIS;
    }
}
