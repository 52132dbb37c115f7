package org.callisto.html;

import java.util.List;

/**
 * What {@link FragmentValidator} found: nothing (the fragment is valid) or the problems in source order.
 * Immutable and thread-safe.
 *
 * @param errors the problems, sorted by line and column; empty when the fragment is valid
 */
public record ValidationResult(List<ValidationError> errors) {

    public ValidationResult {
        errors = List.copyOf(errors);
    }

    /** Whether no problem was found. */
    public boolean valid() {
        return errors.isEmpty();
    }
}
