package org.callisto.html;

import java.net.URI;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;

/**
 * Makes HTML written elsewhere safe to store and show, following one {@link SanitizePolicy}: no script, no event
 * handlers, no styles, no forms, no plug-ins, only allowed URL schemes, only sandboxed players in iframes.
 *
 * <pre>{@code
 * HtmlSanitizer planet = HtmlSanitizer.aggregated();
 * String safe = planet.sanitize(entry.contentHtml(), entry.url());
 * }</pre>
 *
 * <p>The input is parsed as the body of an HTML document (as a browser would), and the allowed part of the tree is
 * written out as HTML during one walk over it, without pretty-printing, so whitespace in {@code pre} and
 * {@code code} is kept exactly. Relative URLs are made absolute against the entry's URL.
 *
 * <p>The output is a fixed point: {@code sanitize(sanitize(x, b), b)} equals {@code sanitize(x, b)}. Writing out
 * the allowed part of a tree can in rare cases produce nesting that the parser would build differently (an
 * unwrapped element that was a scope boundary, say). The walk notes when it did something of that kind; only then
 * is the result re-sanitized until it no longer changes, at most {@value #MAX_PASSES} passes. Everything else
 * (ordinary elements unwrapped, scripts and other raw-text or void elements dropped, attributes cleaned) leaves
 * output that the parser reads back as the same tree, so one pass is final; the corpus and property tests check
 * this on real feeds, DOMPurify's payloads and spliced markup.
 *
 * <p>Bombs come out small. Elements nested deeper than {@value #MAX_DEPTH} levels are unwrapped, their text kept
 * (browsers cap nesting too, at 512), so a million nested {@code div}s give 64 and half a million nested
 * {@code <b><i>} give 64 tags and their text. {@link #sanitize(String, String, int)} also caps the output's size:
 * it stops at the last node that fits, closes what is open, and says whether it cut.
 *
 * <p>Immutable and thread-safe; share one instance per policy.
 */
public final class HtmlSanitizer {
    static final int MAX_PASSES = 4;

    /** Elements nested deeper than this are unwrapped: their tags go, their content stays. */
    public static final int MAX_DEPTH = 64;

    /**
     * Sanitized HTML that may have been cut short.
     *
     * @param html the safe HTML fragment, never null
     * @param cut  whether the input held more than fitted in the byte limit
     */
    public record Result(String html, boolean cut) {}

    private final SanitizePolicy policy;
    private final UrlCleaner urls;
    private final ElementRules rules;

    /** A sanitizer applying {@code policy}. */
    public HtmlSanitizer(SanitizePolicy policy) {
        if (policy == null) {
            throw new IllegalArgumentException("policy must not be null");
        }
        this.policy = policy;
        this.urls = new UrlCleaner(policy.dataImageTypes());
        this.rules = new ElementRules(policy);
    }

    /** The sanitizer for entries aggregated from feeds ({@link SanitizePolicy#aggregated()}). */
    public static HtmlSanitizer aggregated() {
        return new HtmlSanitizer(SanitizePolicy.aggregated());
    }

    /** The sanitizer for marked-up entry titles ({@link SanitizePolicy#inlineTitle()}). */
    public static HtmlSanitizer inlineTitle() {
        return new HtmlSanitizer(SanitizePolicy.inlineTitle());
    }

    /** The policy this sanitizer applies. */
    public SanitizePolicy policy() {
        return policy;
    }

    /**
     * Sanitizes one fragment.
     *
     * @param html    the HTML as found in the feed; null is treated as empty
     * @param baseUrl the URL of the entry (or the feed), for relative URLs; when null or not an absolute http(s)
     *                URL, relative URLs are dropped instead of resolved
     * @return the safe HTML fragment, never null
     */
    public String sanitize(String html, String baseUrl) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        BaseUrl base = BaseUrl.of(baseUrl);
        StringBuilder out = new StringBuilder(html.length() + (html.length() >> 3) + 16);
        if (pass(html, base, out)) {
            return out.toString();
        }
        String current = out.toString();
        for (int pass = 1; pass < MAX_PASSES; pass++) {
            out.setLength(0);
            pass(current, base, out);
            if (out.length() == current.length() && current.contentEquals(out)) {
                return current;
            }
            current = out.toString();
        }
        return current;
    }

    /**
     * Sanitizes one fragment into at most {@code maxBytes} bytes of UTF-8. When the whole does not fit, the output
     * ends at an element boundary (or within a text, at a word, with an ellipsis), with every open element closed;
     * it is then still a fixed point of {@link #sanitize(String, String)}.
     *
     * @param maxBytes the most UTF-8 bytes the result may take, at least 0
     */
    public Result sanitize(String html, String baseUrl, int maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be at least 0, not " + maxBytes);
        }
        if (html == null || html.isEmpty()) {
            return new Result("", false);
        }
        BaseUrl base = BaseUrl.of(baseUrl);
        StringBuilder out = new StringBuilder(Math.min(html.length(), maxBytes) + 16);
        TreeCleaner first = walk(html, base, out, maxBytes);
        boolean cut = first.cut();
        if (first.settled()) {
            return new Result(out.toString(), false);
        }
        String current = out.toString();
        for (int pass = 1; pass < MAX_PASSES; pass++) {
            out.setLength(0);
            TreeCleaner again = walk(current, base, out, maxBytes);
            cut |= again.cut();
            if (out.length() == current.length() && current.contentEquals(out)) {
                return new Result(current, cut);
            }
            current = out.toString();
        }
        return new Result(current, cut);
    }

    /** One parse and write pass, without the fixed-point guarantee. */
    String sanitizeOnce(String html, URI base) {
        StringBuilder out = new StringBuilder(html.length() + 16);
        pass(html, BaseUrl.of(base), out);
        return out.toString();
    }

    /** As {@link #pass(String, BaseUrl, StringBuilder)} with a parsed base. */
    boolean pass(String html, URI base, StringBuilder out) {
        return pass(html, BaseUrl.of(base), out);
    }

    /**
     * Parses {@code html} and appends its allowed part to {@code out}.
     *
     * @return true when the output is certainly a fixed point, false when it needs another pass to be sure
     */
    boolean pass(String html, BaseUrl base, StringBuilder out) {
        return walk(html, base, out, Integer.MAX_VALUE).settled();
    }

    private TreeCleaner walk(String html, BaseUrl base, StringBuilder out, int maxBytes) {
        // The fragment's nodes as parsed in the context of a body element, walked where the parser left them
        // (what Jsoup.parseBodyFragment does, without building a document around them and moving them into it).
        List<Node> nodes = Parser.parseFragment(html, new Element("body"), "");
        TreeCleaner cleaner = new TreeCleaner(policy, rules, urls, base, out, maxBytes);
        cleaner.write(nodes);
        return cleaner;
    }
}
