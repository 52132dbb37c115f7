package org.callisto.html;

/**
 * Escapes text for HTML content and double-quoted attribute values: {@code & < > "} and {@code '} become
 * character references, everything else stays. Stateless and thread-safe.
 */
final class HtmlEscape {
    private HtmlEscape() {}

    /** {@code text} escaped, appended to {@code out}. */
    static StringBuilder append(StringBuilder out, CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out;
    }

    /** {@code text} escaped. */
    static String escape(CharSequence text) {
        return append(new StringBuilder(text.length() + 16), text).toString();
    }
}
