package org.callisto.html;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;

/**
 * Makes HTML written elsewhere safe to store and show, following one {@link SanitizePolicy}: no script, no event
 * handlers, no styles, no forms, no plug-ins, only allowed URL schemes, only sandboxed players in iframes.
 *
 * <pre>{@code
 * HtmlSanitizer planet = HtmlSanitizer.aggregated();
 * String safe = planet.sanitize(entry.contentHtml(), entry.url());
 * }</pre>
 *
 * <p>The input is parsed as the body of an HTML document (as a browser would), the allowed part of the tree is
 * copied into a new document, and that is serialised without pretty-printing, so whitespace in {@code pre} and
 * {@code code} is kept exactly. Relative URLs are made absolute against the entry's URL.
 *
 * <p>The output is a fixed point: {@code sanitize(sanitize(x, b), b)} equals {@code sanitize(x, b)}. Copying the
 * allowed part of a tree can in rare cases produce nesting that the parser would build differently (an unwrapped
 * element that was a scope boundary, say), so the result is re-sanitized until it no longer changes, at most
 * {@value #MAX_PASSES} passes; well-formed input settles after the second pass.
 *
 * <p>Immutable and thread-safe; share one instance per policy.
 */
public final class HtmlSanitizer {
    static final int MAX_PASSES = 4;

    private final SanitizePolicy policy;
    private final UrlCleaner urls;

    /** A sanitizer applying {@code policy}. */
    public HtmlSanitizer(SanitizePolicy policy) {
        if (policy == null) {
            throw new IllegalArgumentException("policy must not be null");
        }
        this.policy = policy;
        this.urls = new UrlCleaner(policy.dataImageTypes());
    }

    /** The sanitizer for entries aggregated from feeds ({@link SanitizePolicy#aggregated()}). */
    public static HtmlSanitizer aggregated() {
        return new HtmlSanitizer(SanitizePolicy.aggregated());
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
        URI base = UrlResolver.base(baseUrl);
        String out = sanitizeOnce(html, base);
        for (int pass = 1; pass < MAX_PASSES; pass++) {
            String again = sanitizeOnce(out, base);
            if (again.equals(out)) {
                return out;
            }
            out = again;
        }
        return out;
    }

    /** One parse, copy and serialise pass, without the fixed-point guarantee. */
    String sanitizeOnce(String html, URI base) {
        Document source = Jsoup.parseBodyFragment(html);
        Document target = Document.createShell("");
        target.outputSettings()
                .prettyPrint(false)
                .charset(StandardCharsets.UTF_8)
                .escapeMode(Entities.EscapeMode.base);
        new TreeCleaner(policy, urls, base).copyChildren(source.body(), target.body());
        return target.body().html();
    }
}
