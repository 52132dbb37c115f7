package org.callisto.html;

import java.util.List;

/**
 * The outcome of {@link FragmentRenderer#render}: the HTML to store when the fragment was valid, otherwise the
 * problems to show the member. Immutable and thread-safe.
 *
 * @param errors the problems found; empty when the fragment was valid
 * @param html   the sanitized HTML to store, or null when there were problems
 */
public record RenderedFragment(List<ValidationError> errors, String html) {

    public RenderedFragment {
        errors = List.copyOf(errors);
        if (errors.isEmpty() == (html == null)) {
            throw new IllegalArgumentException("either errors or html, not both and not neither");
        }
    }

    /** Whether the fragment was valid and {@link #html()} holds what to store. */
    public boolean valid() {
        return errors.isEmpty();
    }
}
