package org.callisto.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a member's HTML fragment as written, tag by tag, and reports what is malformed with its exact place.
 *
 * <p>This is a small tokenizer of our own rather than jsoup's parser on purpose: an HTML5 parser repairs markup
 * silently (it closes what was never closed, drops an end tag that closes nothing, moves misnested tags), so after
 * parsing there is nothing left to point at. Here every {@code <} and {@code &} is looked at where it stands.
 * It follows the HTML tokenizer where that decides what a browser would see (a {@code <} not followed by a letter
 * is text, the content of {@code script}, {@code style}, {@code textarea} and the like is not markup, comments end
 * at the first {@code -->}) and is stricter where HTML merely tolerates a mistake (a bare {@code &}, an entity
 * without {@code ;}, missing space between attributes).
 *
 * <p>Linear time: each character is looked at a bounded number of times, and scanning stops when
 * {@link Problems#full()}. Start and end tags go to a {@link Handler}; checking them against a policy is the
 * handler's job. One instance serves one fragment: not thread-safe.
 */
final class FragmentTokenizer {
    /** Elements whose content a browser does not read as markup, up to their end tag. */
    private static final Set<String> RAW_TEXT =
            Set.of("script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title");

    /** One attribute as written; {@code value} is null for an attribute without {@code =}. */
    record Attribute(String name, String value, int start, int valueStart, int end) {}

    /** A start tag spanning {@code [start, end)} of the source; {@code name} in lower case. */
    record StartTag(String name, List<Attribute> attributes, boolean selfClosing, int start, int end) {}

    /** An end tag spanning {@code [start, end)} of the source; {@code name} in lower case. */
    record EndTag(String name, int start, int end) {}

    /** Receives the tags in source order. */
    interface Handler {
        void startTag(StartTag tag);

        void endTag(EndTag tag);
    }

    private final String s;
    private final int n;
    private final Problems problems;
    private final Handler handler;

    FragmentTokenizer(String source, Problems problems, Handler handler) {
        this.s = source;
        this.n = source.length();
        this.problems = problems;
        this.handler = handler;
    }

    /** Reads the whole fragment. */
    void run() {
        int i = 0;
        while (i < n && !problems.full()) {
            char c = s.charAt(i);
            if (c == '<') {
                i = markup(i);
            } else if (c == '&') {
                i = CharacterReferences.check(s, i, n, problems);
            } else if (c >= ' ' && c < 0x7F) {
                i++;
            } else {
                i = character(i);
            }
        }
    }

    /** Checks the character at {@code i} outside printable ASCII; returns the offset after it. */
    private int character(int i) {
        int cp = s.codePointAt(i);
        int next = i + Character.charCount(cp);
        if (!CharClasses.isAllowedInText(cp)) {
            String what = CharClasses.isSurrogate(cp)
                    ? "a broken character (half of a surrogate pair)"
                    : CharClasses.isControl(cp)
                            ? String.format("the invisible control character U+%04X", cp)
                            : String.format("the character U+%04X, which is not meant for text,", cp);
            problems.add(i, next, what + " at " + problems.place(i) + " is not allowed; remove it");
        }
        return next;
    }

    /** Handles the {@code <} at {@code i}; returns where reading goes on. */
    private int markup(int i) {
        char next = i + 1 < n ? s.charAt(i + 1) : 0;
        if (next == '!') {
            return declaration(i);
        }
        if (next == '?') {
            int end = after('>', i);
            problems.add(i, end, "<? at " + problems.place(i) + " is not allowed here; remove it");
            return end;
        }
        if (next == '/' && i + 2 < n && CharClasses.isNameStart(s.charAt(i + 2))) {
            return endTag(i);
        }
        if (next == '/' && i + 2 < n && s.charAt(i + 2) == '>') {
            problems.add(i, i + 3, "</> at " + problems.place(i) + " is an empty closing tag; remove it");
            return i + 3;
        }
        if (CharClasses.isNameStart(next)) {
            return startTag(i);
        }
        problems.add(i, i + 1, "a bare < at " + problems.place(i) + "; write &lt;");
        return i + 1;
    }

    /** Comments, CDATA sections and doctypes: none belongs in a member's fragment. */
    private int declaration(int i) {
        int end;
        String message;
        if (s.startsWith("<!--", i)) {
            if (s.startsWith("<!-->", i)) {
                end = i + 5;
            } else if (s.startsWith("<!--->", i)) {
                end = i + 6;
            } else {
                int close = s.indexOf("-->", i + 4);
                end = close < 0 ? n : close + 3;
            }
            message = "a comment (<!-- -->) at " + problems.place(i) + " is not allowed; remove it";
        } else if (s.startsWith("<![CDATA[", i)) {
            end = after('>', i);
            message =
                    "<![CDATA[ at " + problems.place(i) + " is not allowed; write the text with &lt; and &amp; instead";
        } else {
            end = after('>', i);
            int word = i + 2;
            while (word < end && CharClasses.isAsciiAlpha(s.charAt(word))) {
                word++;
            }
            message = s.substring(i, word) + " at " + problems.place(i) + " is not allowed here; remove it";
        }
        problems.add(i, end, message);
        return end;
    }

    /** The offset after the first {@code c} from {@code i}, or the end of the source. */
    private int after(char c, int i) {
        int at = s.indexOf(c, i);
        return at < 0 ? n : at + 1;
    }

    private int nameEnd(int from) {
        int k = from;
        while (k < n) {
            char c = s.charAt(k);
            if (CharClasses.isWhitespace(c) || c == '/' || c == '>' || c == '<') {
                break;
            }
            k++;
        }
        return k;
    }

    private int skipWhitespace(int from) {
        int k = from;
        while (k < n && CharClasses.isWhitespace(s.charAt(k))) {
            k++;
        }
        return k;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private int startTag(int i) {
        int nameEnd = nameEnd(i + 1);
        String name = lower(s.substring(i + 1, nameEnd));
        List<Attribute> attributes = new ArrayList<>();
        int k = nameEnd;
        while (true) {
            int before = k;
            k = skipWhitespace(k);
            boolean spaced = k > before;
            if (k >= n) {
                problems.add(i, n, "the tag <" + name + " at " + problems.place(i) + " is never finished with >");
                return n;
            }
            char c = s.charAt(k);
            if (c == '>') {
                return emitStart(new StartTag(name, attributes, false, i, k + 1));
            }
            if (c == '/' && k + 1 < n && s.charAt(k + 1) == '>') {
                return emitStart(new StartTag(name, attributes, true, i, k + 2));
            }
            if (c == '<') {
                problems.add(i, k, "the tag <" + name + " at " + problems.place(i) + " is missing its closing >");
                return emitStart(new StartTag(name, attributes, false, i, k));
            }
            int cp = s.codePointAt(k);
            if (!CharClasses.isAttrNameChar(cp)) {
                int next = k + Character.charCount(cp);
                while (next < n
                        && !CharClasses.isWhitespace(s.charAt(next))
                        && s.charAt(next) != '>'
                        && s.charAt(next) != '<') {
                    next++;
                }
                String shown = CharClasses.isAllowedInText(cp) && !CharClasses.isWhitespace(cp)
                        ? new String(Character.toChars(cp))
                        : String.format("character U+%04X", cp);
                problems.add(k, next, "unexpected " + shown + " at " + problems.place(k) + " inside <" + name + ">");
                k = next;
                continue;
            }
            if (!spaced) {
                problems.add(k, k + 1, "the attribute at " + problems.place(k) + " needs a space before it");
            }
            k = attribute(k, name, attributes);
            if (k < 0) {
                return n;
            }
        }
    }

    /** Reads one attribute starting at {@code start}; returns the offset after it, or -1 when the rest is lost. */
    private int attribute(int start, String tag, List<Attribute> attributes) {
        int k = start;
        while (k < n) {
            int cp = s.codePointAt(k);
            if (!CharClasses.isAttrNameChar(cp)) {
                break;
            }
            k += Character.charCount(cp);
        }
        String name = lower(s.substring(start, k));
        int eq = skipWhitespace(k);
        if (eq >= n || s.charAt(eq) != '=') {
            attributes.add(new Attribute(name, null, start, k, k));
            return k;
        }
        int v = skipWhitespace(eq + 1);
        if (v >= n || s.charAt(v) == '>') {
            problems.add(start, v, "the attribute " + name + " at " + problems.place(start) + " has = but no value");
            attributes.add(new Attribute(name, "", start, v, v));
            return v;
        }
        char quote = s.charAt(v);
        if (quote == '"' || quote == '\'') {
            int close = s.indexOf(quote, v + 1);
            if (close < 0) {
                problems.add(v, n, "the quote " + quote + " opened at " + problems.place(v) + " is never closed");
                return -1;
            }
            checkValue(v + 1, close);
            attributes.add(new Attribute(name, s.substring(v + 1, close), start, v + 1, close + 1));
            return close + 1;
        }
        int end = v;
        boolean needsQuotes = false;
        while (end < n) {
            char c = s.charAt(end);
            if (CharClasses.isWhitespace(c) || c == '>') {
                break;
            }
            int cp = s.codePointAt(end);
            needsQuotes |= !CharClasses.isUnquotedValueChar(cp);
            end += Character.charCount(cp);
        }
        if (needsQuotes) {
            problems.add(start, end, "put the value of " + name + " at " + problems.place(start) + " in quotes");
        } else {
            checkValue(v, end);
        }
        attributes.add(new Attribute(name, s.substring(v, end), start, v, end));
        return end;
    }

    /** Checks the character references and characters of an attribute value. */
    private void checkValue(int from, int to) {
        int i = from;
        while (i < to && !problems.full()) {
            char c = s.charAt(i);
            if (c == '&') {
                i = CharacterReferences.check(s, i, to, problems);
            } else if (c >= ' ' && c < 0x7F) {
                i++;
            } else {
                i = character(i);
            }
        }
    }

    private int emitStart(StartTag tag) {
        handler.startTag(tag);
        if (RAW_TEXT.contains(tag.name())) {
            return rawTextEnd(tag.end(), tag.name());
        }
        if (tag.name().equals("plaintext")) {
            return n;
        }
        return tag.end();
    }

    /** Where the end tag of raw text element {@code name} starts, searching from {@code from}; or the end. */
    private int rawTextEnd(int from, String name) {
        int p = from;
        while ((p = s.indexOf("</", p)) >= 0) {
            int after = p + 2 + name.length();
            if (s.regionMatches(true, p + 2, name, 0, name.length())
                    && (after >= n
                            || CharClasses.isWhitespace(s.charAt(after))
                            || s.charAt(after) == '/'
                            || s.charAt(after) == '>')) {
                return p;
            }
            p += 2;
        }
        return n;
    }

    private int endTag(int i) {
        int nameEnd = nameEnd(i + 2);
        String name = lower(s.substring(i + 2, nameEnd));
        int k = skipWhitespace(nameEnd);
        if (k < n && s.charAt(k) == '>') {
            handler.endTag(new EndTag(name, i, k + 1));
            return k + 1;
        }
        int close = k;
        while (close < n && s.charAt(close) != '>' && s.charAt(close) != '<') {
            close++;
        }
        if (close >= n || s.charAt(close) == '<') {
            problems.add(i, close, "the tag </" + name + " at " + problems.place(i) + " is never finished with >");
            handler.endTag(new EndTag(name, i, close));
            return close;
        }
        problems.add(
                i,
                close + 1,
                "</" + name + "> at " + problems.place(i) + " cannot have attributes; write </" + name + ">");
        handler.endTag(new EndTag(name, i, close + 1));
        return close + 1;
    }
}
