package org.callisto.planet;

import java.util.Locale;

/**
 * The most a feed can make the planet store for one entry or one feed, and the clipping that enforces it. Together
 * with {@link EntryExcerpt} these limits bound every page and output feed whatever the feeds contain (see
 * {@code docs/security.md}, "What feeds can make us store and show"). Constants and pure functions: thread-safe.
 */
public final class EntryLimits {
    private EntryLimits() {}

    /** UTF-8 bytes of sanitized HTML stored per entry, summary and content together, the cut notice included. */
    public static final int MAX_ENTRY_HTML_BYTES = 256 * 1024;
    /**
     * UTF-8 bytes of an entry's sanitized summary when it also has content (counted in
     * {@link #MAX_ENTRY_HTML_BYTES}); a summary without content may take all of that.
     */
    public static final int MAX_SUMMARY_HTML_BYTES = 32 * 1024;
    /** UTF-8 bytes of a feed's sanitized description. */
    public static final int MAX_DESCRIPTION_HTML_BYTES = 4 * 1024;
    /** Characters of an entry's title. */
    public static final int MAX_TITLE = 500;
    /** Characters of an entry's sanitized title markup; a longer one is dropped and the text title shown. */
    public static final int MAX_TITLE_HTML = 2000;
    /** Characters of an entry's author name. */
    public static final int MAX_AUTHOR = 200;
    /** Characters of a feed's own title (as long as a name an editor may give it). */
    public static final int MAX_FEED_TITLE = SubscriptionFields.MAX_NAME;
    /** Category terms kept per entry, and characters per term. */
    public static final int MAX_TERMS = 30;

    public static final int MAX_TERM = 100;
    /** Characters of a link, enclosure or image URL; longer ones are dropped. */
    public static final int MAX_URL = 2048;
    /** Characters of an enclosure's MIME type; longer ones are dropped. */
    public static final int MAX_MEDIA_TYPE = 255;

    /**
     * {@code text} if it has at most {@code max} characters, else its start cut at the last space in its last 50
     * characters (or at {@code max - 1}, never inside a surrogate pair) and ended with an ellipsis. Null stays null.
     */
    public static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        for (int i = end; i > Math.max(0, end - 50); i--) {
            if (text.charAt(i) == ' ') {
                end = i;
                break;
            }
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    /**
     * {@code url} stripped when it is an absolute http(s) URL of at most {@link #MAX_URL} characters, else null:
     * any other scheme ({@code javascript:}, {@code data:}) could run script where it is published.
     */
    public static String webUrl(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        if (u.length() > MAX_URL) {
            return null;
        }
        String lower = u.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? u : null;
    }

    /** {@code value} if it has at most {@code max} characters, else null (for values that mean nothing cut). */
    static String whole(String value, int max) {
        return value == null || value.length() > max ? null : value;
    }
}
