package org.callisto.html;

import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Writes the allowed part of a parsed tree as HTML, following a {@link SanitizePolicy}. Only what is allowed is
 * written (text, allowed elements, allowed attributes with clean values); nothing is removed from the source, so
 * a rule that forgets a case fails closed.
 *
 * <p>jsoup's {@code Cleaner} works the same way but decides per tag and per attribute alone. This policy needs
 * decisions that look at several attributes or at the surroundings: an {@code iframe} is kept only for an allowed
 * player and is rebuilt with a sandbox, an {@code img} of 1×1 pixels is dropped, {@code data:} is allowed only for
 * raster images in {@code img src}, relative URLs are resolved (Cleaner can only keep or drop them), links get a
 * {@code rel}, elements outside the HTML namespace (SVG, MathML) go with their content, and some elements are
 * renamed. Hence this walk over jsoup's parse tree rather than a {@code Safelist}.
 *
 * <p>The output is written straight into a {@link StringBuilder} during the walk, with no second tree: it is the
 * string jsoup would serialise for that tree (HTML syntax, no pretty-printing, base entities, UTF-8), which
 * {@link HtmlMarkup} reproduces. The walk also notes whether the output is certainly a fixed point of the
 * sanitizer ({@link #settled()}): it is, unless the walk removed or renamed an element whose presence steers the
 * HTML parser (a scope boundary, a formatting element, a table part, ...), removed anything inside a {@code pre},
 * wrote a carriage return, or nested elements the parser would not nest. Removing an ordinary element
 * (an unknown tag, {@code span}-like inline elements) or a raw-text or void element leaves the parse of the rest
 * unchanged, so it needs no second look. What the parser does with which element is in {@link TreeBuilderRules};
 * the attributes written for an element, and the drops decided by attributes alone, are in
 * {@link AttributeCleaner}.
 *
 * <p>The walk is iterative ({@link NodeTraversor}), so deeply nested input cannot overflow the stack. Elements
 * nested deeper than {@link HtmlSanitizer#MAX_DEPTH} are unwrapped (their content is kept, their tags are not), so
 * an HTML bomb of a million nested {@code div}s or half a million nested {@code <b><i>} comes out as at most that
 * many levels and its text. With a byte limit ({@link #TreeCleaner(SanitizePolicy, ElementRules, UrlCleaner,
 * BaseUrl, StringBuilder, int)}) the walk stops before the first node that would not fit with the end tags still
 * to write, cutting a text at a word where it can, so the output is well-formed and at most that many UTF-8 bytes.
 *
 * <p>One instance serves one call: not thread-safe, cheap to create.
 */
final class TreeCleaner implements NodeFilter {
    /** What ends a text cut at the byte limit. */
    static final char ELLIPSIS = '\u2026';

    private static final int ELLIPSIS_BYTES = 3;
    /** How far back a cut text looks for a space to end at. */
    static final int WORD_BACKTRACK = 200;

    private final ElementRules rules;
    private final AttributeCleaner attributes;
    private final StringBuilder out;

    /** For each open source element: the name written for it, or null when it was unwrapped. */
    private String[] open = new String[32];
    /** For each open source element: whether the element written for it is void (has no end tag). */
    private boolean[] openVoid = new boolean[32];

    private int depth;
    /** The names written for the open elements that were copied, innermost last; "body" at the bottom. */
    private String[] copied = new String[32];

    private int copiedDepth;
    private int anchorDepth;
    /** Whether a {@code pre} was just opened and nothing written in it yet. */
    private boolean atPreStart;

    private int preDepth;
    private boolean settled = true;

    private char[] scratch = new char[256];

    /** The most UTF-8 bytes the output may take, or {@link Integer#MAX_VALUE} for no limit. */
    private final int maxBytes;
    /** Where {@code out} started, and how far its UTF-8 length has been counted ({@link #bytes}). */
    private final int outStart;

    private int countedTo;
    private long bytes;
    /** The UTF-8 bytes of the end tags still to be written for the open copied elements. */
    private int closing;
    /** Whether the output was cut at {@link #maxBytes}: from then on every node is skipped. */
    private boolean cut;

    TreeCleaner(SanitizePolicy policy, ElementRules rules, UrlCleaner urls, BaseUrl base, StringBuilder out) {
        this(policy, rules, urls, base, out, Integer.MAX_VALUE);
    }

    /** A walk whose output takes at most {@code maxBytes} UTF-8 bytes. */
    TreeCleaner(
            SanitizePolicy policy, ElementRules rules, UrlCleaner urls, BaseUrl base, StringBuilder out, int maxBytes) {
        this.rules = rules;
        this.attributes = new AttributeCleaner(policy, urls, base);
        this.out = out;
        this.maxBytes = maxBytes;
        this.outStart = out.length();
        this.countedTo = outStart;
        copied[copiedDepth++] = "body";
    }

    /** Writes the allowed content of {@code nodes}, the top-level nodes of a parsed fragment. */
    void write(List<Node> nodes) {
        for (Node node : nodes) {
            NodeTraversor.filter(this, node);
        }
    }

    /** Whether the output is certainly a fixed point: sanitizing it again gives it back unchanged. */
    boolean settled() {
        return settled && !cut;
    }

    /** Whether the output was cut short at the byte limit. */
    boolean cut() {
        return cut;
    }

    @Override
    public FilterResult head(Node node, int ignored) {
        if (cut) {
            return FilterResult.SKIP_ENTIRELY;
        }
        if (node instanceof TextNode text) {
            String s = text.getWholeText();
            int mark = out.length();
            if (atPreStart) {
                atPreStart = false;
                if (s.startsWith("\n") || s.startsWith("\r")) {
                    out.append('\n'); // the parser drops a newline right after <pre>: give it one to drop
                }
            }
            if (TreeBuilderRules.TABLE_CONTAINERS.contains(copied[copiedDepth - 1]) && !s.isBlank()) {
                settled = false; // text in a table outside a cell: the parser moves it before the table
            }
            if (!HtmlMarkup.escapeText(s, out, scratch(s.length()))) {
                settled = false; // a carriage return, which the parser turns into a line feed
            }
            if (maxBytes != Integer.MAX_VALUE && !fits()) {
                cutText(mark);
            }
            return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element source)) {
            return FilterResult.SKIP_ENTIRELY; // comments, script and style data, doctypes
        }
        if (!Parser.NamespaceHtml.equals(source.tag().namespace())) {
            settled = false;
            return FilterResult.SKIP_ENTIRELY; // SVG and MathML content: its parsing rules invite mutation XSS
        }
        ElementRules.Rule rule = rules.rule(source.normalName());
        if (copiedDepth > HtmlSanitizer.MAX_DEPTH
                && (rule.action() == ElementRules.Action.UNWRAP
                        || rule.action() == ElementRules.Action.COPY && !rule.isVoid())) {
            // Too deep: the tag goes, its content stays. Unwrapping an element that steers the parser may leave
            // output that parses differently, hence a second look then.
            if (rule.unsettling() || preDepth > 0 || TreeBuilderRules.PARSER_SENSITIVE.contains(source.normalName())) {
                settled = false;
            }
            push(null, false);
            return FilterResult.CONTINUE;
        }
        switch (rule.action()) {
            case IFRAME -> {
                dropped(rule);
                int mark = out.length();
                writeIframe(source);
                if (maxBytes != Integer.MAX_VALUE && !fits()) {
                    cutAt(mark);
                }
                return FilterResult.SKIP_ENTIRELY;
            }
            case DROP -> {
                dropped(rule);
                return FilterResult.SKIP_ENTIRELY;
            }
            case UNWRAP -> {
                if (rule.unsettling() || preDepth > 0) {
                    settled = false;
                }
                push(null, false); // the children are written in place of the element
                return FilterResult.CONTINUE;
            }
            default -> {
                if (rule.unsettling()) {
                    settled = false;
                }
                if (!copyElement(source, rule)) {
                    if (!cut) {
                        dropped(rule);
                    }
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }
        }
    }

    @Override
    public FilterResult tail(Node node, int ignored) {
        if (node instanceof Element) {
            String name = open[--depth];
            if (name != null) {
                copiedDepth--;
                if (name.equals("a")) {
                    anchorDepth--;
                } else if (name.equals("pre")) {
                    preDepth--;
                    atPreStart = false;
                }
                if (!openVoid[depth]) {
                    out.append("</").append(name).append('>');
                    if (maxBytes != Integer.MAX_VALUE) {
                        closing -= name.length() + 3;
                    }
                }
            }
        }
        return FilterResult.CONTINUE;
    }

    /** A scratch buffer of at least {@code length} characters for escaping. */
    private char[] scratch(int length) {
        if (scratch.length < length) {
            scratch = new char[Math.max(length, scratch.length * 2)];
        }
        return scratch;
    }

    /** Whether the output so far and the end tags still to write fit in {@link #maxBytes}. */
    private boolean fits() {
        bytes += Utf8.length(out, countedTo, out.length());
        countedTo = out.length();
        return bytes + closing <= maxBytes;
    }

    /** Cuts the output back to {@code mark} (a node boundary) and skips everything after it. */
    private void cutAt(int mark) {
        bytes -= Utf8.length(out, mark, out.length());
        out.setLength(mark);
        countedTo = mark;
        cut = true;
    }

    /**
     * Cuts the text written from {@code mark} to what fits, ending with an ellipsis: at the last space in its last
     * {@value #WORD_BACKTRACK} characters if there is one, never inside a character reference or a surrogate pair.
     */
    private void cutText(int mark) {
        int written = out.length();
        long before = bytes - Utf8.length(out, mark, written);
        long room = maxBytes - closing - before - ELLIPSIS_BYTES;
        int end = mark;
        long used = 0;
        while (end < written) {
            char c = out.charAt(end);
            boolean pair =
                    Character.isHighSurrogate(c) && end + 1 < written && Character.isLowSurrogate(out.charAt(end + 1));
            int width = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
            if (used + width > room) {
                break;
            }
            used += width;
            end += pair ? 2 : 1;
        }
        for (int i = end - 1; i >= Math.max(mark, end - 12); i--) {
            char c = out.charAt(i);
            if (c == ';') {
                break;
            }
            if (c == '&') {
                end = i; // not inside a character reference
                break;
            }
        }
        for (int i = end - 1; i > Math.max(mark, end - WORD_BACKTRACK); i--) {
            if (out.charAt(i) == ' ' || out.charAt(i) == '\n') {
                end = i;
                break;
            }
        }
        out.setLength(end);
        if (room >= 0) {
            out.append(ELLIPSIS);
        }
        bytes = before + Utf8.length(out, mark, out.length());
        countedTo = out.length();
        cut = true;
    }

    /** Notes that an element went with its content. */
    private void dropped(ElementRules.Rule rule) {
        if (preDepth > 0 || rule.unsettlingIfDropped()) {
            settled = false;
        }
    }

    private void push(String name, boolean isVoid) {
        if (depth == open.length) {
            open = java.util.Arrays.copyOf(open, depth * 2);
            openVoid = java.util.Arrays.copyOf(openVoid, depth * 2);
        }
        openVoid[depth] = isVoid;
        open[depth++] = name;
    }

    /** Writes the start tag of an allowed element and opens it; false when it should go with its content. */
    private boolean copyElement(Element source, ElementRules.Rule rule) {
        String name = rule.name();
        String parent = copied[copiedDepth - 1];
        if (name.equals("source") && !(parent.equals("picture") || parent.equals("audio") || parent.equals("video"))
                || name.equals("track") && !(parent.equals("audio") || parent.equals("video"))) {
            return false;
        }
        AttributeCleaner.AttributeList attrs = attributes.forElement(source, rule);
        if (attrs == null) {
            return false;
        }
        if (!TreeBuilderRules.nestsAsParsed(name, parent, anchorDepth > 0)) {
            settled = false;
        }
        boolean wasAtPreStart = atPreStart;
        atPreStart = false;
        int mark = out.length();
        out.append('<').append(name);
        boolean plain = writeAttributes(attrs);
        out.append('>');
        if (maxBytes != Integer.MAX_VALUE) {
            if (!rule.isVoid()) {
                closing += name.length() + 3;
            }
            if (!fits()) {
                if (!rule.isVoid()) {
                    closing -= name.length() + 3;
                }
                atPreStart = wasAtPreStart;
                cutAt(mark);
                return false;
            }
        }
        if (!plain) {
            settled = false;
        }
        push(name, rule.isVoid());
        if (copiedDepth == copied.length) {
            copied = java.util.Arrays.copyOf(copied, copiedDepth * 2);
        }
        copied[copiedDepth++] = name;
        if (name.equals("a")) {
            anchorDepth++;
        } else if (name.equals("pre")) {
            preDepth++;
            atPreStart = true;
        }
        return true;
    }

    /** Keeps an iframe only when it shows an allowed player; rebuilds it, sandboxed and without its content. */
    private void writeIframe(Element source) {
        AttributeCleaner.AttributeList attrs = attributes.forIframe(source);
        if (attrs == null) {
            return;
        }
        atPreStart = false;
        out.append("<iframe");
        if (!writeAttributes(attrs)) {
            settled = false;
        }
        out.append("></iframe>");
    }

    /** Writes the attributes; false when a value holds a carriage return (not a fixed point). */
    private boolean writeAttributes(AttributeCleaner.AttributeList attrs) {
        boolean plain = true;
        for (int i = 0; i < attrs.size(); i++) {
            String value = attrs.value(i);
            plain &= HtmlMarkup.attribute(attrs.key(i), value, out, scratch(value.length()));
        }
        return plain;
    }
}
