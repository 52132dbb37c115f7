package org.callisto.planet.parse;

import org.jsoup.nodes.Entities;

/**
 * Conversions between the kinds of text feeds carry: plain text to HTML (escaping), HTML to plain text (for titles
 * typed as HTML), and small HTML lookups. Stateless and thread-safe.
 */
final class FeedText {
    private FeedText() {}

    /** Escapes {@code &}, {@code <}, {@code >} and {@code "} so plain text can be used as HTML; null for null. */
    static String escapeHtml(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"') {
                break;
            }
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n + 16).append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Turns an HTML fragment into plain text: drops tags (and the content of script/style), resolves entities and
     * collapses whitespace. Linear-time; not a full HTML parser, which titles do not need.
     */
    static String htmlToText(String html) {
        if (html == null) {
            return null;
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return collapse(html);
        }
        StringBuilder out = new StringBuilder(html.length());
        String lower = null;
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<'
                    && i + 1 < n
                    && (Character.isLetter(html.charAt(i + 1))
                            || html.charAt(i + 1) == '/'
                            || html.charAt(i + 1) == '!'
                            || html.charAt(i + 1) == '?')) {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    break;
                }
                String tag = html.substring(i + 1, Math.min(end, i + 8)).toLowerCase(java.util.Locale.ROOT);
                if (tag.startsWith("script") || tag.startsWith("style")) {
                    String close = tag.startsWith("script") ? "</script" : "</style";
                    if (lower == null) {
                        lower = html.toLowerCase(java.util.Locale.ROOT);
                    }
                    int closeAt = lower.length() == n ? lower.indexOf(close, end) : -1;
                    end = closeAt < 0
                            ? n - 1
                            : Math.max(end, html.indexOf('>', closeAt) < 0 ? n - 1 : html.indexOf('>', closeAt));
                } else if (tag.startsWith("br")
                        || tag.startsWith("p")
                        || tag.startsWith("/p")
                        || tag.startsWith("div")
                        || tag.startsWith("/div")
                        || tag.startsWith("li")) {
                    out.append(' ');
                }
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        String text = out.indexOf("&") >= 0 ? Entities.unescape(out.toString()) : out.toString();
        return collapse(text);
    }

    /** Collapses runs of whitespace to one space and trims. */
    static String collapse(String s) {
        int n = s.length();
        StringBuilder out = null;
        boolean space = false;
        int start = 0;
        while (start < n && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        int end = n;
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            boolean ws = c == ' ' || c == '\n' || c == '\t' || c == '\r';
            if (ws) {
                if (space || c != ' ') {
                    if (out == null) {
                        out = new StringBuilder(end - start).append(s, start, i);
                    }
                    if (!space) {
                        out.append(' ');
                    }
                } else if (out != null) {
                    out.append(' ');
                }
                space = true;
            } else {
                if (out != null) {
                    out.append(c);
                }
                space = false;
            }
        }
        return out == null ? s.substring(start, end) : out.toString();
    }

    /** The src of the first {@code <img>} in an HTML fragment, or null. */
    static String firstImageSrc(String html) {
        if (html == null) {
            return null;
        }
        int i = indexOfIgnoreCase(html, "<img", 0);
        if (i < 0) {
            return null;
        }
        int end = html.indexOf('>', i);
        if (end < 0) {
            return null;
        }
        String tag = html.substring(i, end);
        int src = indexOfIgnoreCase(tag, "src", 0);
        while (src >= 0) {
            int p = src + 3;
            while (p < tag.length() && tag.charAt(p) == ' ') {
                p++;
            }
            if (p < tag.length() && tag.charAt(p) == '=' && src > 0 && Character.isWhitespace(tag.charAt(src - 1))) {
                p++;
                while (p < tag.length() && tag.charAt(p) == ' ') {
                    p++;
                }
                if (p >= tag.length()) {
                    return null;
                }
                char q = tag.charAt(p);
                int vEnd;
                if (q == '"' || q == '\'') {
                    vEnd = tag.indexOf(q, p + 1);
                    String v = tag.substring(p + 1, vEnd < 0 ? tag.length() : vEnd);
                    return v.isBlank() ? null : Entities.unescape(v.trim());
                }
                vEnd = p;
                while (vEnd < tag.length() && !Character.isWhitespace(tag.charAt(vEnd)) && tag.charAt(vEnd) != '/') {
                    vEnd++;
                }
                return vEnd > p ? Entities.unescape(tag.substring(p, vEnd)) : null;
            }
            src = indexOfIgnoreCase(tag, "src", src + 3);
        }
        return null;
    }

    private static int indexOfIgnoreCase(String s, String needle, int from) {
        char first = needle.charAt(0);
        if (!Character.isLetter(first)) {
            // String.indexOf(char) is vectorized; check the rest only where the first character matches
            for (int i = s.indexOf(first, from); i >= 0; i = s.indexOf(first, i + 1)) {
                if (s.regionMatches(true, i, needle, 0, needle.length())) {
                    return i;
                }
            }
            return -1;
        }
        char firstUpper = Character.toUpperCase(first);
        int last = s.length() - needle.length();
        for (int i = from; i <= last; i++) {
            char c = s.charAt(i);
            if ((c == first || c == firstUpper) && s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
