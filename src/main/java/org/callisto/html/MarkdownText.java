package org.callisto.html;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Turns a member's Markdown (CommonMark, through commonmark-java) into the HTML to store.
 *
 * <p>Markdown cannot smuggle in what the HTML mode refuses: raw HTML in the Markdown is escaped (it shows as
 * typed), and the rendered HTML then goes through {@link HtmlSanitizer} with the same policy as HTML fragments, so
 * a link such as {@code [x](javascript:alert(1))} loses its address and every link gets
 * {@code rel="nofollow ugc noopener"}. Markdown's constructs are mapped onto the policy's tags: headings become
 * {@code h3}/{@code h4} where the policy allows them and a bold paragraph otherwise, and images (allowed in
 * neither preset) become a link to the picture, labelled with its description.
 *
 * <p>Stateless and thread-safe (commonmark-java's parser and renderer are).
 */
public final class MarkdownText {
    /** GFM tables, strikethrough and autolinks, through commonmark-java's own extensions. */
    private static final List<Extension> EXTENSIONS =
            List.of(TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create());

    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

    private MarkdownText() {}

    /** The HTML for {@code markdown} under the comment policy, relative links dropped; null gives "". */
    public static String toHtml(String markdown) {
        return toHtml(markdown, FragmentPolicy.comment(), null);
    }

    /**
     * The HTML for {@code markdown} under {@code policy}.
     *
     * @param siteUrl the URL relative links are resolved against, or null to drop them
     */
    public static String toHtml(String markdown, FragmentPolicy policy, String siteUrl) {
        return toHtml(markdown, policy, new HtmlSanitizer(policy.sanitizePolicy()), siteUrl);
    }

    /**
     * The HTML for {@code markdown} under {@code policy}, cleaned by {@code sanitizer}, which must have been made
     * from {@code policy.sanitizePolicy()}: for callers that render many fragments and keep one sanitizer (building
     * a policy and its sanitizer costs more than rendering a comment).
     *
     * @param siteUrl the URL relative links are resolved against, or null to drop them
     */
    public static String toHtml(String markdown, FragmentPolicy policy, HtmlSanitizer sanitizer, String siteUrl) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .softbreak("\n")
                .nodeRendererFactory(context -> new PolicyNodes(context, policy))
                .build();
        String html = renderer.render(PARSER.parse(markdown));
        return sanitizer.sanitize(html, siteUrl).strip();
    }

    /** Renders headings and images as tags the policy allows. */
    private static final class PolicyNodes implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;
        private final FragmentPolicy policy;

        PolicyNodes(HtmlNodeRendererContext context, FragmentPolicy policy) {
            this.context = context;
            this.html = context.getWriter();
            this.policy = policy;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Heading.class, Image.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Heading heading) {
                heading(heading);
            } else if (node instanceof Image image) {
                image(image);
            }
        }

        private void heading(Heading heading) {
            String tag = heading.getLevel() <= 3 ? "h3" : "h4";
            if (!policy.allows(tag)) {
                tag = policy.allows("h4") ? "h4" : null;
            }
            html.line();
            if (tag != null) {
                html.tag(tag);
                children(heading);
                html.tag("/" + tag);
            } else {
                html.tag("p");
                html.tag("strong");
                children(heading);
                html.tag("/strong");
                html.tag("/p");
            }
            html.line();
        }

        private void image(Image image) {
            if (policy.allows("img")) {
                html.tag("img", Map.of("src", context.encodeUrl(image.getDestination()), "alt", altText(image)), true);
                return;
            }
            html.tag("a", Map.of("href", context.encodeUrl(image.getDestination())));
            if (image.getFirstChild() == null) {
                html.text(image.getDestination());
            } else {
                children(image);
            }
            html.tag("/a");
        }

        private static String altText(Node node) {
            StringBuilder sb = new StringBuilder();
            for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof org.commonmark.node.Text t) {
                    sb.append(t.getLiteral());
                } else {
                    sb.append(altText(c));
                }
            }
            return sb.toString();
        }

        private void children(Node parent) {
            Node child = parent.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                context.render(child);
                child = next;
            }
        }
    }
}
