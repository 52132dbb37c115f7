package org.callisto.journal;

/**
 * What a submission would look like: both parts checked. When either has problems, nothing of the story is to be
 * rendered as HTML; only the reports are shown. Immutable.
 *
 * @param intro the intro, checked
 * @param body  the "read more" part, checked ({@link Rendering#EMPTY}-like when absent)
 */
public record Preview(Rendering intro, Rendering body) {
    /** Whether both parts are free of problems. */
    public boolean valid() {
        return intro.valid() && body.valid();
    }
}
