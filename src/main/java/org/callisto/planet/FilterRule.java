package org.callisto.planet;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One filter rule: keep or drop a planet entry when one of its fields matches words or a regular expression, for one
 * feed or for every feed (Planet Venus's {@code filter} and {@code exclude} keys, and more). Immutable and
 * thread-safe.
 *
 * <p>Regular expressions run on RE2/J, which matches in time linear in the text whatever the expression, so neither
 * an administrator's typo nor an imported configuration can make a refresh hang (no catastrophic backtracking).
 *
 * @param id      the stored rule's id (0 before it is stored)
 * @param feedId  the feed it applies to, or null for every feed
 * @param action  keep only entries that match (a feed with keep rules keeps only what matches one of them), or drop
 *                entries that match
 * @param field   which part of an entry is matched
 * @param kind    words (any of them, whole words, any case) or a regular expression (as written: add {@code (?i)}
 *                for any case)
 * @param pattern the words or the expression
 * @param origin  where the rule came from ("import-venus line 12"), or null
 */
public record FilterRule(
        long id, Long feedId, Action action, Field field, Kind kind, String pattern, String origin, Instant createdAt) {

    /** The longest pattern accepted, in characters. */
    public static final int MAX_PATTERN = 2_000;

    /** What a matching rule does. */
    public enum Action {
        KEEP,
        DROP;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The part of an entry a rule looks at; {@code ANY} is its title, text, categories and author together. */
    public enum Field {
        ANY,
        TITLE,
        CONTENT,
        CATEGORIES,
        AUTHOR;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How the pattern is read. */
    public enum Kind {
        WORDS,
        REGEX;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Reads one of the enum values above by its lower-case key, naming the choices when it is not one of them. */
    public static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return e;
            }
        }
        List<String> keys = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            keys.add(e.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException(
                what + " '" + value + "' is not one of " + String.join(", ", keys) + "; use one of them");
    }

    /**
     * The rule's pattern compiled; checked when a rule is added, so a stored rule always compiles.
     *
     * @throws IllegalArgumentException naming the pattern, what is wrong and where, when it is not valid
     */
    public Pattern compile() {
        return compile(kind, pattern);
    }

    /** Compiles words or an expression; see {@link #compile()}. */
    public static Pattern compile(Kind kind, String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("the filter's pattern is empty; give words or a regular expression");
        }
        if (pattern.length() > MAX_PATTERN) {
            throw new IllegalArgumentException("the filter's pattern is " + pattern.length()
                    + " characters long; at most " + MAX_PATTERN + " are accepted");
        }
        String expression = kind == Kind.WORDS ? wordsExpression(pattern) : pattern;
        try {
            return Pattern.compile(expression);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("the regular expression '" + pattern + "' is not valid: "
                    + e.getDescription() + where(pattern, e) + " (RE2 syntax: no back-references or look-arounds)");
        }
    }

    /** Where in the pattern RE2 found the fault: the part it names, and its place when that is not the whole. */
    private static String where(String pattern, PatternSyntaxException e) {
        String part = e.getPattern();
        if (part == null || part.isEmpty() || part.equals(pattern)) {
            return "";
        }
        int at = pattern.indexOf(part);
        return at < 0 ? " in '" + part + "'" : " at character " + (at + 1) + " ('" + part + "')";
    }

    /**
     * Words as an expression: any of them as a whole word, in any case. Words are separated by commas or spaces; a
     * phrase in double quotes is one word.
     */
    static String wordsExpression(String words) {
        List<String> parts = words(words);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("the filter's words '" + words + "' hold no word");
        }
        StringBuilder b = new StringBuilder("(?i)(?:^|[^\\p{L}\\p{N}_])(?:");
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                b.append('|');
            }
            b.append(Pattern.quote(parts.get(i)).replace(" ", "\\s+"));
        }
        return b.append(")(?:[^\\p{L}\\p{N}_]|$)").toString();
    }

    /** The words of a words pattern, phrases in quotes kept whole. */
    static List<String> words(String words) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < words.length(); i++) {
            char c = words.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                flush(current, out);
            } else if (!quoted && (c == ',' || Character.isWhitespace(c))) {
                flush(current, out);
            } else {
                current.append(c);
            }
        }
        flush(current, out);
        return out;
    }

    private static void flush(StringBuilder current, List<String> out) {
        String w = current.toString().strip().replaceAll("\\s+", " ");
        if (!w.isEmpty()) {
            out.add(w);
        }
        current.setLength(0);
    }

    /** The rule in words, as the pages and the command line show it. */
    public String describe() {
        return action.key() + " entries whose " + (field == Field.ANY ? "text" : field.key()) + " matches "
                + (kind == Kind.WORDS ? "the words " : "the expression ") + "'" + pattern + "'"
                + (feedId == null ? ", in every feed" : "");
    }
}
