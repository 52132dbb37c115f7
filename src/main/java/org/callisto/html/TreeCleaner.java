package org.callisto.html;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Copies the allowed part of a parsed tree into a fresh element, following a {@link SanitizePolicy}. Only what is
 * allowed is copied (text, allowed elements, allowed attributes with clean values); nothing is removed from the
 * source, so a rule that forgets a case fails closed.
 *
 * <p>jsoup's {@code Cleaner} works the same way but decides per tag and per attribute alone. This policy needs
 * decisions that look at several attributes or at the surroundings: an {@code iframe} is kept only for an allowed
 * player and is rebuilt with a sandbox, an {@code img} of 1×1 pixels is dropped, {@code data:} is allowed only for
 * raster images in {@code img src}, relative URLs are resolved (Cleaner can only keep or drop them), links get a
 * {@code rel}, elements outside the HTML namespace (SVG, MathML) go with their content, and some elements are
 * renamed. Hence this walk over jsoup's parse tree rather than a {@code Safelist}.
 *
 * <p>The walk is iterative ({@link NodeTraversor}), so deeply nested input cannot overflow the stack. One instance
 * serves one call: not thread-safe, cheap to create.
 */
final class TreeCleaner implements NodeFilter {
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "poster", "cite");
    private static final Set<String> SOURCE_PARENTS = Set.of("picture", "audio", "video");
    private static final Set<String> TRACK_PARENTS = Set.of("audio", "video");
    private static final List<String> LAZY_SOURCES = List.of("data-src", "data-lazy-src", "data-original");

    private final SanitizePolicy policy;
    private final UrlCleaner urls;
    private final URI base;
    private final Deque<Boolean> copied = new ArrayDeque<>();
    private Element destination;

    TreeCleaner(SanitizePolicy policy, UrlCleaner urls, URI base) {
        this.policy = policy;
        this.urls = urls;
        this.base = base;
    }

    /** Copies the allowed content of {@code source}'s children into {@code target}. */
    void copyChildren(Element source, Element target) {
        destination = target;
        for (Node child : source.childNodes()) {
            NodeTraversor.filter(this, child);
        }
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode text) {
            destination.appendChild(new TextNode(text.getWholeText()));
            return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element source)) {
            return FilterResult.SKIP_ENTIRELY; // comments, script and style data, doctypes
        }
        if (!Parser.NamespaceHtml.equals(source.tag().namespace())) {
            return FilterResult.SKIP_ENTIRELY; // SVG and MathML content: its parsing rules invite mutation XSS
        }
        String name = source.normalName();
        if (name.equals("iframe")) {
            copyIframe(source);
            return FilterResult.SKIP_ENTIRELY;
        }
        if (policy.droppedWithContent().contains(name)) {
            return FilterResult.SKIP_ENTIRELY;
        }
        name = policy.renamed().getOrDefault(name, name);
        if (!policy.allows(name)) {
            copied.push(false); // unwrap: the children are copied in place of the element
            return FilterResult.CONTINUE;
        }
        Element out = copyElement(source, name);
        if (out == null) {
            return FilterResult.SKIP_ENTIRELY;
        }
        destination.appendChild(out);
        destination = out;
        copied.push(true);
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (node instanceof Element && copied.pop()) {
            destination = destination.parent();
        }
        return FilterResult.CONTINUE;
    }

    /** The cleaned copy of an allowed element, or null when it should go with its content. */
    private Element copyElement(Element source, String name) {
        String parent = destination.normalName();
        if (name.equals("source") && !SOURCE_PARENTS.contains(parent)
                || name.equals("track") && !TRACK_PARENTS.contains(parent)) {
            return null;
        }
        if (name.equals("img") && policy.removeTrackingPixels()
                && AttributeValues.isTrackingPixel(source.attr("width"), source.attr("height"))) {
            return null;
        }
        Element out = new Element(name);
        for (Attribute attr : source.attributes()) {
            String key = attr.getKey().toLowerCase(java.util.Locale.ROOT);
            if (!policy.allows(name, key) || out.hasAttr(key)) {
                continue;
            }
            String value = cleanValue(name, key, attr.getValue());
            if (value != null) {
                out.attr(key, value);
            }
        }
        if (name.equals("img") && !out.hasAttr("src")) {
            promoteLazySource(source, out);
        }
        if ((name.equals("img") && !out.hasAttr("src"))
                || (name.equals("source") && !out.hasAttr("src") && !out.hasAttr("srcset"))) {
            return null;
        }
        if (name.equals("a") && out.hasAttr("href") && policy.linkRel() != null) {
            out.attr("rel", policy.linkRel());
        }
        return out;
    }

    /**
     * Lazy-loading scripts keep an image's URL in {@code data-src} (or a variant) and leave {@code src} empty or a
     * placeholder; without the script the image would be lost, so the first usable such URL becomes {@code src}.
     */
    private void promoteLazySource(Element source, Element out) {
        for (String key : LAZY_SOURCES) {
            if (source.hasAttr(key)) {
                String url = urls.clean(source.attr(key), base, policy.mediaSchemes(), false);
                if (url != null) {
                    out.attr("src", url);
                    return;
                }
            }
        }
    }

    private String cleanValue(String element, String key, String value) {
        if (key.equals("srcset")) {
            return urls.cleanSrcset(value, base, policy.mediaSchemes());
        }
        if (URL_ATTRIBUTES.contains(key)) {
            boolean link = element.equals("a") && key.equals("href");
            boolean dataImage = element.equals("img") && key.equals("src");
            return urls.clean(value, base, link ? policy.linkSchemes() : policy.mediaSchemes(), dataImage);
        }
        return AttributeValues.clean(element, key, value);
    }

    /** Keeps an iframe only when it shows an allowed player; rebuilds it, sandboxed and without its content. */
    private void copyIframe(Element source) {
        String src = urls.clean(source.attr("src"), base, Set.of("https"), false);
        if (src == null || !policy.embeds().allows(URI.create(src))) {
            return;
        }
        Element out = new Element("iframe").attr("src", src);
        for (String dimension : new String[] {"width", "height"}) {
            String v = AttributeValues.clean("iframe", dimension, source.attr(dimension));
            if (v != null && source.hasAttr(dimension)) {
                out.attr(dimension, v);
            }
        }
        if (source.hasAttr("title")) {
            out.attr("title", source.attr("title"));
        }
        out.attr("sandbox", policy.iframeSandbox())
                .attr("allowfullscreen", "")
                .attr("loading", "lazy");
        destination.appendChild(out);
    }
}
