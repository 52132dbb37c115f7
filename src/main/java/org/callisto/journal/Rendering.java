package org.callisto.journal;

import java.util.List;
import org.callisto.html.FragmentPolicy;
import org.callisto.html.FragmentRenderer;
import org.callisto.html.MarkdownText;
import org.callisto.html.PlainText;
import org.callisto.html.RenderedFragment;
import org.callisto.html.ValidationError;

/**
 * One part of a story (intro or "read more") as checked: either the sanitized HTML to store and show, or the
 * problems and a report of them ({@link org.callisto.html.ValidationReport}: the source as text, problems marked),
 * never both. Immutable.
 *
 * @param errors the problems with their line:column; empty when valid
 * @param html   the sanitized HTML when valid (possibly empty for an absent part), else null
 * @param report the escaped source with the problems marked when invalid, else null
 */
public record Rendering(List<ValidationError> errors, String html, String report) {
    static final Rendering EMPTY = new Rendering(List.of(), "", null);

    public Rendering {
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /**
     * Checks and renders member-written {@code source} in its format under {@code policy}: HTML is validated first
     * and, with problems, yields only the report; plain text and Markdown are rendered and then sanitized by the
     * same policy, so no format can carry what the HTML mode refuses. {@code renderer} must have been made from
     * {@code policy}: its sanitizer cleans the Markdown output too.
     */
    static Rendering of(
            FragmentRenderer renderer, FragmentPolicy policy, StoryFormat format, String source, String siteUrl) {
        return switch (format) {
            case HTML -> {
                RenderedFragment r = renderer.render(source);
                yield r.valid()
                        ? new Rendering(List.of(), r.html(), null)
                        : new Rendering(r.errors(), null, renderer.preview(source));
            }
            case TEXT ->
                new Rendering(List.of(), renderer.sanitizer().sanitize(PlainText.toHtml(source), siteUrl), null);
            case MARKDOWN ->
                new Rendering(List.of(), MarkdownText.toHtml(source, policy, renderer.sanitizer(), siteUrl), null);
        };
    }
}
