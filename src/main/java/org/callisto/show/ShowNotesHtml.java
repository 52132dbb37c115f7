package org.callisto.show;

import org.callisto.html.FragmentPolicy;
import org.callisto.html.MarkdownText;

/**
 * Renders an episode's show notes as the HTML of a feed's {@code content:encoded}: the summary, then each section
 * as a heading and a list whose items are links followed by their summaries. Titles, links and headings are
 * escaped here; summaries are Markdown rendered and sanitized by {@link MarkdownText} under the story policy.
 * Stateless and thread-safe.
 */
public final class ShowNotesHtml {

    private ShowNotesHtml() {}

    /**
     * The notes of {@code notes} as HTML.
     *
     * @param siteUrl         what relative links in summaries resolve against
     * @param feedbackAddress where listeners send feedback, added after the notes, or null
     */
    public static String render(EpisodeNotes notes, String siteUrl, String feedbackAddress) {
        StringBuilder b = new StringBuilder();
        b.append(markdown(notes.episode().summary(), siteUrl));
        if (!notes.guests().isEmpty()) {
            b.append("<p>Guests: ");
            for (int i = 0; i < notes.guests().size(); i++) {
                Guest g = notes.guests().get(i);
                b.append(i == 0 ? "" : ", ");
                link(b, g.link(), g.name());
            }
            b.append("</p>");
        }
        for (Section s : notes.sections()) {
            b.append("<h3>").append(escape(s.heading())).append("</h3>");
            if (s.items().isEmpty()) {
                continue;
            }
            b.append("<ul>");
            for (NoteItem item : s.items()) {
                b.append("<li>");
                link(b, item.link(), item.title());
                String summary = markdown(item.summary(), siteUrl);
                if (!summary.isEmpty()) {
                    b.append(' ').append(summary);
                }
                b.append("</li>");
            }
            b.append("</ul>");
        }
        if (feedbackAddress != null && !feedbackAddress.isBlank()) {
            String address = feedbackAddress.strip();
            String href = address.contains("://") || address.startsWith("mailto:")
                    ? address
                    : address.contains("@") ? "mailto:" + address : null;
            b.append("<p>Send your feedback and questions to ");
            link(b, href, address.replaceFirst("^mailto:", ""));
            b.append(".</p>");
        }
        return b.toString();
    }

    /** A summary's HTML, or "" for none. */
    public static String markdown(String markdown, String siteUrl) {
        return MarkdownText.toHtml(markdown, FragmentPolicy.submission(), siteUrl);
    }

    private static void link(StringBuilder b, String href, String text) {
        if (href == null || !href.matches("(?i)(https?|ftp|gopher)://\\S+|mailto:\\S+")) {
            b.append(escape(text));
            return;
        }
        b.append("<a href=\"")
                .append(escape(href))
                .append("\">")
                .append(escape(text))
                .append("</a>");
    }

    /** Escapes text for HTML element content and double-quoted attribute values. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
