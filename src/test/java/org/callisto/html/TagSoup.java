package org.callisto.html;

import java.util.List;
import java.util.Random;

/**
 * Generates hostile input for the validator from a seed: random tag soup (allowed and forbidden tags, attributes
 * with tricky URLs, entities, comments, broken syntax) and mutations of given payloads. The same seed gives the
 * same inputs, so a failure can be replayed. Not thread-safe.
 */
final class TagSoup {
    private static final List<String> NAMES = List.of(
            "a",
            "b",
            "i",
            "em",
            "strong",
            "code",
            "pre",
            "p",
            "br",
            "ul",
            "ol",
            "li",
            "blockquote",
            "h3",
            "h4",
            "img",
            "script",
            "style",
            "svg",
            "math",
            "iframe",
            "div",
            "span",
            "textarea",
            "title",
            "table",
            "td",
            "option",
            "noscript",
            "xmp",
            "plaintext",
            "B",
            "Li",
            "hr");
    private static final List<String> ATTRIBUTES = List.of(
            "href",
            "src",
            "cite",
            "title",
            "start",
            "onclick",
            "onmouseover",
            "style",
            "HREF",
            "xlink:href",
            "rel",
            "id",
            "class");
    private static final List<String> VALUES = List.of(
            "https://example.org/",
            "/story/1",
            "javascript:alert(1)",
            "java&#x73;cript:x",
            " JaVa\tScRiPt:x",
            "data:text/html,x",
            "mailto:a@b.org",
            "3",
            "x\"y",
            "&amp;",
            "",
            "vbscript:x",
            "http:x",
            "#top",
            "&#0;",
            "?q=1");
    private static final List<String> PIECES = List.of(
            "<",
            ">",
            "&",
            "&nbsp;",
            "&nbsp",
            "&bogus;",
            "&#38;",
            "&#x;",
            "\"",
            "'",
            "=",
            "/",
            "</",
            "<!--",
            "-->",
            "<![CDATA[",
            "]]>",
            "<!DOCTYPE html>",
            "<?x?>",
            "\n",
            "\r\n",
            "\t",
            "\u0000",
            "\u0001",
            "\uD800",
            "\uD83D\uDE00",
            "\uFFFE",
            "é",
            " ",
            "text",
            "</b>",
            "<b>",
            "<br/>",
            "<b/>",
            "`");

    private final Random random;

    TagSoup(long seed) {
        this.random = new Random(seed);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** A random fragment of up to about {@code size} pieces. */
    String soup(int size) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(size);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(6)) {
                case 0, 1 -> startTag(sb);
                case 2 -> sb.append("</").append(pick(NAMES)).append('>');
                case 3 -> sb.append(pick(PIECES));
                default -> sb.append("words ").append(random.nextInt(100)).append(' ');
            }
        }
        return sb.toString();
    }

    private void startTag(StringBuilder sb) {
        sb.append('<').append(pick(NAMES));
        int attrs = random.nextInt(3);
        for (int i = 0; i < attrs; i++) {
            sb.append(' ').append(pick(ATTRIBUTES));
            switch (random.nextInt(4)) {
                case 0 -> {}
                case 1 ->
                    sb.append("=\"")
                            .append(pick(VALUES).replace("\"", "&quot;"))
                            .append('"');
                case 2 ->
                    sb.append("='").append(pick(VALUES).replace("'", "&#39;")).append('\'');
                default -> sb.append('=').append(pick(VALUES).replace(" ", "").replace("\t", ""));
            }
        }
        sb.append(random.nextInt(8) == 0 ? "/>" : ">");
    }

    private static final List<String> ALLOWED =
            List.of("a", "b", "i", "em", "strong", "code", "pre", "p", "ul", "ol", "li", "blockquote", "h3", "h4");

    /** Well-formed random nesting of allowed tags (valid by balance, not always by HTML's content rules). */
    String nested(int depth) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(depth <= 0 ? 2 : 4);
            if (kind == 0) {
                sb.append("text ").append(random.nextInt(10));
            } else if (kind == 1) {
                sb.append(random.nextBoolean() ? "<br>" : " &amp; ");
            } else {
                String name = pick(ALLOWED);
                sb.append('<')
                        .append(name)
                        .append(name.equals("a") ? " href=\"/x\"" : "")
                        .append('>')
                        .append(nested(depth - 1))
                        .append("</")
                        .append(name)
                        .append('>');
            }
        }
        return sb.toString();
    }

    /** {@code payload} with a few random edits: cuts, copies, inserted pieces and tags, case changes. */
    String mutate(String payload) {
        StringBuilder sb = new StringBuilder(payload);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = sb.isEmpty() ? 0 : random.nextInt(sb.length() + 1);
            switch (random.nextInt(5)) {
                case 0 -> {
                    int end = Math.min(sb.length(), at + random.nextInt(20));
                    sb.delete(at, end);
                }
                case 1 -> {
                    int end = Math.min(sb.length(), at + random.nextInt(40));
                    sb.insert(at, sb.substring(at, end));
                }
                case 2 -> sb.insert(at, pick(PIECES));
                case 3 -> sb.insert(at, soup(3));
                default -> {
                    int end = Math.min(sb.length(), at + random.nextInt(20));
                    String part = sb.substring(at, end);
                    sb.replace(at, end, random.nextBoolean() ? part.toUpperCase() : part.toLowerCase());
                }
            }
        }
        return sb.toString();
    }
}
