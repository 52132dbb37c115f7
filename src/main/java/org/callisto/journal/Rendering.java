package org.callisto.journal;

import java.util.List;
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
}
