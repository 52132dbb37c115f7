package org.callisto.planet.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * A small, lenient, linear-time XML parser that turns decoded feed text into a tree of {@link XmlElement}s and
 * records every well-formedness problem (with its 1-based line and column) instead of stopping.
 *
 * <p>Why hand-written rather than StAX or SAX: feeds in the wild are often not well-formed (undefined HTML entities
 * such as {@code &nbsp;}, bare {@code &} and {@code <}, junk before the XML declaration, truncation, control
 * characters, mismatched tags), and a conforming XML parser must stop at the first such error. The JDK parser also
 * refuses large real feeds because of its entity size limits (JAXP00010003 on a 5 MB RSS feed), and DTD processing is
 * a liability: this parser never reads an external DTD or entity and never fetches anything, so it is immune to XXE.
 * Internal entities declared in the DOCTYPE ({@code <!DOCTYPE rss [<!ENTITY foo "bar">]>}) are expanded, as
 * feedparser expands them, within bounds that defeat "billion laughs": {@link #MAX_DECLARED_ENTITIES} declarations,
 * {@link #MAX_ENTITY_DEPTH} levels of nesting and {@link #MAX_ENTITY_EXPANSION} characters of expansion per document;
 * beyond them references stay as text, with a problem. Resource use is bounded: nesting deeper than
 * {@link #MAX_DEPTH} and attributes beyond {@link #MAX_ATTRIBUTES} are dropped, and each character is looked at a
 * constant number of times.
 *
 * <p>Recovery rules: HTML 4 named entities are resolved with HTML 4's code points, as feedparser resolves them
 * ({@link Html4Entities}); any other undefined entity is kept literally; a bare {@code &} or
 * {@code <} is kept as text; an end tag closes the nearest open element of that name (and everything opened inside
 * it); a stray end tag is ignored; at the end of input every open element is closed.
 *
 * <p>Not thread-safe: one instance parses one document. Use {@link #parse} to get a fresh one.
 */
final class LenientXmlParser {
    static final int MAX_DEPTH = 256;
    static final int MAX_ATTRIBUTES = 256;
    static final int MAX_PROBLEMS = 100;
    private static final int MAX_ENTITY_NAME = 40;
    /** Entities a DOCTYPE may declare; more are ignored. */
    static final int MAX_DECLARED_ENTITIES = 256;
    /** How deeply declared entities may refer to one another. */
    static final int MAX_ENTITY_DEPTH = 8;
    /** Characters all expansions of declared entities in one document may produce together. */
    static final int MAX_ENTITY_EXPANSION = 1 << 20;

    private static final Map<String, String> KNOWN_NAMESPACES = new HashMap<>();

    static {
        KNOWN_NAMESPACES.put("http://www.w3.org/2005/atom", "atom");
        KNOWN_NAMESPACES.put("http://purl.org/atom/ns#", "atom");
        KNOWN_NAMESPACES.put("http://purl.org/dc/elements/1.1/", "dc");
        KNOWN_NAMESPACES.put("http://purl.org/dc/terms/", "dcterms");
        KNOWN_NAMESPACES.put("http://purl.org/rss/1.0/modules/content/", "content");
        KNOWN_NAMESPACES.put("http://search.yahoo.com/mrss/", "media");
        KNOWN_NAMESPACES.put("http://search.yahoo.com/mrss", "media");
        KNOWN_NAMESPACES.put("http://www.itunes.com/dtds/podcast-1.0.dtd", "itunes");
        KNOWN_NAMESPACES.put("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf");
        KNOWN_NAMESPACES.put("http://purl.org/rss/1.0/", "");
        KNOWN_NAMESPACES.put("http://my.netscape.com/rdf/simple/0.9/", "");
        KNOWN_NAMESPACES.put("http://backend.userland.com/rss2", "");
        KNOWN_NAMESPACES.put("http://blogs.law.harvard.edu/tech/rss", "");
        KNOWN_NAMESPACES.put("http://www.w3.org/1999/xhtml", "xhtml");
        KNOWN_NAMESPACES.put("http://www.w3.org/xml/1998/namespace", "xml");
        KNOWN_NAMESPACES.put("http://purl.org/rss/1.0/modules/syndication/", "sy");
        KNOWN_NAMESPACES.put("http://wellformedweb.org/commentapi/", "wfw");
        KNOWN_NAMESPACES.put("http://purl.org/syndication/thread/1.0", "thr");
        KNOWN_NAMESPACES.put("https://podcastindex.org/namespace/1.0", "podcast");
        // the namespace's first address, still declared by early Podcasting 2.0 feeds (the Podcast Index's own pc20rss)
        KNOWN_NAMESPACES.put("https://github.com/podcastindex-org/podcast-namespace/blob/main/docs/1.0.md", "podcast");
        KNOWN_NAMESPACES.put(
                "https://github.com/podcastindex-org/podcast-namespace/blob/master/docs/1.0.md", "podcast");
        KNOWN_NAMESPACES.put("http://www.google.com/schemas/play-podcasts/1.0", "googleplay");
    }

    /** The parsed tree and what was wrong with it. */
    record Result(
            XmlElement root,
            char[] source,
            List<ParseProblem> problems,
            boolean illFormed,
            boolean htmlDoctype,
            boolean atom03) {}

    private final char[] s;
    private final int n;
    private int pos;
    private final List<ParseProblem> problems = new ArrayList<>();
    private int problemCount;
    private boolean illFormed;
    private boolean htmlDoctype;
    private boolean atom03;
    private XmlElement root;
    private XmlElement current;
    private Map<String, String> declaredEntities;
    private int expansionBudget = MAX_ENTITY_EXPANSION;
    private boolean expansionBoundReported;
    /** The entity referenced in the document whose expansion is under way, for problems. */
    private String expandingFrom;

    private int depth;
    private int skippedDepth;
    private boolean depthReported;
    private boolean namespaceLimitReported;
    private final String[] nameTable = new String[1024];
    private int nameCount;
    private final Map<String, String> localNames = new HashMap<>();
    /** Reused by {@link #text()} for text that holds entity or character references. */
    private final TextBuffer textScratch = new TextBuffer(1024);
    /** Reused by {@link #attributeValue} for each attribute value. */
    private final TextBuffer attributeScratch = new TextBuffer(256);

    private final Map<String, String> canonicalCache = new HashMap<>();
    /**
     * The namespace key of each qualified name met under the declarations {@link #namespaceKeysScope}: feeds repeat
     * the same few names under the same declarations, so most elements take one lookup here instead of splitting
     * off the prefix and looking it up twice.
     */
    private final Map<String, String> namespaceKeys = new HashMap<>();

    private Map<String, String> namespaceKeysScope;
    private final Set<String> undeclaredPrefixes = new HashSet<>();
    // incremental line/column tracking for problem positions
    private int trackPos;
    private int trackLine = 1;
    private int trackColumn = 1;

    private LenientXmlParser(char[] source, int length) {
        this.s = source;
        this.n = length;
    }

    /** Parses {@code length} chars of {@code source}; {@code baseUrl} (may be null) is the base of the root element. */
    static Result parse(char[] source, int length, String baseUrl) {
        LenientXmlParser p = new LenientXmlParser(source, length);
        p.run(baseUrl);
        return new Result(p.root, source, p.problems, p.illFormed, p.htmlDoctype, p.atom03);
    }

    private void run(String baseUrl) {
        int start = 0;
        if (n > 0 && s[0] == '\uFEFF') {
            start = 1;
        }
        pos = start;
        boolean seenNonSpace = false;
        while (pos < n) {
            char c = s[pos];
            if (c == '<') {
                if (pos + 1 < n
                        && s[pos + 1] == '?'
                        && startsWith(pos + 2, "xml")
                        && pos + 5 < n
                        && isSpace(s[pos + 5])
                        && (seenNonSpace || pos > start)
                        && current == null
                        && root == null) {
                    problem(
                            pos,
                            seenNonSpace
                                    ? "content before the XML declaration was skipped"
                                    : "whitespace before the XML declaration");
                }
                markup(baseUrl);
                seenNonSpace = true;
            } else if (current == null) {
                // text outside the root element: only whitespace is allowed
                int from = pos;
                while (pos < n && s[pos] != '<') {
                    pos++;
                }
                int junk = firstNonBlank(from, pos);
                if (junk >= 0) {
                    problem(
                            junk,
                            root == null
                                    ? "text before the root element was skipped"
                                    : "text after the root element was skipped");
                    seenNonSpace = true;
                }
            } else {
                text();
            }
        }
        if (current != null) {
            problem(
                    n,
                    "document ends inside <" + current.qname + "> (truncated?); " + "closed " + depth + " open element"
                            + (depth == 1 ? "" : "s"));
            while (current != null) {
                close(n);
            }
        }
        if (problemCount > MAX_PROBLEMS) {
            problems.add(new ParseProblem(0, 0, (problemCount - MAX_PROBLEMS) + " more problems not listed"));
        }
    }

    // ---------------------------------------------------------------- text

    private void text() {
        XmlElement into = current;
        int runStart = pos;
        // text with references is resolved into one reused builder and handed over once, as a String, rather than
        // grown reference by reference in the element's own buffer
        TextBuffer resolved = null;
        while (pos < n) {
            char c = s[pos];
            if (c >= 0x20 && c != '<' && c != '&' && c < '\uFFFE') {
                // the common case first: every printable character but the two that end a run, in tests that
                // each almost always go the same way (letters, digits and spaces alike)
                pos++;
                continue;
            }
            if (c == '<') {
                break;
            }
            if (c == '&') {
                if (resolved == null) {
                    resolved = textScratch;
                    resolved.clear();
                }
                resolved.append(s, runStart, pos);
                entity(null, false, resolved);
                runStart = pos;
                continue;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == '\uFFFE' || c == '\uFFFF') {
                if (resolved == null) {
                    into.appendText(s, runStart, pos);
                } else {
                    resolved.append(s, runStart, pos);
                }
                problem(pos, "invalid XML character U+" + hex(c) + " skipped");
                pos++;
                runStart = pos;
                continue;
            }
            pos++;
        }
        if (resolved == null) {
            into.appendText(s, runStart, pos);
        } else {
            resolved.append(s, runStart, pos);
            into.appendText(resolved.toString());
        }
    }

    /**
     * Resolves the entity or character reference at {@code pos} (which is at '&') and appends it to the element or,
     * for attribute values, to {@code attributeValue}. Advances {@code pos}.
     */
    private void entity(XmlElement into, boolean inAttribute, TextBuffer attributeValue) {
        int amp = pos;
        int p = pos + 1;
        int limit = Math.min(n, p + MAX_ENTITY_NAME);
        if (p < n && s[p] == '#') {
            p++;
            boolean hexRef = p < n && (s[p] == 'x' || s[p] == 'X');
            if (hexRef) {
                p++;
            }
            int digitsStart = p;
            long value = 0;
            while (p < limit && (hexRef ? Character.digit(s[p], 16) >= 0 : s[p] >= '0' && s[p] <= '9')) {
                value = value * (hexRef ? 16 : 10) + Character.digit(s[p], 16);
                if (value > 0x10FFFF) {
                    value = 0x110000;
                }
                p++;
            }
            if (p == digitsStart) {
                emit(into, attributeValue, '&');
                problem(amp, "unescaped & (bad character reference)");
                pos = amp + 1;
                return;
            }
            if (p < n && s[p] == ';') {
                p++;
            } else {
                problem(amp, "character reference without ;");
            }
            int cp = (int) value;
            if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                problem(
                        amp,
                        "invalid character reference &#" + (hexRef ? "x" : "")
                                + new String(s, digitsStart, p - digitsStart).replace(";", "") + ";");
                cp = 0xFFFD;
            } else if (cp >= 0x80 && cp <= 0x9F) {
                // windows-1252 code points written as character references, as browsers do
                cp = Windows1252.map(cp);
            }
            emitCodePoint(into, attributeValue, cp);
            pos = p;
            return;
        }
        while (p < limit && isNameChar(s[p])) {
            p++;
        }
        if (p == amp + 1 || p >= n || s[p] != ';') {
            // "&" not followed by name; -- a bare ampersand (or an HTML entity without ;)
            String name = new String(s, amp + 1, p - amp - 1);
            int cp = name.isEmpty() ? -1 : Html4Entities.codePoint(name);
            if (cp >= 0 && Entities.isBaseNamedEntity(name)) {
                problem(amp, "entity &" + name + " without ;");
                emitCodePoint(into, attributeValue, cp);
                pos = p;
                return;
            }
            problem(amp, "unescaped &");
            emit(into, attributeValue, '&');
            pos = amp + 1;
            return;
        }
        int nameLen = p - amp - 1;
        char c1 = s[amp + 1];
        if (nameLen == 2 && s[amp + 2] == 't' && (c1 == 'l' || c1 == 'g')) {
            emit(into, attributeValue, c1 == 'l' ? '<' : '>');
            pos = p + 1;
            return;
        }
        if (nameLen == 3 && c1 == 'a' && s[amp + 2] == 'm' && s[amp + 3] == 'p') {
            emit(into, attributeValue, '&');
            pos = p + 1;
            return;
        }
        if (nameLen == 4 && c1 == 'q' && s[amp + 2] == 'u' && s[amp + 3] == 'o' && s[amp + 4] == 't') {
            emit(into, attributeValue, '"');
            pos = p + 1;
            return;
        }
        String name = new String(s, amp + 1, nameLen);
        pos = p + 1;
        switch (name) {
            case "amp" -> emit(into, attributeValue, '&');
            case "lt" -> emit(into, attributeValue, '<');
            case "gt" -> emit(into, attributeValue, '>');
            case "quot" -> emit(into, attributeValue, '"');
            case "apos" -> emit(into, attributeValue, '\'');
            default -> {
                if (declaredEntities != null && declaredEntities.containsKey(name)) {
                    expandingFrom = name;
                    String expanded = expand(name, amp, 0);
                    emit(into, attributeValue, expanded != null ? expanded : "&" + name + ";");
                    return;
                }
                int cp = Html4Entities.codePoint(name);
                if (cp >= 0) {
                    problem(amp, "undefined entity &" + name + "; (resolved as HTML)");
                    emitCodePoint(into, attributeValue, cp);
                } else {
                    problem(amp, "undefined entity &" + name + "; kept as text");
                    emit(into, attributeValue, "&" + name + ";");
                }
            }
        }
    }

    private static void emit(XmlElement into, TextBuffer attributeValue, char c) {
        if (attributeValue != null) {
            attributeValue.append(c);
        } else {
            into.appendText(c);
        }
    }

    private static void emit(XmlElement into, TextBuffer attributeValue, String str) {
        if (attributeValue != null) {
            attributeValue.append(str);
        } else {
            into.appendText(str);
        }
    }

    private static void emitCodePoint(XmlElement into, TextBuffer attributeValue, int cp) {
        if (cp < 0x10000) {
            emit(into, attributeValue, (char) cp);
        } else {
            emit(into, attributeValue, new String(Character.toChars(cp)));
        }
    }

    // ---------------------------------------------------------------- markup

    private void markup(String baseUrl) {
        int lt = pos;
        if (pos + 1 >= n) {
            problem(pos, "document ends with <");
            if (current != null) {
                current.appendText('<');
            }
            pos = n;
            return;
        }
        char c = s[pos + 1];
        if (c == '!') {
            if (startsWith(pos + 2, "--")) {
                int end = indexOf("-->", pos + 4);
                if (end < 0) {
                    problem(lt, "unterminated comment");
                    pos = n;
                } else {
                    pos = end + 3;
                }
            } else if (startsWith(pos + 2, "[CDATA[")) {
                int from = pos + 9;
                int end = indexOf("]]>", from);
                if (end < 0) {
                    problem(lt, "unterminated CDATA section");
                    end = n;
                }
                if (current != null) {
                    current.appendText(s, from, end);
                }
                pos = Math.min(n, end + 3);
            } else if (startsWithIgnoreCase(pos + 2, "DOCTYPE")) {
                doctype(lt);
            } else {
                int end = indexOf(">", pos);
                problem(lt, "unknown markup declaration skipped");
                pos = end < 0 ? n : end + 1;
            }
        } else if (c == '?') {
            int end = indexOf("?>", pos + 2);
            if (end < 0) {
                problem(lt, "unterminated processing instruction");
                pos = n;
            } else {
                pos = end + 2;
            }
        } else if (c == '/') {
            endTag();
        } else if (isNameStart(c)) {
            startTag(baseUrl);
        } else {
            problem(lt, "unescaped <");
            if (current != null) {
                current.appendText('<');
            }
            pos++;
        }
    }

    private void doctype(int lt) {
        int p = lt + 9;
        while (p < n && s[p] != '>' && s[p] != '[') {
            p++;
        }
        String head = new String(s, lt + 9, Math.min(p, n) - lt - 9).trim();
        if (head.regionMatches(true, 0, "html", 0, 4)) {
            htmlDoctype = true;
        }
        if (p < n && s[p] == '[') {
            p = internalSubset(lt, p + 1);
            if (p >= n) {
                problem(lt, "unterminated DOCTYPE internal subset");
                pos = n;
                return;
            }
            while (p < n && s[p] != '>') {
                p++;
            }
        }
        pos = p < n ? p + 1 : n;
    }

    /**
     * Reads a DOCTYPE's internal subset from {@code p} to its closing {@code ]}, keeping the internal general
     * entities it declares ({@code <!ENTITY name "value">}) for expansion. Parameter entities and external entities
     * (SYSTEM, PUBLIC) are never read, each with a problem; other declarations are skipped. At most
     * {@value #MAX_DECLARED_ENTITIES} entities are kept.
     *
     * @return the index of the closing {@code ]}, or {@code n} when there is none
     */
    private int internalSubset(int lt, int p) {
        while (p < n) {
            char c = s[p];
            if (c == ']') {
                return p;
            }
            if (c == '<' && startsWith(p, "<!--")) {
                int end = indexOf("-->", p + 4);
                p = end < 0 ? n : end + 3;
            } else if (c == '<' && startsWith(p, "<!ENTITY")) {
                p = entityDeclaration(p);
            } else if (c == '<') {
                p = skipDeclaration(p);
            } else {
                p++;
            }
        }
        return n;
    }

    private int entityDeclaration(int at) {
        int p = at + 8;
        while (p < n && isSpace(s[p])) {
            p++;
        }
        boolean parameter = p < n && s[p] == '%';
        int nameStart = parameter ? p + 1 : p;
        while (parameter && nameStart < n && isSpace(s[nameStart])) {
            nameStart++;
        }
        int nameEnd = nameStart;
        while (nameEnd < n && isNameChar(s[nameEnd])) {
            nameEnd++;
        }
        String name = new String(s, nameStart, nameEnd - nameStart);
        p = nameEnd;
        while (p < n && isSpace(s[p])) {
            p++;
        }
        int end = skipDeclaration(at);
        if (parameter) {
            problem(at, "parameter entity %" + name + "; ignored (DTDs are never read)");
        } else if (p < n && (s[p] == '"' || s[p] == '\'')) {
            char q = s[p];
            int close = p + 1;
            while (close < n && s[close] != q) {
                close++;
            }
            if (name.isEmpty()) {
                problem(at, "entity declaration without a name ignored");
            } else if (declaredEntities != null && declaredEntities.size() >= MAX_DECLARED_ENTITIES) {
                problem(at, "more than " + MAX_DECLARED_ENTITIES + " entity declarations; &" + name + "; ignored");
            } else {
                if (declaredEntities == null) {
                    declaredEntities = new HashMap<>();
                }
                declaredEntities.putIfAbsent(name, new String(s, p + 1, Math.min(close, n) - p - 1));
            }
        } else {
            problem(at, "external entity &" + name + "; ignored (nothing outside the document is ever read)");
        }
        return end;
    }

    /** The index after the {@code >} that ends the declaration at {@code p}, skipping quoted strings. */
    private int skipDeclaration(int p) {
        int i = p + 1;
        while (i < n && s[i] != '>') {
            if (s[i] == '"' || s[i] == '\'') {
                char q = s[i++];
                while (i < n && s[i] != q) {
                    i++;
                }
            }
            i++;
        }
        return Math.min(n, i + 1);
    }

    /**
     * The replacement text of the declared entity {@code name}, with the character references, predefined entities
     * and declared entities in it expanded; null when expanding it would nest deeper than
     * {@value #MAX_ENTITY_DEPTH} levels or take the document's expansions beyond {@value #MAX_ENTITY_EXPANSION}
     * characters ("billion laughs"), which is recorded once as a problem at {@code at}.
     */
    private String expand(String name, int at, int depth) {
        if (depth > MAX_ENTITY_DEPTH) {
            boundExceeded(at, "entity &" + expandingFrom + "; nests deeper than " + MAX_ENTITY_DEPTH + " levels");
            return null;
        }
        String value = declaredEntities.get(name);
        StringBuilder out = null;
        int i = 0;
        int runStart = 0;
        while (i < value.length()) {
            int semi;
            if (value.charAt(i) != '&' || (semi = value.indexOf(';', i)) < 0 || semi - i > MAX_ENTITY_NAME) {
                i++;
                continue;
            }
            String ref = value.substring(i + 1, semi);
            String piece = referenceIn(ref, at, depth);
            if (piece == null && declaredEntities.containsKey(ref)) {
                return null;
            }
            if (piece != null) {
                if (out == null) {
                    out = new StringBuilder(value.length() + 16);
                }
                out.append(value, runStart, i).append(piece);
                runStart = semi + 1;
            }
            i = semi + 1;
        }
        String result = out == null
                ? value
                : out.append(value, runStart, value.length()).toString();
        expansionBudget -= result.length();
        if (expansionBudget < 0) {
            boundExceeded(
                    at,
                    "entity expansions exceed " + MAX_ENTITY_EXPANSION + " characters (at &" + expandingFrom
                            + ";); the rest are kept as text");
            return null;
        }
        return result;
    }

    /** What a reference inside an entity's value stands for, or null to keep it as written. */
    private String referenceIn(String ref, int at, int depth) {
        if (ref.startsWith("#")) {
            boolean hexRef = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X');
            try {
                int cp = Integer.parseInt(ref.substring(hexRef ? 2 : 1), hexRef ? 16 : 10);
                return cp > 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)
                        ? new String(Character.toChars(Windows1252.map(cp)))
                        : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return switch (ref) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> declaredEntities.containsKey(ref) ? expand(ref, at, depth + 1) : null;
        };
    }

    private void boundExceeded(int at, String message) {
        if (!expansionBoundReported) {
            expansionBoundReported = true;
            problem(at, message);
        } else {
            illFormed = true;
        }
    }

    private void startTag(String baseUrl) {
        int lt = pos;
        int p = pos + 1;
        int nameStart = p;
        while (p < n && isNameChar(s[p])) {
            p++;
        }
        String qname = name(nameStart, p);
        pos = p;
        if (current == null && root != null) {
            problem(lt, "second root element <" + qname + "> ignored");
        }
        boolean skip = depth >= MAX_DEPTH || (current == null && root != null);
        if (depth >= MAX_DEPTH && !depthReported) {
            depthReported = true;
            problem(lt, "elements nested deeper than " + MAX_DEPTH + " levels ignored");
        }
        XmlElement el = skip ? null : new XmlElement(current, qname, localName(qname));
        boolean empty = false;
        boolean tooManyReported = false;
        TextBuffer value = attributeScratch;
        while (true) {
            while (pos < n && isSpace(s[pos])) {
                pos++;
            }
            if (pos >= n) {
                problem(lt, "document ends inside start tag <" + qname + ">");
                break;
            }
            char c = s[pos];
            if (c == '>') {
                pos++;
                break;
            }
            if (c == '/' && pos + 1 < n && s[pos + 1] == '>') {
                pos += 2;
                empty = true;
                break;
            }
            if (c == '<') {
                problem(pos, "start tag <" + qname + "> not closed with >");
                break;
            }
            int an = pos;
            while (pos < n
                    && !isSpace(s[pos])
                    && s[pos] != '='
                    && s[pos] != '>'
                    && s[pos] != '<'
                    && !(s[pos] == '/' && pos + 1 < n && s[pos + 1] == '>')) {
                pos++;
            }
            if (pos == an) {
                problem(pos, "unexpected " + s[pos] + " in start tag <" + qname + ">");
                pos++;
                continue;
            }
            String attrName = name(an, pos);
            while (pos < n && isSpace(s[pos])) {
                pos++;
            }
            String attrValue;
            if (pos < n && s[pos] == '=') {
                pos++;
                while (pos < n && isSpace(s[pos])) {
                    pos++;
                }
                value.clear();
                attrValue = attributeValue(value, qname);
            } else {
                problem(an, "attribute " + attrName + " without a value");
                attrValue = attrName;
            }
            if (el != null) {
                if (el.attributeCount >= MAX_ATTRIBUTES) {
                    if (!tooManyReported) {
                        tooManyReported = true;
                        problem(an, "more than " + MAX_ATTRIBUTES + " attributes on <" + qname + ">; rest ignored");
                    }
                } else {
                    el.addAttribute(attrName, attrValue);
                }
            }
        }
        if (el == null) {
            if (!empty) {
                skippedDepth++;
            }
            return;
        }
        open(el, baseUrl);
        el.innerStart = pos;
        if (empty) {
            el.innerEnd = pos;
            close(pos);
        }
    }

    private String attributeValue(TextBuffer value, String qname) {
        if (pos >= n) {
            return "";
        }
        char q = s[pos];
        if (q == '"' || q == '\'') {
            pos++;
            int runStart = pos;
            while (pos < n && s[pos] != q) {
                char c = s[pos];
                if (c == '&') {
                    value.append(s, runStart, pos);
                    entity(null, true, value);
                    runStart = pos;
                } else if (c == '<') {
                    // most likely a missing closing quote: stop here rather than swallow the document
                    value.append(s, runStart, pos);
                    problem(pos, "< in attribute value of <" + qname + "> (missing quote?)");
                    return value.toString();
                } else {
                    if (c == '\t' || c == '\n' || c == '\r') {
                        value.append(s, runStart, pos);
                        value.append(' ');
                        runStart = pos + 1;
                    }
                    pos++;
                }
            }
            value.append(s, runStart, pos);
            if (pos >= n) {
                problem(n, "document ends inside an attribute value of <" + qname + ">");
            } else {
                pos++;
            }
            return value.toString();
        }
        problem(pos, "unquoted attribute value in <" + qname + ">");
        int start = pos;
        while (pos < n && !isSpace(s[pos]) && s[pos] != '>' && s[pos] != '<') {
            pos++;
        }
        return new String(s, start, pos - start);
    }

    private void open(XmlElement el, String baseUrl) {
        XmlElement parent = current;
        String parentBase = parent == null ? baseUrl : parent.base;
        String xmlBase = el.attr("xml:base");
        el.base = xmlBase == null ? parentBase : Urls.resolve(parentBase, xmlBase.trim());
        String xmlLang = el.attr("xml:lang");
        el.lang = xmlLang != null ? xmlLang.trim() : parent == null ? null : parent.lang;
        el.ns = resolveNamespace(el);
        if (parent == null) {
            root = el;
        } else {
            parent.addChild(el);
        }
        current = el;
        depth++;
    }

    private void endTag() {
        int lt = pos;
        int p = pos + 2;
        int nameStart = p;
        while (p < n && isNameChar(s[p])) {
            p++;
        }
        int nameEnd = p;
        while (p < n && s[p] != '>' && s[p] != '<') {
            p++;
        }
        if (p < n && s[p] == '>') {
            pos = p + 1;
        } else {
            problem(lt, "end tag not closed with >");
            pos = p;
        }
        if (skippedDepth > 0) {
            skippedDepth--;
            return;
        }
        if (current == null) {
            problem(lt, "end tag </" + new String(s, nameStart, nameEnd - nameStart) + "> outside the root element");
            return;
        }
        int len = nameEnd - nameStart;
        if (matches(current.qname, nameStart, len)) {
            current.innerEnd = lt;
            close(lt);
            return;
        }
        // mismatched: close up to the nearest open element of that name, if any
        XmlElement e = current.parent;
        while (e != null && !matches(e.qname, nameStart, len)) {
            e = e.parent;
        }
        String endName = new String(s, nameStart, len);
        if (e == null) {
            problem(lt, "end tag </" + endName + "> does not match <" + current.qname + ">; ignored");
            return;
        }
        problem(lt, "end tag </" + endName + "> closes unclosed <" + current.qname + ">");
        while (current != e) {
            current.innerEnd = lt;
            close(lt);
        }
        current.innerEnd = lt;
        close(lt);
    }

    private boolean matches(String qname, int start, int len) {
        if (qname.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (qname.charAt(i) != s[start + i]) {
                return false;
            }
        }
        return true;
    }

    private void close(int at) {
        XmlElement el = current;
        if (el.innerEnd < el.innerStart) {
            el.innerEnd = Math.max(el.innerStart, at);
        }
        el.finish();
        current = el.parent;
        depth--;
    }

    // ---------------------------------------------------------------- namespaces

    private static final int MAX_NAMESPACES_IN_SCOPE = 64;

    private String resolveNamespace(XmlElement el) {
        XmlElement parent = el.parent;
        el.namespaces = parent == null ? Map.of() : parent.namespaces;
        Map<String, String> declared = null;
        for (int i = 0; i < el.attributeCount; i++) {
            String a = el.attributes[i * 2];
            if (!a.startsWith("xmlns")) {
                continue;
            }
            String prefix = a.equals("xmlns") ? "" : a.startsWith("xmlns:") ? a.substring(6) : null;
            if (prefix == null) {
                continue;
            }
            String uri = el.attributes[i * 2 + 1].trim();
            if ("http://purl.org/atom/ns#".equals(uri)) {
                atom03 = true;
            }
            if (declared == null) {
                declared = new HashMap<>(el.namespaces);
            }
            if (declared.size() < MAX_NAMESPACES_IN_SCOPE || declared.containsKey(prefix)) {
                declared.put(prefix, uri);
            } else if (!namespaceLimitReported) {
                namespaceLimitReported = true;
                problem(pos, "more than " + MAX_NAMESPACES_IN_SCOPE + " namespace declarations in scope; rest ignored");
            }
        }
        if (declared != null) {
            el.namespaces = declared;
        }
        if (el.namespaces != namespaceKeysScope) {
            namespaceKeys.clear();
            namespaceKeysScope = el.namespaces;
        }
        String key = namespaceKeys.get(el.qname);
        if (key == null) {
            key = namespaceKey(el.qname, el.namespaces);
            if (namespaceKeys.size() < 4096) {
                namespaceKeys.put(el.qname, key);
            }
        }
        return key;
    }

    /** The namespace key of a qualified name under these declarations; notes an undeclared prefix once. */
    private String namespaceKey(String qname, Map<String, String> namespaces) {
        int colon = qname.indexOf(':');
        String prefix = colon < 0 ? "" : qname.substring(0, colon);
        String uri = namespaces.get(prefix);
        if (uri == null) {
            if (prefix.isEmpty()) {
                return "";
            }
            if (!prefix.equals("xml") && undeclaredPrefixes.add(prefix)) {
                problem(pos, "undeclared namespace prefix " + prefix + ":");
            }
            return shared(prefix);
        }
        String canonical = canonicalCache.get(uri);
        if (canonical == null) {
            canonical = shared(canonicalNamespace(uri));
            canonicalCache.put(uri, canonical);
        }
        return canonical;
    }

    static String canonicalNamespace(String uri) {
        String u = uri.trim();
        String known = KNOWN_NAMESPACES.get(u.toLowerCase(java.util.Locale.ROOT));
        return known != null ? known : u;
    }

    // ---------------------------------------------------------------- helpers

    private String name(int start, int end) {
        // names repeat endlessly in feeds: intern them per document in a small open-addressing table keyed by the
        // characters themselves, so a repeated name costs a hash and a compare, not an allocation
        int len = end - start;
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + s[i];
        }
        int mask = nameTable.length - 1;
        int slot = (h ^ (h >>> 16)) & mask;
        for (int probe = 0; probe < 8; probe++) {
            String candidate = nameTable[slot];
            if (candidate == null) {
                String created = new String(s, start, len);
                if (nameCount < nameTable.length / 2) {
                    nameTable[slot] = created;
                    nameCount++;
                }
                return created;
            }
            if (matches(candidate, start, len)) {
                return candidate;
            }
            slot = (slot + 1) & mask;
        }
        return new String(s, start, len);
    }

    private static final int MAX_SHARED_NAMES = 20_000;
    private static final java.util.concurrent.ConcurrentHashMap<String, String> SHARED_NAMES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The interned instance of a name, through a shared map so that the common names cost one hash lookup rather than
     * a {@link String#intern} call per document.
     */
    static String shared(String name) {
        String known = SHARED_NAMES.get(name);
        if (known != null) {
            return known;
        }
        String interned = name.intern();
        if (SHARED_NAMES.size() < MAX_SHARED_NAMES) {
            SHARED_NAMES.putIfAbsent(interned, interned);
        }
        return interned;
    }

    private String localName(String qname) {
        String local = localNames.get(qname);
        if (local == null) {
            int colon = qname.indexOf(':');
            // interned, so that XmlElement.is can compare by identity with the literal names the readers ask for
            local = shared(colon >= 0 ? qname.substring(colon + 1) : qname);
            if (localNames.size() < 4096) {
                localNames.put(qname, local);
            }
        }
        return local;
    }

    private void problem(int at, String message) {
        illFormed = true;
        problemCount++;
        if (problemCount > MAX_PROBLEMS) {
            return;
        }
        if (at < trackPos) {
            trackPos = 0;
            trackLine = 1;
            trackColumn = 1;
        }
        int end = Math.min(at, n);
        for (int i = trackPos; i < end; i++) {
            char c = s[i];
            if (c == '\n') {
                trackLine++;
                trackColumn = 1;
            } else if (c == '\r') {
                if (i + 1 < n && s[i + 1] == '\n') {
                    continue;
                }
                trackLine++;
                trackColumn = 1;
            } else {
                trackColumn++;
            }
        }
        trackPos = end;
        problems.add(new ParseProblem(trackLine, trackColumn, message));
    }

    private boolean startsWith(int at, String str) {
        if (at + str.length() > n) {
            return false;
        }
        for (int i = 0; i < str.length(); i++) {
            if (s[at + i] != str.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWithIgnoreCase(int at, String str) {
        if (at + str.length() > n) {
            return false;
        }
        for (int i = 0; i < str.length(); i++) {
            if (Character.toUpperCase(s[at + i]) != str.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(String str, int from) {
        return indexOfIn(str, from, n);
    }

    private int indexOfIn(String str, int from, int to) {
        char first = str.charAt(0);
        int last = to - str.length();
        for (int i = from; i <= last; i++) {
            if (s[i] == first && startsWith(i, str)) {
                return i;
            }
        }
        return -1;
    }

    private int firstNonBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isSpace(s[i]) && s[i] != '\uFEFF') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || c >= 0xC0;
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || c == '_'
                || c == ':'
                || c == '-'
                || c == '.'
                || c >= 0xB7;
    }

    private static String hex(char c) {
        String h = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
        return "0000".substring(h.length()) + h;
    }
}
