package org.callisto.html;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a member typed as plain text into HTML: everything is escaped, so any {@code <} or {@code &} shows
 * as typed; lines are kept; web and mail addresses become links.
 *
 * <ul>
 *   <li>CRLF and CR count as LF.</li>
 *   <li>Two or more line ends in a row (lines holding only spaces or tabs count as empty) start a new paragraph
 *       ({@code <p>}); a single line end becomes {@code <br>}. Empty lines at the start and end are dropped.</li>
 *   <li>{@code http://}, {@code https://} and {@code mailto:} addresses become links with
 *       {@code rel="nofollow ugc noopener"}. Punctuation that ends a sentence ({@code . , ; : ! ? ' "}) and closing
 *       brackets without an opening one inside the address are left out of the link, so
 *       {@code (see https://example.org/a.)} links {@code https://example.org/a}.</li>
 *   <li>Invisible control characters (other than tab and line ends), noncharacters and broken surrogates are
 *       dropped.</li>
 * </ul>
 *
 * <p>The result is valid under {@link FragmentPolicy#comment()} (with {@code rel} on links). Stateless and
 * thread-safe.
 */
public final class PlainText {
    private static final Pattern URL = Pattern.compile("\\b(?:https?://|mailto:)[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n(?:[ \t]*\n)+");
    private static final String TRAILING = ".,;:!?'\"";

    private PlainText() {}

    /** The HTML for {@code text}; null or blank text gives the empty string. */
    public static String toHtml(String text) {
        if (text == null) {
            return "";
        }
        String clean = clean(text.replace("\r\n", "\n").replace('\r', '\n'));
        String trimmed = clean.replaceAll("^(?:[ \t]*\n)+", "").stripTrailing();
        if (trimmed.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder(trimmed.length() + 64);
        for (String paragraph : PARAGRAPH_BREAK.split(trimmed)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append("<p>");
            String[] lines = paragraph.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.append("<br>\n");
                }
                linkify(out, lines[i]);
            }
            out.append("</p>");
        }
        return out.toString();
    }

    private static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().filter(CharClasses::isAllowedInText).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** Appends {@code line} escaped, with its addresses as links. */
    private static void linkify(StringBuilder out, String line) {
        Matcher m = URL.matcher(line);
        int at = 0;
        while (m.find()) {
            String url = trimEnd(m.group());
            if (!usable(url)) {
                continue;
            }
            HtmlEscape.append(out, line.substring(at, m.start()));
            out.append("<a href=\"");
            HtmlEscape.append(out, url)
                    .append("\" rel=\"")
                    .append(FragmentPolicy.MEMBER_LINK_REL)
                    .append("\">");
            HtmlEscape.append(out, url).append("</a>");
            at = m.start() + url.length();
        }
        HtmlEscape.append(out, line.substring(at));
    }

    /** {@code url} without the punctuation and unmatched closing brackets that end the sentence around it. */
    static String trimEnd(String url) {
        int end = url.length();
        while (end > 0) {
            char c = url.charAt(end - 1);
            if (TRAILING.indexOf(c) >= 0) {
                end--;
            } else if (c == ')' || c == ']' || c == '}') {
                char open = c == ')' ? '(' : c == ']' ? '[' : '{';
                String head = url.substring(0, end);
                if (count(head, open) >= count(head, c)) {
                    break;
                }
                end--;
            } else {
                break;
            }
        }
        return url.substring(0, end);
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }

    private static boolean usable(String url) {
        String scheme = UrlResolver.scheme(url);
        URI uri = UrlResolver.resolve(url, (URI) null);
        if (uri == null) {
            return false;
        }
        return scheme.equals("mailto")
                ? url.length() > "mailto:".length() && url.indexOf('@') > 0
                : uri.getHost() != null;
    }
}
