package org.callisto.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a person typed into the search box, read the way web search engines read it: words, {@code "quoted
 * phrases"}, {@code -excluded} words and {@code OR} between alternatives; everything else (operators of either
 * database, {@code *}, {@code NEAR}, brackets, SQL) is punctuation between words. The result is rendered for each
 * database by {@link #fts5()} and {@link #websearch()}, which only ever contain words made of letters and digits, so
 * no input can raise a syntax error in either.
 *
 * <p>Written by hand rather than with a query-parser library: it is the one place that decides what reaches the
 * database's query syntax, and it must keep nothing but letters, digits and its own quotes. Immutable and
 * thread-safe.
 *
 * @param groups alternatives joined by OR; each is a list of phrases (a word is a one-word phrase) that must all match
 * @param excluded phrases that must not match
 * @param dropped how many words beyond {@link #MAX_WORDS} were left out
 */
public record SearchTerms(List<List<List<String>>> groups, List<List<String>> excluded, int dropped) {
    /** At most this many words are searched; longer queries are cut, and the page says so. */
    public static final int MAX_WORDS = 32;

    /** A word longer than this is cut: no language has longer words, and the indexes do not keep them whole. */
    static final int MAX_WORD_LENGTH = 64;

    public SearchTerms {
        groups = groups.stream().map(g -> g.stream().map(List::copyOf).toList()).toList();
        excluded = excluded.stream().map(List::copyOf).toList();
    }

    /**
     * Reads a query.
     *
     * @throws SearchRefusal naming the query when it has no word to find
     */
    public static SearchTerms parse(String query) {
        String q = query == null ? "" : query;
        List<List<List<String>>> groups = new ArrayList<>();
        List<List<String>> current = new ArrayList<>();
        List<List<String>> excluded = new ArrayList<>();
        int words = 0;
        int dropped = 0;
        int i = 0;
        int n = q.length();
        boolean orPending = false;
        while (i < n) {
            char ch = q.charAt(i);
            if (ch == '"') {
                int end = q.indexOf('"', i + 1);
                String inside = q.substring(i + 1, end < 0 ? n : end);
                i = end < 0 ? n : end + 1;
                List<String> phrase = new ArrayList<>();
                for (String w : words(inside)) {
                    if (words < MAX_WORDS) {
                        phrase.add(w);
                        words++;
                    } else {
                        dropped++;
                    }
                }
                if (!phrase.isEmpty()) {
                    current = startGroupIfOr(groups, current, orPending);
                    orPending = false;
                    current.add(phrase);
                }
                continue;
            }
            if (Character.isWhitespace(ch)) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && !Character.isWhitespace(q.charAt(end)) && q.charAt(end) != '"') {
                end++;
            }
            String token = q.substring(i, end);
            i = end;
            if (token.equals("OR") && !current.isEmpty()) {
                orPending = true;
                continue;
            }
            boolean negative = token.startsWith("-");
            List<String> tokenWords = words(token);
            for (String w : tokenWords) {
                if (words >= MAX_WORDS) {
                    dropped++;
                    continue;
                }
                words++;
                if (negative) {
                    excluded.add(List.of(w));
                } else {
                    current = startGroupIfOr(groups, current, orPending);
                    orPending = false;
                    current.add(List.of(w));
                }
            }
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        if (groups.isEmpty()) {
            String shown = q.length() > 60 ? q.substring(0, 60) + "…" : q;
            throw new SearchRefusal(
                    excluded.isEmpty()
                            ? "The search \"" + shown.strip() + "\" has no word to look for: type one or more words"
                                    + " made of letters or digits."
                            : "The search \"" + shown.strip() + "\" only excludes words (-word): add at least one"
                                    + " word to look for.");
        }
        return new SearchTerms(groups, excluded, dropped);
    }

    private static List<List<String>> startGroupIfOr(
            List<List<List<String>>> groups, List<List<String>> current, boolean orPending) {
        if (orPending && !current.isEmpty()) {
            groups.add(current);
            return new ArrayList<>();
        }
        return current;
    }

    /** The runs of letters and digits of {@code text}, lower-cased, each at most {@link #MAX_WORD_LENGTH} long. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            String w = text.substring(start, i).toLowerCase(Locale.ROOT);
            if (w.length() > MAX_WORD_LENGTH) {
                w = w.substring(0, w.offsetByCodePoints(0, Math.min(MAX_WORD_LENGTH, w.codePointCount(0, w.length()))));
            }
            out.add(w);
        }
        return out;
    }

    /**
     * The query in SQLite FTS5 syntax: every phrase in double quotes (so no word is read as an operator), phrases
     * of a group joined by AND, groups by OR, then {@code NOT} each excluded phrase.
     */
    public String fts5() {
        List<String> alternatives = new ArrayList<>();
        for (List<List<String>> g : groups) {
            List<String> phrases = new ArrayList<>();
            for (List<String> p : g) {
                phrases.add(quoted(p));
            }
            alternatives.add(phrases.size() == 1 ? phrases.getFirst() : "(" + String.join(" AND ", phrases) + ")");
        }
        String positive =
                alternatives.size() == 1 ? alternatives.getFirst() : "(" + String.join(" OR ", alternatives) + ")";
        StringBuilder out = new StringBuilder(positive);
        for (List<String> p : excluded) {
            out.append(" NOT ").append(quoted(p));
        }
        return out.toString();
    }

    private static String quoted(List<String> phrase) {
        return "\"" + String.join(" ", phrase).replace("\"", "\"\"") + "\"";
    }

    /** The query for PostgreSQL's {@code websearch_to_tsquery}, rebuilt from the words alone. */
    public String websearch() {
        List<String> alternatives = new ArrayList<>();
        for (List<List<String>> g : groups) {
            List<String> phrases = new ArrayList<>();
            for (List<String> p : g) {
                phrases.add(
                        p.size() == 1 && !p.getFirst().equals("or") ? p.getFirst() : "\"" + String.join(" ", p) + "\"");
            }
            alternatives.add(String.join(" ", phrases));
        }
        StringBuilder out = new StringBuilder(String.join(" or ", alternatives));
        for (List<String> p : excluded) {
            out.append(" -").append(p.size() == 1 ? p.getFirst() : "\"" + String.join(" ", p) + "\"");
        }
        return out.toString();
    }

    /** The query as the search reads it, for the page and the command: {@code linux "file system" -windows}. */
    public String normalized() {
        return websearch().replace(" or ", " OR ");
    }
}
