package org.callisto.html;

import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.nodes.Attribute;
import org.jsoup.parser.Tag;

/**
 * Writes text, attributes and tags exactly as jsoup 1.24 serialises a tree with HTML syntax, base entities, UTF-8
 * and no pretty-printing, so that {@link TreeCleaner} can write its output directly instead of building a second
 * tree and serialising it: {@code &}, {@code <}, {@code >} and no-break spaces are escaped in text and in
 * attribute values, and {@code "} in attribute values (always double-quoted); C0 controls other than tab, line
 * feed and carriage return, and lone surrogates, become hexadecimal character references. Boolean attributes
 * with an empty value (or their own name as value) are written bare. If a jsoup upgrade changes its serialiser,
 * the exact-output tests of the sanitizer show it. Stateless and thread-safe.
 */
final class HtmlMarkup {
    private static final ConcurrentHashMap<String, Boolean> VOID = new ConcurrentHashMap<>();

    private HtmlMarkup() {
    }

    /** Whether {@code name} (lower case) is a void element: no content and no end tag. */
    static boolean isVoid(String name) {
        Boolean known = VOID.get(name);
        return known != null ? known : VOID.computeIfAbsent(name, n -> Tag.valueOf(n).isEmpty());
    }

    /**
     * Appends {@code text} escaped as element content.
     *
     * @return false when the text holds a carriage return (which a parser reads back as a line feed)
     */
    static boolean escapeText(String text, StringBuilder out) {
        return escape(text, out, true);
    }

    /**
     * Appends {@code  key="value"}, or {@code  key} alone for a boolean attribute with an empty value or its own
     * name as value.
     *
     * @return false when the value holds a carriage return
     */
    static boolean attribute(String key, String value, StringBuilder out) {
        out.append(' ').append(key);
        if ((value.isEmpty() || value.equalsIgnoreCase(key)) && Attribute.isBooleanAttribute(key)) {
            return true;
        }
        out.append("=\"");
        boolean plain = escape(value, out, false);
        out.append('"');
        return plain;
    }

    private static boolean escape(String s, StringBuilder out, boolean text) {
        int n = s.length();
        int first = firstToEscape(s, text);
        if (first == n) {
            out.append(s); // the common case, copied in bulk
            return true;
        }
        boolean plain = true;
        int run = 0; // start of the stretch not yet appended
        for (int i = first; i < n; i++) {
            char c = s.charAt(i);
            String replacement;
            if (c < 0x80) {
                if (c >= 0x3f) {
                    continue; // letters and most punctuation: nothing to escape
                }
                switch (c) {
                    case '&' -> replacement = "&amp;";
                    case '<' -> replacement = "&lt;";
                    case '>' -> replacement = "&gt;";
                    case '"' -> {
                        if (text) {
                            continue;
                        }
                        replacement = "&quot;";
                    }
                    case '\t', '\n' -> {
                        continue;
                    }
                    case '\r' -> {
                        plain = false;
                        continue;
                    }
                    default -> {
                        if (c >= 0x20) {
                            continue;
                        }
                        replacement = null;
                    }
                }
                out.append(s, run, i);
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    reference(c, out);
                }
                run = i + 1;
            } else if (c == 0xA0) {
                out.append(s, run, i).append("&nbsp;");
                run = i + 1;
            } else if (Character.isSurrogate(c)) {
                out.append(s, run, i);
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    out.append(c).append(s.charAt(i + 1));
                    i++;
                } else {
                    reference(c, out);
                }
                run = i + 1;
            }
        }
        out.append(s, run, n);
        return plain;
    }

    /** The index of the first character {@link #escape} has to look at, or the length when there is none. */
    private static int firstToEscape(String s, boolean text) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x3f) {
                if (c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' && !text) {
                    return i;
                }
            } else if (c >= 0x80 && (c == 0xA0 || Character.isSurrogate(c))) {
                return i;
            }
        }
        return n;
    }

    private static void reference(int codePoint, StringBuilder out) {
        out.append("&#x").append(Integer.toHexString(codePoint)).append(';');
    }
}
