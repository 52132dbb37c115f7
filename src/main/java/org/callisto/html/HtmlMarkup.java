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

    private HtmlMarkup() {}

    /** Whether {@code name} (lower case) is a void element: no content and no end tag. */
    static boolean isVoid(String name) {
        Boolean known = VOID.get(name);
        return known != null
                ? known
                : VOID.computeIfAbsent(name, n -> Tag.valueOf(n).isEmpty());
    }

    /** Characters below {@code ?} that need a look in text, and in attribute values. */
    private static final boolean[] TEXT_SPECIAL = new boolean[0x3f];

    private static final boolean[] ATTRIBUTE_SPECIAL = new boolean[0x3f];

    static {
        for (char c = 0; c < 0x20; c++) {
            TEXT_SPECIAL[c] = c != '\t' && c != '\n';
        }
        TEXT_SPECIAL['&'] = true;
        TEXT_SPECIAL['<'] = true;
        TEXT_SPECIAL['>'] = true;
        System.arraycopy(TEXT_SPECIAL, 0, ATTRIBUTE_SPECIAL, 0, TEXT_SPECIAL.length);
        ATTRIBUTE_SPECIAL['"'] = true;
    }

    /**
     * Appends {@code text} escaped as element content.
     *
     * @param scratch a buffer of at least {@code text.length()} characters, overwritten
     * @return false when the text holds a carriage return (which a parser reads back as a line feed)
     */
    static boolean escapeText(String text, StringBuilder out, char[] scratch) {
        return escape(text, out, TEXT_SPECIAL, scratch);
    }

    /**
     * Appends {@code  key="value"}, or {@code  key} alone for a boolean attribute with an empty value or its own
     * name as value.
     *
     * @param scratch a buffer of at least {@code value.length()} characters, overwritten
     * @return false when the value holds a carriage return
     */
    static boolean attribute(String key, String value, StringBuilder out, char[] scratch) {
        out.append(' ').append(key);
        if ((value.isEmpty() || value.equalsIgnoreCase(key)) && Attribute.isBooleanAttribute(key)) {
            return true;
        }
        out.append("=\"");
        boolean plain = escape(value, out, ATTRIBUTE_SPECIAL, scratch);
        out.append('"');
        return plain;
    }

    private static boolean escape(String s, StringBuilder out, boolean[] special, char[] buf) {
        int n = s.length();
        s.getChars(0, n, buf, 0);
        int i = 0;
        while (i < n) {
            char c = buf[i];
            if (c < 0x3f ? special[c] : c >= 0xA0 && (c == 0xA0 || (c & 0xF800) == 0xD800)) {
                break;
            }
            i++;
        }
        if (i == n) {
            out.append(s); // the common case, copied in bulk
            return true;
        }
        boolean plain = true;
        int run = 0; // start of the stretch not yet appended
        for (; i < n; i++) {
            char c = buf[i];
            String replacement;
            if (c < 0x3f) {
                if (!special[c]) {
                    continue;
                }
                switch (c) {
                    case '&' -> replacement = "&amp;";
                    case '<' -> replacement = "&lt;";
                    case '>' -> replacement = "&gt;";
                    case '"' -> replacement = "&quot;";
                    case '\r' -> {
                        plain = false;
                        continue;
                    }
                    default -> replacement = null; // a C0 control
                }
                out.append(buf, run, i - run);
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    reference(c, out);
                }
                run = i + 1;
            } else if (c == 0xA0) {
                out.append(buf, run, i - run).append("&nbsp;");
                run = i + 1;
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(buf[i + 1])) {
                    i++; // a valid pair is written as it is
                    continue;
                }
                out.append(buf, run, i - run);
                reference(c, out);
                run = i + 1;
            }
        }
        out.append(buf, run, n - run);
        return plain;
    }

    private static void reference(int codePoint, StringBuilder out) {
        out.append("&#x").append(Integer.toHexString(codePoint)).append(';');
    }
}
